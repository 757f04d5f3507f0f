namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Wire names of <see cref="CertificateOperationStatus"/> (InstallCertificateStatusEnumType, DeleteCertificateStatusEnumType).</summary>
    public static class CertificateOperationStatusText
    {
        public static string Of(CertificateOperationStatus status)
        {
            switch (status)
            {
                case CertificateOperationStatus.Accepted: return "Accepted";
                case CertificateOperationStatus.Rejected: return "Rejected";
                case CertificateOperationStatus.NotFound: return "NotFound";
                default: return "Failed";
            }
        }
    }
}
