namespace Charger.Crypto
{
    /// <summary>
    /// A short-Weierstrass prime curve with a = -3 (y^2 = x^3 - 3x + b over GF(p)): NIST P-256 and
    /// P-384 (FIPS 186-4 D.1.2.3 and D.1.2.4, the same as SEC 2 secp256r1 and secp384r1).
    /// Field values are kept in Montgomery form. The curve holds constants only: each verification
    /// makes its own <see cref="Montgomery"/> contexts (they carry scratch space), so verifications
    /// on different threads never share state.
    /// </summary>
    public sealed class EcCurve
    {
        private static EcCurve _p256;
        private static EcCurve _p384;

        private readonly uint[] _p;
        private readonly uint[] _n;
        private readonly uint[] _bMont;

        private EcCurve(string name, int fieldBytes, string p, string n, string b, string gx, string gy)
        {
            Name = name;
            FieldBytes = fieldBytes;
            Limbs = fieldBytes / 4;
            _p = BigNat.FromBigEndian(BigNat.FromHex(p), Limbs);
            _n = BigNat.FromBigEndian(BigNat.FromHex(n), Limbs);
            Montgomery field = CreateField();
            _bMont = ToField(field, BigNat.FromHex(b));
            GxMont = ToField(field, BigNat.FromHex(gx));
            GyMont = ToField(field, BigNat.FromHex(gy));
        }

        public static EcCurve P256
        {
            get
            {
                if (_p256 == null)
                {
                    _p256 = new EcCurve(
                        "P-256",
                        32,
                        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
                        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
                        "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
                        "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
                        "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
                }

                return _p256;
            }
        }

        public static EcCurve P384
        {
            get
            {
                if (_p384 == null)
                {
                    _p384 = new EcCurve(
                        "P-384",
                        48,
                        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
                        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
                        "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
                        "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
                        "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f");
                }

                return _p384;
            }
        }

        /// <summary>"P-256" or "P-384".</summary>
        public string Name { get; }

        /// <summary>Bytes of a field element or scalar (32 or 48).</summary>
        public int FieldBytes { get; }

        internal int Limbs { get; }

        /// <summary>The group order n (plain).</summary>
        internal uint[] N => _n;

        /// <summary>A new context for arithmetic modulo p (not to be shared between threads).</summary>
        internal Montgomery CreateField()
        {
            return new Montgomery(_p);
        }

        /// <summary>A new context for arithmetic modulo the group order n.</summary>
        internal Montgomery CreateOrder()
        {
            return new Montgomery(_n);
        }

        internal uint[] GxMont { get; }

        internal uint[] GyMont { get; }

        /// <summary>True when (x, y), big-endian, are field elements (below p) satisfying the curve equation.</summary>
        public bool IsOnCurve(byte[] x, byte[] y)
        {
            Montgomery f = CreateField();
            uint[] xm = ToField(f, x);
            uint[] ym = ToField(f, y);
            if (xm == null || ym == null)
            {
                return false;
            }

            uint[] lhs = new uint[Limbs];
            f.Mul(ym, ym, lhs);
            uint[] rhs = new uint[Limbs];
            f.Mul(xm, xm, rhs);
            f.Mul(rhs, xm, rhs);
            uint[] threeX = new uint[Limbs];
            f.Add(xm, xm, threeX);
            f.Add(threeX, xm, threeX);
            f.Sub(rhs, threeX, rhs);
            f.Add(rhs, _bMont, rhs);
            return BigNat.Compare(lhs, rhs) == 0;
        }

        /// <summary>Montgomery form of a big-endian value, or null when it is not below p.</summary>
        internal uint[] ToField(Montgomery field, byte[] value)
        {
            uint[] v = BigNat.FromBigEndian(value, Limbs);
            if (v == null || BigNat.Compare(v, _p) >= 0)
            {
                return null;
            }

            uint[] r = new uint[Limbs];
            field.ToMont(v, r);
            return r;
        }
    }
}
