namespace Charger.Crypto
{
    /// <summary>SubjectPublicKeyInfo (RFC 5280 4.1.2.7, RFC 3279 2.3.1, RFC 5480 2) to a <see cref="PublicKey"/>.</summary>
    public static class PublicKeyInfo
    {
        /// <summary>Parses a DER SubjectPublicKeyInfo; throws <see cref="CryptoFormatException"/> when malformed or unsupported.</summary>
        public static PublicKey Parse(byte[] der)
        {
            DerReader outer = new DerReader(der);
            PublicKey key = Read(outer, out byte[] _);
            outer.ExpectEnd();
            return key;
        }

        /// <summary>Reads the SubjectPublicKeyInfo at the reader; keyBits is the BIT STRING's contents (what issuerKeyHash hashes).</summary>
        public static PublicKey Read(DerReader reader, out byte[] keyBits)
        {
            DerReader spki = reader.ReadSequence();
            DerReader alg = spki.ReadSequence();
            byte[] oid = alg.ReadContents(DerReader.TagOid);
            keyBits = spki.ReadBitString(true);
            spki.ExpectEnd();
            if (Oids.Equal(oid, Oids.RsaEncryption))
            {
                // RFC 3279 2.3.1: the parameters field MUST be NULL.
                alg.ReadNull();
                alg.ExpectEnd();
                DerReader rsa = new DerReader(keyBits);
                DerReader seq = rsa.ReadSequence();
                rsa.ExpectEnd();
                byte[] n = seq.ReadUnsignedInteger();
                byte[] e = seq.ReadUnsignedInteger();
                seq.ExpectEnd();
                return PublicKey.FromRsa(n, e);
            }

            if (Oids.Equal(oid, Oids.EcPublicKey))
            {
                byte[] curveOid = alg.ReadContents(DerReader.TagOid);
                alg.ExpectEnd();
                EcCurve curve;
                if (Oids.Equal(curveOid, Oids.P256))
                {
                    curve = EcCurve.P256;
                }
                else if (Oids.Equal(curveOid, Oids.P384))
                {
                    curve = EcCurve.P384;
                }
                else
                {
                    throw new CryptoFormatException("EC curve not supported (P-256 and P-384 are)");
                }

                return PublicKey.FromEcPoint(curve, keyBits);
            }

            throw new CryptoFormatException("public key algorithm not supported (RSA and EC are)");
        }
    }
}
