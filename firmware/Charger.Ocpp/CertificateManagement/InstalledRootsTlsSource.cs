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
        private const int PemLineChars = 64;

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

            System.Text.StringBuilder roots = new System.Text.StringBuilder();
            if (base_ != null && base_.TrustedRootsPem != null)
            {
                roots.Append(base_.TrustedRootsPem);
                roots.Append('\n');
            }

            for (int i = 0; i < installed.Length; i++)
            {
                AppendPem(roots, installed[i]);
            }

            return new TlsSettings(roots.ToString(), base_ == null ? null : base_.ClientCertificatePem,
                base_ == null ? null : base_.ClientPrivateKeyPem);
        }

        private static void AppendPem(System.Text.StringBuilder text, byte[] der)
        {
            string body = System.Convert.ToBase64String(der);
            text.Append("-----BEGIN CERTIFICATE-----\n");
            for (int at = 0; at < body.Length; at += PemLineChars)
            {
                int n = body.Length - at < PemLineChars ? body.Length - at : PemLineChars;
                text.Append(body.Substring(at, n));
                text.Append('\n');
            }

            text.Append("-----END CERTIFICATE-----\n");
        }
    }
}
