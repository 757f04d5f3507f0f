namespace Charger.Crypto
{
    /// <summary>
    /// An X.501 Name (RFC 5280 4.1.2.4): the raw DER (what chains compare and issuerNameHash hashes)
    /// and, for people, the first common name and organisation found in it.
    /// </summary>
    public sealed class X509Name
    {
        private X509Name(byte[] der)
        {
            Der = der;
        }

        /// <summary>The whole Name element as it appears in the certificate (tag and length included).</summary>
        public byte[] Der { get; }

        /// <summary>The first CN attribute's text, or null.</summary>
        public string CommonName { get; private set; }

        /// <summary>The first O attribute's text, or null.</summary>
        public string Organization { get; private set; }

        /// <summary>True when both names have the same DER bytes (the comparison this library uses to link a chain).</summary>
        public bool SameAs(X509Name other)
        {
            return other != null && Oids.Equal(Der, other.Der);
        }

        /// <summary>"CN=..., O=..." with what is present, for logs and the console.</summary>
        public override string ToString()
        {
            string cn = CommonName == null ? string.Empty : "CN=" + CommonName;
            string o = Organization == null ? string.Empty : "O=" + Organization;
            if (cn.Length > 0 && o.Length > 0)
            {
                return cn + ", " + o;
            }

            return cn + o;
        }

        internal static X509Name Read(DerReader reader)
        {
            X509Name name = new X509Name(reader.ReadRaw(DerReader.TagSequence));
            DerReader rdns = new DerReader(name.Der).ReadSequence();
            while (rdns.HasMore)
            {
                DerReader set = rdns.ReadConstructed(DerReader.TagSet);
                if (!set.HasMore)
                {
                    throw new CryptoFormatException("X.509 name has an empty relative distinguished name");
                }

                while (set.HasMore)
                {
                    DerReader atv = set.ReadSequence();
                    byte[] type = atv.ReadContents(DerReader.TagOid);
                    int tag = atv.ReadElement(out int offset, out int length);
                    atv.ExpectEnd();
                    if (Oids.Equal(type, Oids.CommonName) && name.CommonName == null)
                    {
                        name.CommonName = DecodeString(tag, atv.Data, offset, length);
                    }
                    else if (Oids.Equal(type, Oids.Organization) && name.Organization == null)
                    {
                        name.Organization = DecodeString(tag, atv.Data, offset, length);
                    }
                }
            }

            return name;
        }

        private static string DecodeString(int tag, byte[] data, int offset, int length)
        {
            if (tag == DerReader.TagBmpString)
            {
                if ((length & 1) != 0)
                {
                    throw new CryptoFormatException("X.509 BMPString of odd length");
                }

                char[] c = new char[length / 2];
                for (int i = 0; i < c.Length; i++)
                {
                    c[i] = (char)((data[offset + 2 * i] << 8) | data[offset + 2 * i + 1]);
                }

                return new string(c);
            }

            if (tag != DerReader.TagUtf8String && tag != DerReader.TagPrintableString && tag != DerReader.TagIa5String && tag != DerReader.TagT61String)
            {
                throw new CryptoFormatException("X.509 name attribute is not a string");
            }

            return Utf8(data, offset, length);
        }

        // Strict UTF-8 (RFC 3629) without System.Text (not in mscorlib on nanoFramework): an invalid
        // sequence becomes U+FFFD; the name's bytes still link the chain, only its text is affected.
        private static string Utf8(byte[] data, int offset, int length)
        {
            char[] chars = new char[length * 2];
            int n = 0;
            int end = offset + length;
            int i = offset;
            while (i < end)
            {
                int b = data[i];
                int need;
                int cp;
                int min;
                if (b < 0x80)
                {
                    chars[n++] = (char)b;
                    i++;
                    continue;
                }
                else if ((b & 0xE0) == 0xC0)
                {
                    need = 1;
                    cp = b & 0x1F;
                    min = 0x80;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    need = 2;
                    cp = b & 0x0F;
                    min = 0x800;
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    need = 3;
                    cp = b & 0x07;
                    min = 0x10000;
                }
                else
                {
                    chars[n++] = '\uFFFD';
                    i++;
                    continue;
                }

                bool ok = true;
                int j = 1;
                while (ok && j <= need)
                {
                    if (i + j >= end || (data[i + j] & 0xC0) != 0x80)
                    {
                        ok = false;
                        break;
                    }

                    cp = (cp << 6) | (data[i + j] & 0x3F);
                    j++;
                }

                if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    chars[n++] = '\uFFFD';
                    i++;
                    continue;
                }

                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }

                i += need + 1;
            }

            return new string(chars, 0, n);
        }
    }
}
