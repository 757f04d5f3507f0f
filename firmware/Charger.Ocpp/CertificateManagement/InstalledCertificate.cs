using Charger.Crypto;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>One root certificate in the store: its use, DER, and where it lives on the file store.</summary>
    public sealed class InstalledCertificate
    {
        public InstalledCertificate(CertificateUse use, X509Certificate certificate, string recordName)
        {
            Use = use;
            Certificate = certificate;
            RecordName = recordName;
        }

        public CertificateUse Use { get; }

        public X509Certificate Certificate { get; }

        public string RecordName { get; }

        /// <summary>The hash data with the given algorithm ("SHA256", "SHA384", "SHA512"); the issuer is the root itself.</summary>
        public CertificateHashData HashData(string hashAlgorithm)
        {
            return CertificateHashData.Of(Certificate, Certificate.PublicKeyBits, hashAlgorithm);
        }
    }
}
