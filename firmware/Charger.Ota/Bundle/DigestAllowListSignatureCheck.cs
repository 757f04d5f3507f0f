using System.Collections;

namespace Charger.Ota.Bundle
{
    /// <summary>
    /// NOT a signature check: accepts a bundle whose manifest SHA-256 is on a fixed allow-list and
    /// ignores the signature. For tests, the simulator and a lab bench where the bundles are known in
    /// advance; a station in the field uses the certificate-based check.
    /// </summary>
    public sealed class DigestAllowListSignatureCheck : IBundleSignatureCheck
    {
        private readonly ArrayList _allowed = new ArrayList();

        public void Allow(byte[] manifestSha256)
        {
            _allowed.Add(Hex.Of(manifestSha256));
        }

        public SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] embeddedSignature, string embeddedCertificatePem)
        {
            string digest = Hex.Of(manifestSha256);
            for (int i = 0; i < _allowed.Count; i++)
            {
                if ((string)_allowed[i] == digest)
                {
                    return SignatureVerdict.Accept("manifest digest on the allow-list");
                }
            }

            return SignatureVerdict.Reject("manifest digest " + digest + " is not on the allow-list");
        }
    }
}
