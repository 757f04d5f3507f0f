namespace Charger.Firmware.Diagnostics
{
    public delegate void LogWrittenHandler(LogEntry entry);
}
