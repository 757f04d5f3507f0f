namespace Charger.Ocpp.Authorization
{
    /// <summary>AuthorizationStatusEnumType of OCPP 2.0.1; the member names are the wire strings.</summary>
    public enum AuthorizationStatus
    {
        Accepted = 0,
        Blocked = 1,
        ConcurrentTx = 2,
        Expired = 3,
        Invalid = 4,
        NoCredit = 5,
        NotAllowedTypeEVSE = 6,
        NotAtThisTime = 7,
        Unknown = 8,
    }
}
