using Charger.Crypto;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>
    /// CertificateHashDataType (OCPP 2.0.1 part 2, 2.6): the certificate's id as OCSP's CertID
    /// builds it (RFC 6960 4.1.1). issuerNameHash is the hash of the issuer's DER name,
    /// issuerKeyHash the hash of the issuer key's BIT STRING contents, serialNumber the serial in
    /// hex without leading zeroes. Hashes are lowercase hex; comparisons ignore case.
    /// </summary>
    public sealed class CertificateHashData
    {
        public CertificateHashData(string hashAlgorithm, string issuerNameHash, string issuerKeyHash, string serialNumber)
        {
            HashAlgorithm = hashAlgorithm;
            IssuerNameHash = issuerNameHash;
            IssuerKeyHash = issuerKeyHash;
            SerialNumber = serialNumber;
        }

        /// <summary>"SHA256", "SHA384" or "SHA512".</summary>
        public string HashAlgorithm { get; }

        public string IssuerNameHash { get; }

        public string IssuerKeyHash { get; }

        public string SerialNumber { get; }

        /// <summary>
        /// The hash data of a certificate given its issuer's key bits (for the roots this store
        /// holds, the issuer is the certificate itself). Null for an unknown algorithm name.
        /// </summary>
        public static CertificateHashData Of(X509Certificate cert, byte[] issuerKeyBits, string hashAlgorithm)
        {
            HashKind kind = HashKindOf(hashAlgorithm);
            if (kind == HashKind.None)
            {
                return null;
            }

            return new CertificateHashData(
                hashAlgorithm,
                Lower(Hex.Of(Digest.Compute(kind, cert.Issuer.Der))),
                Lower(Hex.Of(Digest.Compute(kind, issuerKeyBits))),
                Lower(cert.SerialNumberHex));
        }

        public static HashKind HashKindOf(string name)
        {
            if (name == "SHA256")
            {
                return HashKind.Sha256;
            }

            if (name == "SHA384")
            {
                return HashKind.Sha384;
            }

            return name == "SHA512" ? HashKind.Sha512 : HashKind.None;
        }

        /// <summary>Same certificate: the same algorithm, and the same hashes and serial ignoring case and the serial's leading zeroes.</summary>
        public bool Matches(CertificateHashData other)
        {
            return other != null
                && HashAlgorithm == other.HashAlgorithm
                && SameHex(IssuerNameHash, other.IssuerNameHash)
                && SameHex(IssuerKeyHash, other.IssuerKeyHash)
                && SameHex(TrimZeros(SerialNumber), TrimZeros(other.SerialNumber));
        }

        private static string TrimZeros(string hex)
        {
            char[] c = hex.ToCharArray();
            int start = 0;
            while (start < c.Length - 1 && c[start] == '0')
            {
                start++;
            }

            return start == 0 ? hex : new string(c, start, c.Length - start);
        }

        private static bool SameHex(string a, string b)
        {
            return a != null && b != null && Lower(a) == Lower(b);
        }

        private static string Lower(string s)
        {
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] >= 'A' && c[i] <= 'Z')
                {
                    c[i] = (char)(c[i] + 32);
                }
            }

            return new string(c);
        }
    }
}
