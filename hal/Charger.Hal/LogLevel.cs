namespace Charger.Hal
{
    /// <summary>Severity of a log line, most severe first (as syslog numbers them).</summary>
    public enum LogLevel
    {
        Error = 3,
        Warning = 4,
        Info = 6,
        Debug = 7,
    }
}
