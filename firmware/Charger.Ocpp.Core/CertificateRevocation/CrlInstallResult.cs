namespace Charger.Ocpp.CertificateRevocation
{
    /// <summary>What <see cref="CrlStore"/> did with a CRL: installed, or refused with a short code and a reason a technician can read.</summary>
    public sealed class CrlInstallResult
    {
        private CrlInstallResult(bool accepted, string reasonCode, string reason)
        {
            Accepted = accepted;
            ReasonCode = reasonCode;
            Reason = reason;
        }

        public bool Accepted { get; private set; }

        /// <summary>Short code for StatusInfoType.reasonCode (at most 20 characters); null when installed.</summary>
        public string ReasonCode { get; private set; }

        /// <summary>What was installed, or why not.</summary>
        public string Reason { get; private set; }

        public static CrlInstallResult Installed(string summary)
        {
            return new CrlInstallResult(true, null, summary);
        }

        public static CrlInstallResult Refused(string reasonCode, string reason)
        {
            return new CrlInstallResult(false, reasonCode, reason);
        }
    }
}
