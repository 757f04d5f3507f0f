namespace Charger.Firmware.Station
{
    /// <summary>
    /// Why a service stop holds the charge back (issue 12 item 2). Each reason is one bit: several
    /// can hold at once (an availability change and a reset), and each is released on its own.
    /// </summary>
    public enum ServiceStopReason
    {
        None = 0,
        MeterLoss = 1,
        Reset = 2,
        Reboot = 4,
        FirmwareInstall = 8,
        Availability = 16,
        RemoteStop = 32,
    }
}
