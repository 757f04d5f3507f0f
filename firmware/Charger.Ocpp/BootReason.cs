namespace Charger.Ocpp
{
    /// <summary>OCPP 2.0.1 BootReasonEnumType: why the station (re)started, as the firmware knows it.</summary>
    public enum BootReason
    {
        ApplicationReset = 0,
        FirmwareUpdate,
        LocalReset,
        PowerUp,
        RemoteReset,
        ScheduledReset,
        Triggered,
        Unknown,
        Watchdog,
    }
}
