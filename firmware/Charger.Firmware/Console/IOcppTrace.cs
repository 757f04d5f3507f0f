namespace Charger.Firmware.Console
{
    /// <summary>Switches the OCPP frame trace (every frame in and out written to the log at debug level).</summary>
    public interface IOcppTrace
    {
        bool Enabled { get; }

        void SetEnabled(bool enabled);
    }
}
