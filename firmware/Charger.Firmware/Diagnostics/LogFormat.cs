using Charger.Hal;

namespace Charger.Firmware.Diagnostics
{
    /// <summary>Formatting shared by the console, the simulator timeline and log upload.</summary>
    public static class LogFormat
    {
        public static string LevelName(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Error:
                    return "ERROR";
                case LogLevel.Warning:
                    return "WARN ";
                case LogLevel.Info:
                    return "INFO ";
                default:
                    return "DEBUG";
            }
        }

        /// <summary>Milliseconds since boot as h:mm:ss.mmm (explicit digits: float formatting differs on the board).</summary>
        public static string FormatTimestamp(long ms)
        {
            long totalSeconds = ms / 1000;
            long millis = ms % 1000;
            long seconds = totalSeconds % 60;
            long minutes = (totalSeconds / 60) % 60;
            long hours = totalSeconds / 3600;
            return hours.ToString() + ":" + Pad(minutes, 2) + ":" + Pad(seconds, 2) + "." + Pad(millis, 3);
        }

        private static string Pad(long value, int width)
        {
            string s = value.ToString();
            while (s.Length < width)
            {
                s = "0" + s;
            }

            return s;
        }
    }
}
