namespace Charger.Ocpp.Rpc
{
    /// <summary>Registration status from the last BootNotificationResponse (OCPP 2.0.1 RegistrationStatusEnumType), or NotRegistered.</summary>
    public enum RegistrationState
    {
        NotRegistered = 0,
        Pending = 1,
        Rejected = 2,
        Accepted = 3,
    }
}
