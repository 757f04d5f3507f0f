namespace Charger.Crypto
{
    /// <summary>
    /// An X.509 v1/v3 certificate read from DER (RFC 5280 section 4): what chain verification, the
    /// certificate store and the firmware-signing check need. Parse throws
    /// <see cref="CryptoFormatException"/> for anything malformed or of an unsupported algorithm;
    /// <see cref="TryParse"/> returns null with the reason.
    /// </summary>
    public sealed class X509Certificate
    {
        private byte[] _signatureAlgorithmDer;
        private byte[][] _purposes = new byte[0][];

        private X509Certificate(byte[] der)
        {
            Der = der;
            PathLengthConstraint = -1;
            DnsNames = new string[0];
            IpAddresses = new byte[0][];
        }

        /// <summary>The whole certificate as given.</summary>
        public byte[] Der { get; }

        /// <summary>Offset of tbsCertificate (tag included) in <see cref="Der"/>: the signed bytes.</summary>
        public int TbsOffset { get; private set; }

        public int TbsLength { get; private set; }

        /// <summary>1, 2 or 3.</summary>
        public int Version { get; private set; }

        /// <summary>serialNumber's content octets as encoded (two's complement, minimal).</summary>
        public byte[] SerialNumber { get; private set; }

        public X509Name Issuer { get; private set; }

        public X509Name Subject { get; private set; }

        /// <summary>Validity, milliseconds since 1970-01-01 UTC.</summary>
        public long NotBeforeMs { get; private set; }

        public long NotAfterMs { get; private set; }

        public PublicKey PublicKey { get; private set; }

        /// <summary>The subjectPublicKey BIT STRING's contents (the key bytes; what issuerKeyHash hashes).</summary>
        public byte[] PublicKeyBits { get; private set; }

        public SignatureAlgorithm SignatureAlgorithm { get; private set; }

        /// <summary>RSASSA-PSS salt length from the parameters; 0 for other algorithms.</summary>
        public int PssSaltLength { get; private set; }

        public byte[] SignatureValue { get; private set; }

        /// <summary>basicConstraints present.</summary>
        public bool HasBasicConstraints { get; private set; }

        /// <summary>basicConstraints cA.</summary>
        public bool IsCa { get; private set; }

        /// <summary>basicConstraints pathLenConstraint, -1 when absent.</summary>
        public int PathLengthConstraint { get; private set; }

        public bool HasKeyUsage { get; private set; }

        /// <summary><see cref="KeyUsageBits"/> set in keyUsage (0 when absent).</summary>
        public int KeyUsage { get; private set; }

        /// <summary>extendedKeyUsage present.</summary>
        public bool HasExtendedKeyUsage { get; private set; }

        /// <summary>subjectAltName dNSName entries (empty when none); for a TLS server name check.</summary>
        public string[] DnsNames { get; private set; }

        /// <summary>subjectAltName iPAddress entries as their 4 or 16 bytes (empty when none).</summary>
        public byte[][] IpAddresses { get; private set; }

        /// <summary>
        /// True when the certificate may be used for the purpose (an OID of <see cref="Oids"/>, e.g.
        /// <see cref="Oids.CodeSigning"/>): no extendedKeyUsage means any purpose (RFC 5280 4.2.1.12).
        /// </summary>
        public bool AllowsPurpose(byte[] purposeOid)
        {
            if (!HasExtendedKeyUsage)
            {
                return true;
            }

            for (int i = 0; i < _purposes.Length; i++)
            {
                if (Oids.Equal(_purposes[i], purposeOid))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A critical extension this reader does not understand (RFC 5280 4.2: such a certificate must be refused).</summary>
        public bool HasUnknownCriticalExtension { get; private set; }

        /// <summary>Issuer and subject names are byte-identical.</summary>
        public bool IsSelfIssued => Issuer.SameAs(Subject);

        /// <summary>The serial number as uppercase hex of its magnitude, without leading zeros ("0" for zero).</summary>
        public string SerialNumberHex
        {
            get
            {
                int start = 0;
                while (start < SerialNumber.Length - 1 && SerialNumber[start] == 0)
                {
                    start++;
                }

                string hex = Hex.Of(DerReader.Copy(SerialNumber, start, SerialNumber.Length - start));
                return hex.Length > 1 && hex[0] == '0' ? hex.Substring(1) : hex;
            }
        }

        public static X509Certificate Parse(byte[] der)
        {
            if (der == null)
            {
                throw new CryptoFormatException("no certificate");
            }

            X509Certificate cert = new X509Certificate(der);
            cert.Read();
            return cert;
        }

        /// <summary>The certificate, or null with the reason.</summary>
        public static X509Certificate TryParse(byte[] der, out string reason)
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

        /// <summary>True when validity covers the given time (both ends inclusive, RFC 5280 4.1.2.5).</summary>
        public bool IsValidAt(long nowMs)
        {
            return nowMs >= NotBeforeMs && nowMs <= NotAfterMs;
        }

        /// <summary>True when this certificate's signature verifies under the issuer's key.</summary>
        public bool IsSignedBy(PublicKey issuerKey)
        {
            return SignatureAlgorithmId.VerifySigned(issuerKey, SignatureAlgorithm, PssSaltLength, Der, TbsOffset, TbsLength, SignatureValue);
        }

        private void Read()
        {
            DerReader outer = new DerReader(Der);
            DerReader cert = outer.ReadSequence();
            outer.ExpectEnd();

            cert.ReadSpan(DerReader.TagSequence, out int tbsStart, out int tbsLength);
            TbsOffset = tbsStart;
            TbsLength = tbsLength;
            _signatureAlgorithmDer = cert.ReadRaw(DerReader.TagSequence);
            ReadSignatureAlgorithm(new DerReader(_signatureAlgorithmDer));
            SignatureValue = cert.ReadBitString(true);
            cert.ExpectEnd();

            DerReader tbs = new DerReader(Der, tbsStart, tbsLength).ReadSequence();
            Version = 1;
            if (tbs.PeekTag() == 0xA0)
            {
                DerReader v = tbs.ReadConstructed(0xA0);
                int version = v.ReadSmallInteger();
                v.ExpectEnd();
                if (version < 1 || version > 2)
                {
                    // DER omits the default v1 (0), so an explicit 0 is not DER either.
                    throw new CryptoFormatException("X.509 version must be 2 or 3 when present");
                }

                Version = version + 1;
            }

            SerialNumber = tbs.ReadIntegerContents();
            byte[] innerAlgorithm = tbs.ReadRaw(DerReader.TagSequence);
            if (!Oids.Equal(innerAlgorithm, _signatureAlgorithmDer))
            {
                throw new CryptoFormatException("X.509 signature algorithm differs inside and outside the signed part");
            }

            Issuer = X509Name.Read(tbs);
            DerReader validity = tbs.ReadSequence();
            NotBeforeMs = X509Time.Read(validity);
            NotAfterMs = X509Time.Read(validity);
            validity.ExpectEnd();
            Subject = X509Name.Read(tbs);
            PublicKey = PublicKeyInfo.Read(tbs, out byte[] keyBits);
            PublicKeyBits = keyBits;

            // issuerUniqueID [1] and subjectUniqueID [2] (v2/v3): skipped.
            if (tbs.PeekTag() == 0x81)
            {
                tbs.Skip();
            }

            if (tbs.PeekTag() == 0x82)
            {
                tbs.Skip();
            }

            if (tbs.PeekTag() == 0xA3)
            {
                if (Version != 3)
                {
                    throw new CryptoFormatException("X.509 extensions in a certificate before v3");
                }

                DerReader wrapper = tbs.ReadConstructed(0xA3);
                DerReader extensions = wrapper.ReadSequence();
                wrapper.ExpectEnd();
                ReadExtensions(extensions);
            }

            tbs.ExpectEnd();
        }

        private void ReadSignatureAlgorithm(DerReader reader)
        {
            SignatureAlgorithm = SignatureAlgorithmId.Read(reader, out int salt);
            PssSaltLength = salt;
        }

        private void ReadExtensions(DerReader extensions)
        {
            bool seenBasic = false;
            bool seenUsage = false;
            bool seenEku = false;
            bool seenSan = false;
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
                        throw new CryptoFormatException("X.509 extension encodes the default critical FALSE (not DER)");
                    }
                }

                byte[] value = ext.ReadContents(DerReader.TagOctetString);
                ext.ExpectEnd();
                if (Oids.Equal(oid, Oids.BasicConstraints))
                {
                    if (seenBasic)
                    {
                        throw new CryptoFormatException("X.509 basicConstraints twice");
                    }

                    seenBasic = true;
                    ReadBasicConstraints(value);
                }
                else if (Oids.Equal(oid, Oids.KeyUsage))
                {
                    if (seenUsage)
                    {
                        throw new CryptoFormatException("X.509 keyUsage twice");
                    }

                    seenUsage = true;
                    ReadKeyUsage(value);
                }
                else if (Oids.Equal(oid, Oids.ExtendedKeyUsage))
                {
                    if (seenEku)
                    {
                        throw new CryptoFormatException("X.509 extendedKeyUsage twice");
                    }

                    seenEku = true;
                    ReadExtendedKeyUsage(value);
                }
                else if (Oids.Equal(oid, Oids.SubjectAltName))
                {
                    if (seenSan)
                    {
                        throw new CryptoFormatException("X.509 subjectAltName twice");
                    }

                    seenSan = true;
                    ReadSubjectAltName(value);
                }
                else if (critical)
                {
                    HasUnknownCriticalExtension = true;
                }
            }
        }

        private void ReadBasicConstraints(byte[] value)
        {
            DerReader outer = new DerReader(value);
            DerReader bc = outer.ReadSequence();
            outer.ExpectEnd();
            HasBasicConstraints = true;
            if (bc.PeekTag() == DerReader.TagBoolean)
            {
                IsCa = bc.ReadBoolean();
            }

            if (bc.PeekTag() == DerReader.TagInteger)
            {
                PathLengthConstraint = bc.ReadSmallInteger();
            }

            bc.ExpectEnd();
        }

        private void ReadExtendedKeyUsage(byte[] value)
        {
            DerReader outer = new DerReader(value);
            DerReader seq = outer.ReadSequence();
            outer.ExpectEnd();
            int count = 0;
            DerReader counter = new DerReader(value);
            DerReader countSeq = counter.ReadSequence();
            while (countSeq.HasMore)
            {
                countSeq.Read(DerReader.TagOid, out int _, out int _);
                count++;
            }

            if (count == 0)
            {
                throw new CryptoFormatException("X.509 extendedKeyUsage is empty");
            }

            byte[][] purposes = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                purposes[i] = seq.ReadContents(DerReader.TagOid);
            }

            _purposes = purposes;
            HasExtendedKeyUsage = true;
        }

        // GeneralNames (RFC 5280 4.2.1.6): dNSName [2] IA5String and iPAddress [7] are kept, the other
        // forms are stepped over.
        private void ReadSubjectAltName(byte[] value)
        {
            DerReader outer = new DerReader(value);
            DerReader names = outer.ReadSequence();
            outer.ExpectEnd();
            int dns = 0;
            int ips = 0;
            DerReader counter = new DerReader(value).ReadSequence();
            while (counter.HasMore)
            {
                int tag = counter.ReadElement(out int _, out int _);
                if (tag == 0x82)
                {
                    dns++;
                }
                else if (tag == 0x87)
                {
                    ips++;
                }
            }

            string[] dnsNames = new string[dns];
            byte[][] addresses = new byte[ips][];
            dns = 0;
            ips = 0;
            while (names.HasMore)
            {
                int tag = names.ReadElement(out int offset, out int length);
                if (tag == 0x82)
                {
                    char[] c = new char[length];
                    for (int i = 0; i < length; i++)
                    {
                        byte b = names.Data[offset + i];
                        if (b < 0x20 || b > 0x7E)
                        {
                            throw new CryptoFormatException("X.509 dNSName is not printable ASCII");
                        }

                        c[i] = (char)b;
                    }

                    dnsNames[dns++] = new string(c);
                }
                else if (tag == 0x87)
                {
                    if (length != 4 && length != 16)
                    {
                        throw new CryptoFormatException("X.509 iPAddress must be 4 or 16 bytes");
                    }

                    addresses[ips++] = DerReader.Copy(names.Data, offset, length);
                }
            }

            DnsNames = dnsNames;
            IpAddresses = addresses;
        }

        private void ReadKeyUsage(byte[] value)
        {
            DerReader outer = new DerReader(value);
            byte[] bits = outer.ReadBitString(false);
            outer.ExpectEnd();
            HasKeyUsage = true;
            int usage = 0;
            for (int bit = 0; bit < 9 && bit / 8 < bits.Length; bit++)
            {
                if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0)
                {
                    usage |= 1 << bit;
                }
            }

            KeyUsage = usage;
        }
    }
}
