namespace Charger.Crypto
{
    /// <summary>
    /// The one call for "is this a valid signature by this key over these bytes": firmware bundles,
    /// certificates and anything else. Never throws for bad input; a mismatch of key and algorithm
    /// (an EC key with an RSA algorithm) is simply false.
    /// </summary>
    public static class SignatureVerifier
    {
        public static HashKind HashOf(SignatureAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case SignatureAlgorithm.RsaPkcs1Sha256:
                case SignatureAlgorithm.RsaPssSha256:
                case SignatureAlgorithm.EcdsaSha256:
                    return HashKind.Sha256;
                case SignatureAlgorithm.RsaPkcs1Sha384:
                case SignatureAlgorithm.RsaPssSha384:
                case SignatureAlgorithm.EcdsaSha384:
                    return HashKind.Sha384;
                case SignatureAlgorithm.RsaPkcs1Sha512:
                case SignatureAlgorithm.RsaPssSha512:
                case SignatureAlgorithm.EcdsaSha512:
                    return HashKind.Sha512;
                default:
                    return HashKind.None;
            }
        }

        /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> (hashed here).</summary>
        public static bool Verify(PublicKey key, SignatureAlgorithm algorithm, byte[] data, byte[] signature)
        {
            if (data == null)
            {
                return false;
            }

            return Verify(key, algorithm, data, 0, data.Length, signature);
        }

        /// <summary>Verifies a signature over data[offset..offset+count) (a certificate's tbs bytes in place).</summary>
        public static bool Verify(PublicKey key, SignatureAlgorithm algorithm, byte[] data, int offset, int count, byte[] signature)
        {
            HashKind hash = HashOf(algorithm);
            if (key == null || hash == HashKind.None || data == null || signature == null)
            {
                return false;
            }

            return VerifyHash(key, algorithm, Digest.Compute(hash, data, offset, count), signature);
        }

        /// <summary>Verifies a signature over an already computed hash (of the algorithm's hash kind).</summary>
        public static bool VerifyHash(PublicKey key, SignatureAlgorithm algorithm, byte[] messageHash, byte[] signature)
        {
            HashKind hash = HashOf(algorithm);
            if (key == null || hash == HashKind.None)
            {
                return false;
            }

            switch (algorithm)
            {
                case SignatureAlgorithm.RsaPkcs1Sha256:
                case SignatureAlgorithm.RsaPkcs1Sha384:
                case SignatureAlgorithm.RsaPkcs1Sha512:
                    return RsaVerifier.VerifyPkcs1(key, hash, messageHash, signature);
                case SignatureAlgorithm.RsaPssSha256:
                case SignatureAlgorithm.RsaPssSha384:
                case SignatureAlgorithm.RsaPssSha512:
                    return RsaVerifier.VerifyPss(key, hash, Digest.Length(hash), messageHash, signature);
                default:
                    return EcdsaVerifier.VerifyDer(key, messageHash, signature);
            }
        }

        /// <summary>RSASSA-PSS with an explicit salt length (MGF1 with the same hash).</summary>
        public static bool VerifyRsaPss(PublicKey key, HashKind hash, int saltLength, byte[] data, byte[] signature)
        {
            if (data == null || Digest.Length(hash) == 0)
            {
                return false;
            }

            return RsaVerifier.VerifyPss(key, hash, saltLength, Digest.Compute(hash, data), signature);
        }
    }
}
