namespace Charger.Crypto
{
    /// <summary>Object identifiers this library recognises, as their DER content octets (public so callers can name a key purpose).</summary>
    public static class Oids
    {
        // PKCS #1 (RFC 8017 appendix C)
        public static readonly byte[] RsaEncryption = BigNat.FromHex("2a864886f70d010101");
        public static readonly byte[] Mgf1 = BigNat.FromHex("2a864886f70d010108");
        public static readonly byte[] RsassaPss = BigNat.FromHex("2a864886f70d01010a");
        public static readonly byte[] Sha256WithRsa = BigNat.FromHex("2a864886f70d01010b");
        public static readonly byte[] Sha384WithRsa = BigNat.FromHex("2a864886f70d01010c");
        public static readonly byte[] Sha512WithRsa = BigNat.FromHex("2a864886f70d01010d");

        // RFC 5480 / RFC 5758
        public static readonly byte[] EcPublicKey = BigNat.FromHex("2a8648ce3d0201");
        public static readonly byte[] P256 = BigNat.FromHex("2a8648ce3d030107");
        public static readonly byte[] P384 = BigNat.FromHex("2b81040022");
        public static readonly byte[] EcdsaSha256 = BigNat.FromHex("2a8648ce3d040302");
        public static readonly byte[] EcdsaSha384 = BigNat.FromHex("2a8648ce3d040303");
        public static readonly byte[] EcdsaSha512 = BigNat.FromHex("2a8648ce3d040304");

        // NIST hash algorithms (RFC 5754)
        public static readonly byte[] Sha256 = BigNat.FromHex("608648016503040201");
        public static readonly byte[] Sha384 = BigNat.FromHex("608648016503040202");
        public static readonly byte[] Sha512 = BigNat.FromHex("608648016503040203");

        // X.520 attribute types and RFC 5280 extensions
        public static readonly byte[] CommonName = BigNat.FromHex("550403");
        public static readonly byte[] Organization = BigNat.FromHex("55040a");
        public static readonly byte[] BasicConstraints = BigNat.FromHex("551d13");
        public static readonly byte[] KeyUsage = BigNat.FromHex("551d0f");
        public static readonly byte[] SubjectAltName = BigNat.FromHex("551d11");
        public static readonly byte[] ExtendedKeyUsage = BigNat.FromHex("551d25");
        public static readonly byte[] CrlNumber = BigNat.FromHex("551d14");

        // RFC 5280 4.2.1.12 key purposes
        public static readonly byte[] ServerAuth = BigNat.FromHex("2b06010505070301");
        public static readonly byte[] ClientAuth = BigNat.FromHex("2b06010505070302");
        public static readonly byte[] CodeSigning = BigNat.FromHex("2b06010505070303");

        public static bool Equal(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static HashKind HashFromOid(byte[] oid)
        {
            if (Equal(oid, Sha256))
            {
                return HashKind.Sha256;
            }

            if (Equal(oid, Sha384))
            {
                return HashKind.Sha384;
            }

            if (Equal(oid, Sha512))
            {
                return HashKind.Sha512;
            }

            return HashKind.None;
        }
    }
}
