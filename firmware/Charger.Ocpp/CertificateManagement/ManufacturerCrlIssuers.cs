using Charger.Ocpp.CertificateRevocation;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>A CRL is accepted when an installed ManufacturerRootCertificate signed it (the roots firmware signing chains to).</summary>
    public sealed class ManufacturerCrlIssuers : ICrlIssuerSource
    {
        private readonly CertificateStore _certificates;
        private readonly StationClock _clock;

        public ManufacturerCrlIssuers(CertificateStore certificates, StationClock clock)
        {
            _certificates = certificates;
            _clock = clock;
        }

        public byte[][] CrlIssuers()
        {
            return _certificates.TrustedRoots(CertificateUse.ManufacturerRootCertificate);
        }

        public long UnixMsAt(long nowMs)
        {
            // DateTime ticks are 100 ns since 0001-01-01; 621355968000000000 of them is 1970-01-01.
            return (_clock.UtcAt(nowMs).Ticks - 621355968000000000L) / 10000;
        }
    }
}
