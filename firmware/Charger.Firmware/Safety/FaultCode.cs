namespace Charger.Firmware.Safety
{
    /// <summary>Every reason the safety supervisor can refuse power. Numbers are stable (logs, OCPP, console).</summary>
    public enum FaultCode
    {
        RcdTrip = 0,
        EmergencyStop = 1,
        DiodeFault = 2,
        PilotShort = 3,
        OverCurrent = 4,
        OverTemperature = 5,
        TemperatureSensor = 6,
        ContactorStuckOpen = 7,
        ContactorWelded = 8,
        MeterFault = 9,
        CableFault = 10,
        InternalFailure = 11,

        /// <summary>The socket's connector lock did not lock, or opened while held (issue 12 item 10).</summary>
        LockFailure = 12,
    }
}
