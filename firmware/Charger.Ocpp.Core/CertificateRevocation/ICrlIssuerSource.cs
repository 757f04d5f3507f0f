namespace Charger.Ocpp.CertificateRevocation
{
    /// <summary>What a CRL is checked against when it is installed: the certificates that may sign one, and the station's wall clock.</summary>
    public interface ICrlIssuerSource
    {
        /// <summary>DER certificates that may have signed a CRL (the installed ManufacturerRootCertificates).</summary>
        byte[][] CrlIssuers();

        /// <summary>The station's wall clock at tick time <paramref name="nowMs"/>, in ms since 1970 UTC.</summary>
        long UnixMsAt(long nowMs);
    }
}
