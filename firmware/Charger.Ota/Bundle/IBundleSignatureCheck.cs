namespace Charger.Ota.Bundle
{
    /// <summary>
    /// Decides whether a bundle's signature is good. The signed content is the manifest (which holds
    /// the SHA-256 of every file), so the check receives the manifest's SHA-256, the signature bytes
    /// (RSASSA-PKCS1-v1_5 or ECDSA DER over SHA-256, as <c>tools/BundleTool sign</c> makes them) and
    /// the signing certificate in PEM. Both are null for an unsigned bundle; a real check refuses
    /// that. The station's check (managed RSA/ECDSA and the certificate chain to the installed
    /// ManufacturerRootCertificate) implements this interface in the crypto project.
    /// </summary>
    public interface IBundleSignatureCheck
    {
        SignatureVerdict Check(byte[] manifestSha256, byte[] signature, string signingCertificatePem);
    }
}
