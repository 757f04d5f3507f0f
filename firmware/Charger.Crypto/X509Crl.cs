namespace Charger.Crypto
{
    /// <summary>
    /// An X.509 certificate revocation list read from DER (RFC 5280 section 5, CertificateList v1
    /// or v2): issuer, thisUpdate, nextUpdate, the revoked serial numbers, cRLNumber, and the signed
    /// bytes with their signature algorithm (the same set a certificate may use). Complete CRLs of
    /// one issuer only: a critical extension this reader does not understand (issuingDistributionPoint,
    /// deltaCRLIndicator, an entry's certificateIssuer of an indirect CRL) refuses the CRL, as RFC
    /// 5280 5.2 and 5.3 require. Bounded: at most <see cref="MaxEntries"/> revoked certificates.
    /// </summary>
    public sealed class X509Crl
    {
        /// <summary>Revoked certificates one CRL may list (a 16 KB CRL holds about 400).</summary>
        public const int MaxEntries = 1024;

        private X509Crl(byte[] der)
        {
            Der = der;
            NextUpdateMs = -1;
            CrlNumber = new byte[0];
        }

        public byte[] Der { get; }

        /// <summary>1 (no version field) or 2.</summary>
        public int Version { get; private set; }

        public X509Name Issuer { get; private set; }

        /// <summary>thisUpdate, ms since 1970 UTC.</summary>
        public long ThisUpdateMs { get; private set; }

        /// <summary>nextUpdate, ms since 1970 UTC; -1 when the CRL gives none.</summary>
        public long NextUpdateMs { get; private set; }

        /// <summary>cRLNumber's content octets (empty when absent).</summary>
        public byte[] CrlNumber { get; private set; }

        /// <summary>Revoked serial numbers as content octets, exactly as <see cref="X509Certificate.SerialNumber"/> holds them.</summary>
        public byte[][] RevokedSerials { get; private set; }

        public SignatureAlgorithm SignatureAlgorithm { get; private set; }

        public int TbsOffset { get; private set; }

        public int TbsLength { get; private set; }

        public byte[] SignatureValue { get; private set; }

        private int PssSaltLength { get; set; }

        /// <summary>True when nextUpdate is given and lies before <paramref name="nowMs"/>: a newer CRL should exist (it is still used).</summary>
        public bool IsExpiredAt(long nowMs)
        {
            return NextUpdateMs >= 0 && nowMs > NextUpdateMs;
        }

        public static X509Crl Parse(byte[] der)
        {
            if (der == null)
            {
                throw new CryptoFormatException("no CRL");
            }

            X509Crl crl = new X509Crl(der);
            crl.Read();
            return crl;
        }

        /// <summary>The CRL, or null with the reason.</summary>
        public static X509Crl TryParse(byte[] der, out string reason)
        {
            try
            {
                reason = null;
                return Parse(der);
            }
            catch (CryptoFormatException e)
            {
                reason = e.Message;
                return null;
            }
        }

        /// <summary>Reads a CRL given as one PEM "X509 CRL" block (RFC 7468 section 9). Throws CryptoFormatException.</summary>
        public static X509Crl ParsePem(string pem)
        {
            byte[][] blocks = Pem.DecodeAll(pem, PemLabel);
            if (blocks.Length != 1)
            {
                throw new CryptoFormatException(blocks.Length == 0 ? "no PEM X509 CRL block" : "more than one X509 CRL block");
            }

            return Parse(blocks[0]);
        }

        /// <summary>RFC 7468 section 9.</summary>
        public const string PemLabel = "X509 CRL";

        /// <summary>True when this CRL's signature verifies with <paramref name="issuerKey"/>.</summary>
        public bool IsSignedBy(PublicKey issuerKey)
        {
            return SignatureAlgorithmId.VerifySigned(issuerKey, SignatureAlgorithm, PssSaltLength, Der, TbsOffset, TbsLength, SignatureValue);
        }

        /// <summary>True when <paramref name="certificate"/> was issued by this CRL's issuer (same name DER) and its serial is listed.</summary>
        public bool Lists(X509Certificate certificate)
        {
            if (certificate == null || !Issuer.SameAs(certificate.Issuer))
            {
                return false;
            }

            for (int i = 0; i < RevokedSerials.Length; i++)
            {
                if (Oids.Equal(RevokedSerials[i], certificate.SerialNumber))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The certificate among <paramref name="candidates"/> (DER) that issued this CRL: named as its
        /// issuer, a CA (basicConstraints cA) allowed to sign CRLs (cRLSign when keyUsage is present),
        /// and whose key verifies the CRL's signature. Null with the reason of the best candidate otherwise.
        /// </summary>
        public X509Certificate FindIssuer(byte[][] candidates, out string reason)
        {
            reason = "no installed certificate is named " + Describe(Issuer) + ", the CRL's issuer";
            if (candidates == null)
            {
                return null;
            }

            for (int i = 0; i < candidates.Length; i++)
            {
                X509Certificate c = X509Certificate.TryParse(candidates[i], out string _);
                if (c == null || !c.Subject.SameAs(Issuer))
                {
                    continue;
                }

                if (!c.HasBasicConstraints || !c.IsCa)
                {
                    reason = "the CRL's issuer " + Describe(Issuer) + " is not a CA";
                    continue;
                }

                if (c.HasKeyUsage && (c.KeyUsage & KeyUsageBits.CrlSign) == 0)
                {
                    reason = "the CRL's issuer " + Describe(Issuer) + " may not sign CRLs (keyUsage without cRLSign)";
                    continue;
                }

                if (!IsSignedBy(c.PublicKey))
                {
                    reason = "the CRL's signature does not verify with the key of " + Describe(Issuer);
                    continue;
                }

                reason = null;
                return c;
            }

            return null;
        }

        private static string Describe(X509Name name)
        {
            string text = name.ToString();
            return "'" + (text.Length > 0 ? text : "(no CN/O)") + "'";
        }

        private void Read()
        {
            DerReader outer = new DerReader(Der);
            DerReader list = outer.ReadSequence();
            outer.ExpectEnd();

            list.ReadSpan(DerReader.TagSequence, out int tbsStart, out int tbsLength);
            TbsOffset = tbsStart;
            TbsLength = tbsLength;
            byte[] algorithm = list.ReadRaw(DerReader.TagSequence);
            SignatureAlgorithm = SignatureAlgorithmId.Read(new DerReader(algorithm), out int salt);
            PssSaltLength = salt;
            SignatureValue = list.ReadBitString(true);
            list.ExpectEnd();

            DerReader tbs = new DerReader(Der, tbsStart, tbsLength).ReadSequence();
            Version = 1;
            if (tbs.PeekTag() == DerReader.TagInteger)
            {
                if (tbs.ReadSmallInteger() != 1)
                {
                    throw new CryptoFormatException("CRL version must be v2 (1) when present");
                }

                Version = 2;
            }

            if (!Oids.Equal(tbs.ReadRaw(DerReader.TagSequence), algorithm))
            {
                throw new CryptoFormatException("CRL signature algorithm differs inside and outside the signed part");
            }

            Issuer = X509Name.Read(tbs);
            ThisUpdateMs = X509Time.Read(tbs);
            if (tbs.PeekTag() == DerReader.TagUtcTime || tbs.PeekTag() == DerReader.TagGeneralizedTime)
            {
                NextUpdateMs = X509Time.Read(tbs);
            }

            RevokedSerials = new byte[0][];
            if (tbs.PeekTag() == DerReader.TagSequence)
            {
                tbs.Read(DerReader.TagSequence, out int revokedOffset, out int revokedLength);
                ReadRevoked(revokedOffset, revokedLength);
            }

            if (tbs.PeekTag() == 0xA0)
            {
                if (Version != 2)
                {
                    throw new CryptoFormatException("CRL extensions in a v1 CRL");
                }

                DerReader wrapper = tbs.ReadConstructed(0xA0);
                DerReader extensions = wrapper.ReadSequence();
                wrapper.ExpectEnd();
                ReadExtensions(extensions, true);
            }

            tbs.ExpectEnd();
        }

        private void ReadRevoked(int offset, int length)
        {
            // Count first: a fixed array, and the bound checked before anything is kept.
            int count = 0;
            DerReader counter = new DerReader(Der, offset, length);
            while (counter.HasMore)
            {
                counter.Read(DerReader.TagSequence, out int _, out int _);
                count++;
                if (count > MaxEntries)
                {
                    throw new CryptoFormatException("CRL lists more than " + MaxEntries.ToString() + " certificates");
                }
            }

            if (count == 0)
            {
                // RFC 5280 5.1.2.6: absent when nothing is revoked, never an empty SEQUENCE.
                throw new CryptoFormatException("CRL revokedCertificates is present but empty");
            }

            DerReader revoked = new DerReader(Der, offset, length);
            byte[][] serials = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                DerReader entry = revoked.ReadSequence();
                serials[i] = entry.ReadIntegerContents();
                X509Time.Read(entry);
                if (entry.HasMore)
                {
                    if (Version != 2)
                    {
                        throw new CryptoFormatException("CRL entry extensions in a v1 CRL");
                    }

                    ReadExtensions(entry.ReadSequence(), false);
                }

                entry.ExpectEnd();
            }

            RevokedSerials = serials;
        }

        private void ReadExtensions(DerReader extensions, bool ofList)
        {
            while (extensions.HasMore)
            {
                DerReader ext = extensions.ReadSequence();
                byte[] oid = ext.ReadContents(DerReader.TagOid);
                bool critical = false;
                if (ext.PeekTag() == DerReader.TagBoolean)
                {
                    critical = ext.ReadBoolean();
                    if (!critical)
                    {
                        throw new CryptoFormatException("CRL extension encodes the default critical FALSE (not DER)");
                    }
                }

                byte[] value = ext.ReadContents(DerReader.TagOctetString);
                ext.ExpectEnd();
                if (ofList && Oids.Equal(oid, Oids.CrlNumber))
                {
                    DerReader number = new DerReader(value);
                    CrlNumber = number.ReadIntegerContents();
                    number.ExpectEnd();
                }
                else if (critical)
                {
                    throw new CryptoFormatException(ofList
                        ? "CRL has a critical extension this station does not understand (only complete CRLs of one issuer are supported)"
                        : "CRL entry has a critical extension this station does not understand (indirect CRLs are not supported)");
                }
            }
        }
    }
}
