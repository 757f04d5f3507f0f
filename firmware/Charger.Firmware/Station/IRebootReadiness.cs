namespace Charger.Firmware.Station
{
    /// <summary>
    /// Asked by <see cref="ServiceStop"/> before a reboot: whether what must leave the station first
    /// (the OCPP answer to a Reset, the transaction's Ended event) has left or is safely queued.
    /// </summary>
    public interface IRebootReadiness
    {
        bool ReadyToReboot(long nowMs);
    }
}
