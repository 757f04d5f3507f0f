namespace Charger.Crypto
{
    /// <summary>
    /// The signature AlgorithmIdentifier of signed X.509 structures (certificates and CRLs, RFC 5280
    /// 4.1.1.2 and 5.1.1.2) and the check of their signature: one reading for both, so a CRL accepts
    /// exactly the algorithms a certificate does.
    /// </summary>
    internal static class SignatureAlgorithmId
    {
        public static SignatureAlgorithm Read(DerReader reader, out int pssSaltLength)
        {
            pssSaltLength = 0;
            DerReader alg = reader.ReadSequence();
            reader.ExpectEnd();
            byte[] oid = alg.ReadContents(DerReader.TagOid);
            if (Oids.Equal(oid, Oids.Sha256WithRsa) || Oids.Equal(oid, Oids.Sha384WithRsa) || Oids.Equal(oid, Oids.Sha512WithRsa))
            {
                // RFC 4055 section 5: NULL parameters (absent tolerated, as many encoders omit them).
                if (alg.HasMore)
                {
                    alg.ReadNull();
                }

                alg.ExpectEnd();
                return Oids.Equal(oid, Oids.Sha256WithRsa) ? SignatureAlgorithm.RsaPkcs1Sha256 : Oids.Equal(oid, Oids.Sha384WithRsa) ? SignatureAlgorithm.RsaPkcs1Sha384 : SignatureAlgorithm.RsaPkcs1Sha512;
            }

            if (Oids.Equal(oid, Oids.EcdsaSha256) || Oids.Equal(oid, Oids.EcdsaSha384) || Oids.Equal(oid, Oids.EcdsaSha512))
            {
                alg.ExpectEnd(); // RFC 5758 3.2: parameters absent
                return Oids.Equal(oid, Oids.EcdsaSha256) ? SignatureAlgorithm.EcdsaSha256 : Oids.Equal(oid, Oids.EcdsaSha384) ? SignatureAlgorithm.EcdsaSha384 : SignatureAlgorithm.EcdsaSha512;
            }

            if (Oids.Equal(oid, Oids.RsassaPss))
            {
                SignatureAlgorithm pss = ReadPssParameters(alg.ReadSequence(), out pssSaltLength);
                alg.ExpectEnd();
                return pss;
            }

            throw new CryptoFormatException("signature algorithm not supported (RSA PKCS#1 v1.5, RSA-PSS and ECDSA with SHA-256/384/512 are)");
        }

        // RFC 4055 section 3.1: RSASSA-PSS-params. The SHA-1 defaults are not supported, so the
        // hash and MGF1 must be given; the trailer field may only be 1.
        private static SignatureAlgorithm ReadPssParameters(DerReader p, out int saltLength)
        {
            HashKind hash = HashKind.None;
            int salt = 20;
            if (p.PeekTag() == 0xA0)
            {
                DerReader h = p.ReadConstructed(0xA0).ReadSequence();
                hash = Oids.HashFromOid(h.ReadContents(DerReader.TagOid));
                if (h.HasMore)
                {
                    h.ReadNull();
                }
            }

            if (p.PeekTag() == 0xA1)
            {
                DerReader m = p.ReadConstructed(0xA1).ReadSequence();
                if (!Oids.Equal(m.ReadContents(DerReader.TagOid), Oids.Mgf1))
                {
                    throw new CryptoFormatException("RSA-PSS mask generation must be MGF1");
                }

                DerReader mh = m.ReadSequence();
                HashKind mgfHash = Oids.HashFromOid(mh.ReadContents(DerReader.TagOid));
                if (mgfHash != hash)
                {
                    throw new CryptoFormatException("RSA-PSS MGF1 hash must match the message hash");
                }
            }
            else
            {
                throw new CryptoFormatException("RSA-PSS with the default SHA-1 MGF1 is not supported");
            }

            if (p.PeekTag() == 0xA2)
            {
                DerReader s = p.ReadConstructed(0xA2);
                salt = s.ReadSmallInteger();
                s.ExpectEnd();
            }

            if (p.PeekTag() == 0xA3)
            {
                DerReader t = p.ReadConstructed(0xA3);
                if (t.ReadSmallInteger() != 1)
                {
                    throw new CryptoFormatException("RSA-PSS trailer field must be 1");
                }
            }

            p.ExpectEnd();
            saltLength = salt;
            switch (hash)
            {
                case HashKind.Sha256:
                    return SignatureAlgorithm.RsaPssSha256;
                case HashKind.Sha384:
                    return SignatureAlgorithm.RsaPssSha384;
                case HashKind.Sha512:
                    return SignatureAlgorithm.RsaPssSha512;
                default:
                    throw new CryptoFormatException("RSA-PSS hash must be SHA-256, SHA-384 or SHA-512");
            }
        }

        /// <summary>True when signature verifies over der[offset..offset+length) with key (PSS with its salt length).</summary>
        public static bool VerifySigned(PublicKey key, SignatureAlgorithm algorithm, int pssSaltLength, byte[] der, int offset, int length, byte[] signature)
        {
            if (algorithm == SignatureAlgorithm.RsaPssSha256 || algorithm == SignatureAlgorithm.RsaPssSha384 || algorithm == SignatureAlgorithm.RsaPssSha512)
            {
                HashKind hash = SignatureVerifier.HashOf(algorithm);
                return RsaVerifier.VerifyPss(key, hash, pssSaltLength, Digest.Compute(hash, der, offset, length), signature);
            }

            return SignatureVerifier.Verify(key, algorithm, der, offset, length, signature);
        }
    }
}
