namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Status plus, when not Accepted, a reasonCode (at most 20 characters, StatusInfoType) and readable detail.</summary>
    public sealed class CertificateOperationResult
    {
        public CertificateOperationResult(CertificateOperationStatus status, string reasonCode, string detail)
        {
            Status = status;
            ReasonCode = reasonCode;
            Detail = detail;
        }

        public CertificateOperationStatus Status { get; }

        public string ReasonCode { get; }

        public string Detail { get; }
    }
}
