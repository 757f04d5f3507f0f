namespace Charger.Crypto
{
    /// <summary>
    /// An RSA or EC public key, as read from a certificate's SubjectPublicKeyInfo or given directly.
    /// Numbers are big-endian without leading zero bytes.
    /// </summary>
    public sealed class PublicKey
    {
        private PublicKey(PublicKeyKind kind)
        {
            Kind = kind;
        }

        public PublicKeyKind Kind { get; }

        /// <summary>RSA modulus n.</summary>
        public byte[] Modulus { get; private set; }

        /// <summary>RSA public exponent e.</summary>
        public byte[] Exponent { get; private set; }

        /// <summary>RSA modulus size in bits.</summary>
        public int ModulusBits { get; private set; }

        /// <summary>EC curve (P-256 or P-384).</summary>
        public EcCurve Curve { get; private set; }

        /// <summary>EC point coordinates, each exactly the curve's field size.</summary>
        public byte[] X { get; private set; }

        public byte[] Y { get; private set; }

        /// <summary>
        /// RSA key from modulus and exponent. Keys of 2048 to 4096 bits with an odd exponent
        /// from 3 up are accepted; anything else throws <see cref="CryptoFormatException"/>.
        /// </summary>
        public static PublicKey FromRsa(byte[] modulus, byte[] exponent)
        {
            byte[] n = StripZeros(modulus);
            byte[] e = StripZeros(exponent);
            int bits = BitLength(n);
            if (bits < 2048 || bits > 4096)
            {
                throw new CryptoFormatException("RSA modulus must be 2048 to 4096 bits");
            }

            if ((n[n.Length - 1] & 1) == 0)
            {
                throw new CryptoFormatException("RSA modulus is even");
            }

            if (e.Length == 0 || (e[e.Length - 1] & 1) == 0 || (e.Length == 1 && e[0] < 3) || e.Length > n.Length)
            {
                throw new CryptoFormatException("RSA exponent must be odd, at least 3 and shorter than the modulus");
            }

            PublicKey key = new PublicKey(PublicKeyKind.Rsa);
            key.Modulus = n;
            key.Exponent = e;
            key.ModulusBits = bits;
            return key;
        }

        /// <summary>
        /// EC key from an uncompressed point (0x04 || X || Y, SEC 1 2.3.3). Compressed points
        /// are refused. The point must lie on the curve; anything else throws
        /// <see cref="CryptoFormatException"/>.
        /// </summary>
        public static PublicKey FromEcPoint(EcCurve curve, byte[] point, int offset, int length)
        {
            int size = curve.FieldBytes;
            if (length != 1 + 2 * size || point[offset] != 0x04)
            {
                throw new CryptoFormatException("EC point must be uncompressed (04 || X || Y) of the curve's size");
            }

            byte[] x = new byte[size];
            byte[] y = new byte[size];
            for (int i = 0; i < size; i++)
            {
                x[i] = point[offset + 1 + i];
                y[i] = point[offset + 1 + size + i];
            }

            if (!curve.IsOnCurve(x, y))
            {
                throw new CryptoFormatException("EC point is not on the curve");
            }

            PublicKey key = new PublicKey(PublicKeyKind.Ec);
            key.Curve = curve;
            key.X = x;
            key.Y = y;
            return key;
        }

        public static PublicKey FromEcPoint(EcCurve curve, byte[] point)
        {
            return FromEcPoint(curve, point, 0, point.Length);
        }

        internal static byte[] StripZeros(byte[] value)
        {
            int start = 0;
            while (start < value.Length && value[start] == 0)
            {
                start++;
            }

            byte[] r = new byte[value.Length - start];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = value[start + i];
            }

            return r;
        }

        internal static int BitLength(byte[] bigEndian)
        {
            if (bigEndian.Length == 0)
            {
                return 0;
            }

            int bits = bigEndian.Length * 8;
            byte top = bigEndian[0];
            while ((top & 0x80) == 0 && bits > (bigEndian.Length - 1) * 8)
            {
                top <<= 1;
                bits--;
            }

            return bits;
        }
    }
}
