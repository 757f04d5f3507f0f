namespace Charger.Ocpp.Transactions
{
    /// <summary>ChargingStateEnumType of OCPP 2.0.1 (transactionInfo.chargingState); member names are the wire strings.</summary>
    public enum ChargingState
    {
        Idle = 0,
        EVConnected = 1,
        Charging = 2,
        SuspendedEV = 3,
        SuspendedEVSE = 4,
    }
}
