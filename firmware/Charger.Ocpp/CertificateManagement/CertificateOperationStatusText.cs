namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Wire names of <see cref="CertificateOperationStatus"/> (InstallCertificateStatusEnumType, DeleteCertificateStatusEnumType).</summary>
    public static class CertificateOperationStatusText
    {
        /// <summary>The name of <paramref name="status"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(CertificateOperationStatus status)
        {
            switch (status)
            {
                case CertificateOperationStatus.Accepted: return "Accepted";
                case CertificateOperationStatus.Rejected: return "Rejected";
                case CertificateOperationStatus.Failed: return "Failed";
                case CertificateOperationStatus.NotFound: return "NotFound";
                default: return "?" + (int)status;
            }
        }
    }
}
