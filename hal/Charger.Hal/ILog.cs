namespace Charger.Hal
{
    /// <summary>
    /// Where every layer writes what it did and why. Implemented by the firmware's bounded log
    /// ring; the OCPP and metering libraries see only this interface.
    /// </summary>
    public interface ILog
    {
        void Write(LogLevel level, string component, string message);
    }
}
