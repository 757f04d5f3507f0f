namespace Charger.Ocpp.Transactions
{
    /// <summary>UnlockStatusEnumType of OCPP 2.0.1 (F05); member names are the wire strings.</summary>
    public enum UnlockStatus
    {
        Unlocked = 0,
        UnlockFailed = 1,
        OngoingAuthorizedTransaction = 2,
        UnknownConnector = 3,
    }
}
