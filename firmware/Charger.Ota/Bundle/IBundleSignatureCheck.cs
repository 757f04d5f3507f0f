namespace Charger.Ota.Bundle
{
    /// <summary>
    /// Decides whether a bundle's signature is good. An OCPP 2.0.1 firmware signature (L01.FR.04)
    /// is over the whole downloaded file, so the check receives the bundle itself (to hash it in
    /// chunks with <see cref="BundleReader.FileSha256"/>), the manifest's SHA-256 (for checks that
    /// know bundles by their manifest, such as a lab allow-list), and the optional signature block
    /// embedded in older bundles (signature and PEM certificate; both null when the bundle has none).
    /// The station's check (the UpdateFirmware request's signature and certificate) lives in
    /// Charger.Firmware (OcppSignatureCheck).
    /// </summary>
    public interface IBundleSignatureCheck
    {
        SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] embeddedSignature, string embeddedCertificatePem);
    }
}
