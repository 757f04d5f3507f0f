using Charger.Firmware.Diagnostics;

namespace Charger.Device
{
    /// <summary>Copies each log line to the debugger output (Visual Studio / VS Code with a board attached).</summary>
    public static class DebugLogSink
    {
        public static void Write(LogEntry entry)
        {
            System.Diagnostics.Debug.WriteLine(entry.ToString());
        }
    }
}
