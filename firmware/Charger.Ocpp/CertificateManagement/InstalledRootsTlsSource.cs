using Charger.Crypto;
using Charger.Hal;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>
    /// The roots a wss:// connection trusts: those provisioned with the station and every
    /// CSMSRootCertificate the CSMS installed (M05), read at each connection attempt so a root
    /// installed now counts from the next connection (and a deleted one stops counting).
    /// </summary>
    public sealed class InstalledRootsTlsSource : ITlsSource
    {
        private readonly ITlsSource _provisioned;
        private readonly CertificateStore _store;

        public InstalledRootsTlsSource(ITlsSource provisioned, CertificateStore store)
        {
            _provisioned = provisioned;
            _store = store;
        }

        public TlsSettings Current()
        {
            TlsSettings base_ = _provisioned.Current();
            byte[][] installed = _store.TrustedRoots(CertificateUse.CSMSRootCertificate);
            if (installed.Length == 0)
            {
                return base_;
            }

            string roots = base_ != null && base_.TrustedRootsPem != null ? base_.TrustedRootsPem + "\n" : "";
            for (int i = 0; i < installed.Length; i++)
            {
                roots += PemWriter.Encode(Pem.CertificateLabel, installed[i]);
            }

            return new TlsSettings(roots, base_ == null ? null : base_.ClientCertificatePem,
                base_ == null ? null : base_.ClientPrivateKeyPem);
        }
    }
}
