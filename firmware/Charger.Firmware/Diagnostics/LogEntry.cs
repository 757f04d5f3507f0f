using Charger.Hal;

namespace Charger.Firmware.Diagnostics
{
    /// <summary>One line of the log ring. A struct so the ring is one preallocated array.</summary>
    public struct LogEntry
    {
        /// <summary>Increases by one per line written since boot; lets readers resume ("log follow").</summary>
        public long Sequence;

        public long TimestampMs;

        public LogLevel Level;

        public string Component;

        public string Message;

        public override string ToString()
        {
            return LogFormat.FormatTimestamp(TimestampMs) + " " + LogFormat.LevelName(Level) + " " + Component + ": " + Message;
        }
    }
}
