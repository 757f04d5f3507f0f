namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>What an install or delete came to; the handlers map it to the message's status names.</summary>
    public enum CertificateOperationStatus
    {
        Accepted = 0,
        Rejected = 1,
        Failed = 2,
        NotFound = 3,
    }
}
