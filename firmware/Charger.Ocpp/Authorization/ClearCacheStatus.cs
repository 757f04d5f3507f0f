namespace Charger.Ocpp.Authorization
{
    /// <summary>ClearCacheStatusEnumType.</summary>
    public enum ClearCacheStatus
    {
        Accepted = 0,
        Rejected = 1,
    }
}
