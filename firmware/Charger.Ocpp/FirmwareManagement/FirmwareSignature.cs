using Charger.Crypto;

namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>
    /// The signing certificate and signature of an UpdateFirmware request (L01.FR.11), checked in
    /// managed code: the certificate must chain to an installed ManufacturerRootCertificate and be
    /// valid at the station clock; the signature is over the SHA-256 of the entire downloaded file
    /// (L01.FR.04), as <c>openssl dgst -sha256 -sign</c> and tools/BundleTool sign make it.
    /// RSA keys verify RSASSA-PKCS1-v1_5 or RSASSA-PSS (salt as long as the hash); EC keys ECDSA.
    /// </summary>
    public sealed class FirmwareSignature
    {
        /// <summary>Longest signature accepted: a DER ECDSA P-521 or RSA-4096 signature is at most 512 bytes.</summary>
        public const int MaxSignatureBytes = 1024;

        private FirmwareSignature(X509Certificate certificate, byte[] signature, string certificatePem, string signatureBase64)
        {
            Certificate = certificate;
            Signature = signature;
            CertificatePem = certificatePem;
            SignatureBase64 = signatureBase64;
        }

        public X509Certificate Certificate { get; private set; }

        public byte[] Signature { get; private set; }

        public string CertificatePem { get; private set; }

        public string SignatureBase64 { get; private set; }

        /// <summary>
        /// Reads the PEM certificate and checks its chain to <paramref name="trustedRoots"/> at
        /// <paramref name="nowUnixMs"/>. Null with <paramref name="reason"/> when the certificate is
        /// unreadable, untrusted or not valid now.
        /// </summary>
        public static FirmwareSignature CheckCertificate(string certificatePem, byte[][] trustedRoots, long nowUnixMs, out string reason)
        {
            reason = null;
            if (certificatePem == null || certificatePem.Length == 0)
            {
                reason = "no signing certificate";
                return null;
            }

            byte[] der;
            try
            {
                der = Pem.DecodeCertificate(certificatePem);
            }
            catch (System.Exception e)
            {
                reason = "signing certificate is not PEM: " + e.Message;
                return null;
            }

            if (trustedRoots == null || trustedRoots.Length == 0)
            {
                reason = "no ManufacturerRootCertificate installed";
                return null;
            }

            string why;
            if (!CertificateChain.Verify(der, new byte[0][], trustedRoots, nowUnixMs, out why))
            {
                reason = why;
                return null;
            }

            X509Certificate certificate = X509Certificate.TryParse(der, out why);
            if (certificate == null)
            {
                reason = why;
                return null;
            }

            return new FirmwareSignature(certificate, null, certificatePem, null);
        }

        /// <summary>This certificate with the request's base64 signature; null with a reason when it is not base64 or too long.</summary>
        public FirmwareSignature WithSignature(string signatureBase64, out string reason)
        {
            reason = null;
            if (signatureBase64 == null || signatureBase64.Length == 0)
            {
                reason = "no signature";
                return null;
            }

            byte[] signature;
            try
            {
                signature = Pem.Base64Decode(signatureBase64);
            }
            catch (System.Exception e)
            {
                reason = "signature is not base64: " + e.Message;
                return null;
            }

            if (signature.Length == 0 || signature.Length > MaxSignatureBytes)
            {
                reason = "signature of " + signature.Length + " bytes";
                return null;
            }

            return new FirmwareSignature(Certificate, signature, CertificatePem, signatureBase64);
        }

        /// <summary>True when the signature verifies over <paramref name="sha256"/> with the certificate's key.</summary>
        public bool VerifyDigest(byte[] sha256, out string reason)
        {
            reason = null;
            PublicKey key = Certificate.PublicKey;
            try
            {
                if (key.Kind == PublicKeyKind.Rsa)
                {
                    if (SignatureVerifier.VerifyHash(key, SignatureAlgorithm.RsaPkcs1Sha256, sha256, Signature)
                        || SignatureVerifier.VerifyHash(key, SignatureAlgorithm.RsaPssSha256, sha256, Signature))
                    {
                        return true;
                    }
                }
                else if (key.Kind == PublicKeyKind.Ec)
                {
                    if (SignatureVerifier.VerifyHash(key, SignatureAlgorithm.EcdsaSha256, sha256, Signature))
                    {
                        return true;
                    }
                }
                else
                {
                    reason = "the signing certificate's key is neither RSA nor EC";
                    return false;
                }
            }
            catch (System.Exception e)
            {
                reason = "signature unreadable: " + e.Message;
                return false;
            }

            reason = "the signature does not verify with the signing certificate's key";
            return false;
        }
    }
}
