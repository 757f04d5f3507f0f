namespace Charger.Ocpp.Authorization
{
    /// <summary>SendLocalListStatusEnumType.</summary>
    public enum SendLocalListStatus
    {
        Accepted = 0,
        Failed = 1,
        VersionMismatch = 2,
    }
}
