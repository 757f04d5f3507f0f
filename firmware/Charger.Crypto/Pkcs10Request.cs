namespace Charger.Crypto
{
    /// <summary>
    /// A PKCS #10 certificate signing request (RFC 2986) for an EC key, built in managed code:
    /// subject O = organization (when given) then CN = common name, both UTF8String; the key as
    /// SubjectPublicKeyInfo (id-ecPublicKey with the named curve, RFC 5480); no attributes;
    /// signed ecdsa-with-SHA256 (RFC 5758) by the key itself, which proves the requester holds it.
    /// </summary>
    public static class Pkcs10Request
    {
        /// <summary>X.520 upper bounds (RFC 5280 appendix A.1): ub-common-name and ub-organization-name are 64.</summary>
        public const int MaxNameChars = 64;

        /// <summary>The DER CertificationRequest. Throws <see cref="CryptoFormatException"/> for a missing or over-long name.</summary>
        public static byte[] Build(EcPrivateKey key, string commonName, string organization)
        {
            if (key == null)
            {
                throw new CryptoFormatException("a certificate request needs a key");
            }

            if (commonName == null || commonName.Length == 0 || commonName.Length > MaxNameChars)
            {
                throw new CryptoFormatException("subject CN must be 1 to " + MaxNameChars.ToString() + " characters");
            }

            if (organization != null && organization.Length > MaxNameChars)
            {
                throw new CryptoFormatException("subject O must be at most " + MaxNameChars.ToString() + " characters");
            }

            byte[] cn = DerWriter.SetOfOne(DerWriter.Sequence(new byte[][] { DerWriter.Oid(Oids.CommonName), DerWriter.Utf8String(commonName) }));
            byte[] subject;
            if (organization != null && organization.Length > 0)
            {
                byte[] o = DerWriter.SetOfOne(DerWriter.Sequence(new byte[][] { DerWriter.Oid(Oids.Organization), DerWriter.Utf8String(organization) }));
                subject = DerWriter.Sequence(new byte[][] { o, cn });
            }
            else
            {
                subject = DerWriter.Sequence(new byte[][] { cn });
            }

            byte[] curveOid = key.Curve == EcCurve.P256 ? Oids.P256 : Oids.P384;
            byte[] spki = DerWriter.Sequence(new byte[][]
            {
                DerWriter.Sequence(new byte[][] { DerWriter.Oid(Oids.EcPublicKey), DerWriter.Oid(curveOid) }),
                DerWriter.BitString(key.PublicPoint),
            });

            byte[] info = DerWriter.Sequence(new byte[][]
            {
                DerWriter.SmallInteger(0),
                subject,
                spki,
                // attributes [0] IMPLICIT SET OF Attribute: present and empty.
                DerWriter.Element(DerWriter.ContextTag(0), new byte[0]),
            });

            byte[] signature = EcdsaSigner.SignSha256(key, info);
            return DerWriter.Sequence(new byte[][]
            {
                info,
                DerWriter.Sequence(new byte[][] { DerWriter.Oid(Oids.EcdsaSha256) }),
                DerWriter.BitString(signature),
            });
        }

        /// <summary>The request as PEM ("CERTIFICATE REQUEST"): what SignCertificateRequest.csr carries.</summary>
        public static string BuildPem(EcPrivateKey key, string commonName, string organization)
        {
            return PemWriter.Encode(PemWriter.CertificateRequestLabel, Build(key, commonName, organization));
        }
    }
}
