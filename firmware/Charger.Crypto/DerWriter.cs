namespace Charger.Crypto
{
    /// <summary>
    /// DER encoding (ITU-T X.690) of the few types a certificate signing request and an EC private
    /// key need. Each method returns one whole element (tag, minimal length, contents) as a new
    /// array; constructed elements are built from their encoded children. Sizes here are a few
    /// hundred bytes, so copying children into their parent costs nothing worth a streaming writer.
    /// </summary>
    public static class DerWriter
    {
        /// <summary>Context-specific constructed tag [n] (0xA0 | n), n from 0 to 30.</summary>
        public static int ContextTag(int n)
        {
            if (n < 0 || n > 30)
            {
                throw new CryptoFormatException("context tag number must be 0 to 30");
            }

            return 0xA0 | n;
        }

        /// <summary>One element with the given single-byte tag around <paramref name="contents"/>.</summary>
        public static byte[] Element(int tag, byte[] contents)
        {
            if (tag < 0 || tag > 0xFF || (tag & 0x1F) == 0x1F)
            {
                throw new CryptoFormatException("DER writer supports single-byte tags only");
            }

            int length = contents == null ? 0 : contents.Length;
            int lengthBytes = length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : 4;
            byte[] r = new byte[1 + lengthBytes + length];
            r[0] = (byte)tag;
            if (lengthBytes == 1)
            {
                r[1] = (byte)length;
            }
            else
            {
                // Long form: 0x80 | count, then the length big-endian in as few bytes as it needs.
                r[1] = (byte)(0x80 | (lengthBytes - 1));
                for (int i = 0; i < lengthBytes - 1; i++)
                {
                    r[1 + lengthBytes - 1 - i] = (byte)(length >> (8 * i));
                }
            }

            for (int i = 0; i < length; i++)
            {
                r[1 + lengthBytes + i] = contents[i];
            }

            return r;
        }

        /// <summary>The concatenation of encoded elements (the contents of a SEQUENCE or SET).</summary>
        public static byte[] Concat(byte[][] parts)
        {
            int total = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                total += parts[i] == null ? 0 : parts[i].Length;
            }

            byte[] r = new byte[total];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i] == null)
                {
                    continue;
                }

                for (int j = 0; j < parts[i].Length; j++)
                {
                    r[at++] = parts[i][j];
                }
            }

            return r;
        }

        public static byte[] Sequence(byte[][] children)
        {
            return Element(DerReader.TagSequence, Concat(children));
        }

        /// <summary>A SET of one element (what a relative distinguished name holds here). DER sorts SET OF members; one needs no sorting.</summary>
        public static byte[] SetOfOne(byte[] child)
        {
            return Element(DerReader.TagSet, child);
        }

        /// <summary>[n] EXPLICIT around one element.</summary>
        public static byte[] Explicit(int n, byte[] child)
        {
            return Element(ContextTag(n), child);
        }

        /// <summary>An INTEGER from a non-negative big-endian magnitude (leading zeros dropped, a 0x00 added when the top bit is set).</summary>
        public static byte[] UnsignedInteger(byte[] magnitude)
        {
            int start = 0;
            while (start < magnitude.Length - 1 && magnitude[start] == 0)
            {
                start++;
            }

            bool pad = magnitude.Length == 0 || (magnitude[start] & 0x80) != 0;
            int length = magnitude.Length == 0 ? 1 : magnitude.Length - start + (pad ? 1 : 0);
            byte[] contents = new byte[length];
            int at = pad ? 1 : 0;
            for (int i = start; i < magnitude.Length; i++)
            {
                contents[at++] = magnitude[i];
            }

            return Element(DerReader.TagInteger, contents);
        }

        /// <summary>A small non-negative INTEGER.</summary>
        public static byte[] SmallInteger(int value)
        {
            if (value < 0)
            {
                throw new CryptoFormatException("negative INTEGER not supported");
            }

            byte[] b = new byte[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
            return UnsignedInteger(b);
        }

        /// <summary>An OBJECT IDENTIFIER from its content octets (as <see cref="Oids"/> holds them).</summary>
        public static byte[] Oid(byte[] contentOctets)
        {
            return Element(DerReader.TagOid, contentOctets);
        }

        public static byte[] OctetString(byte[] value)
        {
            return Element(DerReader.TagOctetString, value);
        }

        /// <summary>A BIT STRING of whole bytes (unused-bits octet 0).</summary>
        public static byte[] BitString(byte[] bytes)
        {
            byte[] contents = new byte[bytes.Length + 1];
            for (int i = 0; i < bytes.Length; i++)
            {
                contents[i + 1] = bytes[i];
            }

            return Element(DerReader.TagBitString, contents);
        }

        /// <summary>A UTF8String (RFC 5280 4.1.2.4: the encoding of choice for names).</summary>
        public static byte[] Utf8String(string value)
        {
            return Element(DerReader.TagUtf8String, Utf8(value));
        }

        /// <summary>
        /// UTF-8 of a string, done here because this library references mscorlib only (Encoding is
        /// in nanoFramework.System.Text on the board). A lone surrogate becomes U+FFFD.
        /// </summary>
        public static byte[] Utf8(string value)
        {
            char[] c = value.ToCharArray();
            byte[] buffer = new byte[c.Length * 3];
            int n = 0;
            for (int i = 0; i < c.Length; i++)
            {
                int cp = c[i];
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < c.Length && c[i + 1] >= 0xDC00 && c[i + 1] <= 0xDFFF)
                {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (c[i + 1] - 0xDC00);
                    i++;
                }
                else if (cp >= 0xD800 && cp <= 0xDFFF)
                {
                    cp = 0xFFFD;
                }

                if (cp < 0x80)
                {
                    buffer[n++] = (byte)cp;
                }
                else if (cp < 0x800)
                {
                    buffer[n++] = (byte)(0xC0 | (cp >> 6));
                    buffer[n++] = (byte)(0x80 | (cp & 0x3F));
                }
                else if (cp < 0x10000)
                {
                    buffer[n++] = (byte)(0xE0 | (cp >> 12));
                    buffer[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[n++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    buffer[n++] = (byte)(0xF0 | (cp >> 18));
                    buffer[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[n++] = (byte)(0x80 | (cp & 0x3F));
                }
            }

            byte[] r = new byte[n];
            for (int i = 0; i < n; i++)
            {
                r[i] = buffer[i];
            }

            return r;
        }
    }
}
