namespace Charger.Crypto
{
    /// <summary>
    /// PEM (RFC 7468) to DER: OCPP carries certificates as PEM strings, a chain as several blocks
    /// one after the other. Strict base64 (RFC 4648 alphabet, '=' padding only at the end, line
    /// breaks and spaces between characters allowed); anything else throws
    /// <see cref="CryptoFormatException"/>.
    /// </summary>
    public static class Pem
    {
        public const string CertificateLabel = "CERTIFICATE";

        /// <summary>Every block labelled <paramref name="label"/> in order; an empty array when there is none.</summary>
        public static byte[][] DecodeAll(string pem, string label)
        {
            if (pem == null)
            {
                throw new CryptoFormatException("no PEM text");
            }

            string begin = "-----BEGIN " + label + "-----";
            string end = "-----END " + label + "-----";
            int count = 0;
            int at = 0;
            while ((at = pem.IndexOf(begin, at)) >= 0)
            {
                count++;
                at += begin.Length;
            }

            byte[][] blocks = new byte[count][];
            at = 0;
            for (int i = 0; i < count; i++)
            {
                int start = pem.IndexOf(begin, at) + begin.Length;
                int stop = pem.IndexOf(end, start);
                if (stop < 0)
                {
                    throw new CryptoFormatException("PEM block without its END line");
                }

                if (pem.IndexOf("-----", start) != stop)
                {
                    throw new CryptoFormatException("PEM block holds another boundary line");
                }

                blocks[i] = Base64Decode(pem.Substring(start, stop - start));
                at = stop + end.Length;
            }

            return blocks;
        }

        /// <summary>The first block labelled CERTIFICATE.</summary>
        public static byte[] DecodeCertificate(string pem)
        {
            byte[][] all = DecodeAll(pem, CertificateLabel);
            if (all.Length == 0)
            {
                throw new CryptoFormatException("no PEM CERTIFICATE block");
            }

            return all[0];
        }

        /// <summary>Strict base64 decoding that skips ASCII whitespace.</summary>
        public static byte[] Base64Decode(string text)
        {
            char[] c = text.ToCharArray();
            int significant = 0;
            int padding = 0;
            for (int i = 0; i < c.Length; i++)
            {
                char ch = c[i];
                if (IsSpace(ch))
                {
                    continue;
                }

                if (ch == '=')
                {
                    padding++;
                }
                else if (padding > 0 || Value(ch) < 0)
                {
                    throw new CryptoFormatException("base64 has a character out of its alphabet or after the padding");
                }

                significant++;
            }

            if (significant % 4 != 0 || padding > 2)
            {
                throw new CryptoFormatException("base64 length is not a multiple of 4");
            }

            byte[] r = new byte[significant / 4 * 3 - padding];
            int acc = 0;
            int bits = 0;
            int o = 0;
            for (int i = 0; i < c.Length; i++)
            {
                char ch = c[i];
                if (IsSpace(ch) || ch == '=')
                {
                    continue;
                }

                acc = (acc << 6) | Value(ch);
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    r[o++] = (byte)(acc >> bits);
                    acc &= (1 << bits) - 1;
                }
            }

            if (acc != 0)
            {
                throw new CryptoFormatException("base64 padding bits are not zero");
            }

            return r;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        private static int Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            if (c == '+')
            {
                return 62;
            }

            if (c == '/')
            {
                return 63;
            }

            return -1;
        }
    }
}
