namespace Charger.Crypto
{
    /// <summary>
    /// Unsigned big integers as little-endian arrays of 32-bit limbs (limb 0 is least significant),
    /// all operands of one operation the same length. nanoFramework has no System.Numerics; these
    /// are the few operations RSA and ECC verification need. Not constant-time: only public values
    /// (keys, signatures, hashes) pass through here.
    /// </summary>
    public static class BigNat
    {
        /// <summary>
        /// Reads a big-endian unsigned number into <paramref name="limbs"/> limbs; null when it
        /// does not fit (non-zero bytes beyond the limbs).
        /// </summary>
        public static uint[] FromBigEndian(byte[] data, int offset, int length, int limbs)
        {
            uint[] r = new uint[limbs];
            int end = offset + length;
            for (int i = 0; i < length; i++)
            {
                byte b = data[end - 1 - i];
                int limb = i >> 2;
                if (limb >= limbs)
                {
                    if (b != 0)
                    {
                        return null;
                    }

                    continue;
                }

                r[limb] |= (uint)b << (8 * (i & 3));
            }

            return r;
        }

        public static uint[] FromBigEndian(byte[] data, int limbs)
        {
            return FromBigEndian(data, 0, data.Length, limbs);
        }

        /// <summary>Writes the number as exactly <paramref name="byteLength"/> big-endian bytes (high limbs beyond are dropped).</summary>
        public static byte[] ToBigEndian(uint[] a, int byteLength)
        {
            byte[] r = new byte[byteLength];
            for (int i = 0; i < byteLength; i++)
            {
                int limb = i >> 2;
                if (limb < a.Length)
                {
                    r[byteLength - 1 - i] = (byte)(a[limb] >> (8 * (i & 3)));
                }
            }

            return r;
        }

        public static int Compare(uint[] a, uint[] b)
        {
            for (int i = a.Length - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }

            return 0;
        }

        public static bool IsZero(uint[] a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>r = a + b; returns the carry out. r may be a or b.</summary>
        public static uint Add(uint[] r, uint[] a, uint[] b)
        {
            ulong carry = 0;
            for (int i = 0; i < r.Length; i++)
            {
                carry += (ulong)a[i] + b[i];
                r[i] = (uint)carry;
                carry >>= 32;
            }

            return (uint)carry;
        }

        /// <summary>r = a - b; returns 1 when it borrowed (a &lt; b). r may be a or b.</summary>
        public static uint Sub(uint[] r, uint[] a, uint[] b)
        {
            long borrow = 0;
            for (int i = 0; i < r.Length; i++)
            {
                long d = (long)a[i] - b[i] + borrow;
                r[i] = (uint)d;
                borrow = d >> 32;
            }

            return borrow != 0 ? 1u : 0u;
        }

        /// <summary>r = a - small (small &lt; 2^32, a &gt;= small).</summary>
        public static uint[] SubSmall(uint[] a, uint small)
        {
            uint[] r = new uint[a.Length];
            uint[] s = new uint[a.Length];
            s[0] = small;
            Sub(r, a, s);
            return r;
        }

        public static int BitLength(uint[] a)
        {
            for (int i = a.Length - 1; i >= 0; i--)
            {
                if (a[i] != 0)
                {
                    int bits = 32;
                    uint top = a[i];
                    while ((top & 0x80000000) == 0)
                    {
                        top <<= 1;
                        bits--;
                    }

                    return i * 32 + bits;
                }
            }

            return 0;
        }

        public static bool TestBit(uint[] a, int bit)
        {
            return ((a[bit >> 5] >> (bit & 31)) & 1) != 0;
        }

        public static void Copy(uint[] from, uint[] to)
        {
            for (int i = 0; i < to.Length; i++)
            {
                to[i] = from[i];
            }
        }

        /// <summary>Hex digits (no separators) to bytes; for the constants in this library.</summary>
        public static byte[] FromHex(string hex)
        {
            char[] c = hex.ToCharArray();
            byte[] r = new byte[c.Length / 2];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = (byte)((HexValue(c[2 * i]) << 4) | HexValue(c[2 * i + 1]));
            }

            return r;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            throw new CryptoFormatException("not a hex digit");
        }
    }
}
