namespace Charger.Crypto
{
    /// <summary>
    /// Signature schemes the verifier knows. RSASSA-PSS here uses MGF1 with the same hash and a
    /// salt as long as the hash (RFC 8017 9.1; what openssl and .NET produce by default); other
    /// salt lengths go through <see cref="SignatureVerifier.VerifyRsaPss"/>.
    /// </summary>
    public enum SignatureAlgorithm
    {
        None = 0,
        RsaPkcs1Sha256 = 1,
        RsaPkcs1Sha384 = 2,
        RsaPkcs1Sha512 = 3,
        RsaPssSha256 = 4,
        RsaPssSha384 = 5,
        RsaPssSha512 = 6,
        EcdsaSha256 = 7,
        EcdsaSha384 = 8,
        EcdsaSha512 = 9,
    }
}
