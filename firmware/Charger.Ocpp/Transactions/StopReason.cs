namespace Charger.Ocpp.Transactions
{
    /// <summary>ReasonEnumType of OCPP 2.0.1 (transactionInfo.stoppedReason); member names are the wire strings.</summary>
    public enum StopReason
    {
        Local = 0,
        DeAuthorized = 1,
        EmergencyStop = 2,
        EnergyLimitReached = 3,
        EVDisconnected = 4,
        GroundFault = 5,
        ImmediateReset = 6,
        LocalOutOfCredit = 7,
        MasterPass = 8,
        Other = 9,
        OvercurrentFault = 10,
        PowerLoss = 11,
        PowerQuality = 12,
        Reboot = 13,
        Remote = 14,
        SOCLimitReached = 15,
        StoppedByEV = 16,
        TimeLimitReached = 17,
        Timeout = 18,
    }
}
