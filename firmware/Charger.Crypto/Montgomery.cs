namespace Charger.Crypto
{
    /// <summary>
    /// Arithmetic modulo an odd modulus in Montgomery form (x·R mod m, R = 2^(32·limbs)), with
    /// 32-bit limbs and 64-bit products (CIOS multiplication: one pass per limb of a, reducing as
    /// it goes). One instance per modulus; its scratch buffer makes it single-threaded.
    /// </summary>
    public sealed class Montgomery
    {
        private readonly uint[] _m;
        private readonly int _n;
        private readonly uint _m0inv;
        private readonly uint[] _rModM;
        private readonly uint[] _r2;
        private readonly uint[] _t;

        /// <summary>The modulus must be odd and greater than 1.</summary>
        public Montgomery(uint[] modulus)
        {
            _n = modulus.Length;
            _m = new uint[_n];
            BigNat.Copy(modulus, _m);
            _t = new uint[_n + 2];

            // -m^-1 mod 2^32 by Newton's iteration (each step doubles the correct low bits).
            uint x = _m[0];
            for (int i = 0; i < 5; i++)
            {
                x = unchecked(x * (2 - _m[0] * x));
            }

            _m0inv = unchecked(0u - x);

            _rModM = new uint[_n];
            if ((_m[_n - 1] & 0x80000000) != 0)
            {
                // m > R/2, so R mod m = R - m: the two's complement of m.
                uint[] zero = new uint[_n];
                BigNat.Sub(_rModM, zero, _m);
            }
            else
            {
                _rModM[0] = 1;
                for (int i = 0; i < 32 * _n; i++)
                {
                    Double(_rModM);
                }
            }

            // R^2 mod m is the Montgomery form of 2^(32·limbs): start from the form of 2 and
            // square-and-double along the bits of the exponent (a dozen products, not 32·limbs shifts).
            _r2 = new uint[_n];
            BigNat.Copy(_rModM, _r2);
            Double(_r2);
            int e = 32 * _n;
            int top = 31;
            while (((e >> top) & 1) == 0)
            {
                top--;
            }

            for (int bit = top - 1; bit >= 0; bit--)
            {
                Mul(_r2, _r2, _r2);
                if (((e >> bit) & 1) != 0)
                {
                    Double(_r2);
                }
            }
        }

        public int Limbs => _n;

        public uint[] Modulus => _m;

        /// <summary>A new array with the Montgomery form of 1 (R mod m).</summary>
        public uint[] One()
        {
            uint[] r = new uint[_n];
            BigNat.Copy(_rModM, r);
            return r;
        }

        /// <summary>r = a·b·R^-1 mod m, for a, b &lt; m. r may be a or b.</summary>
        public void Mul(uint[] a, uint[] b, uint[] r)
        {
            uint[] t = _t;
            uint[] m = _m;
            int n = _n;
            for (int i = 0; i < n + 2; i++)
            {
                t[i] = 0;
            }

            for (int i = 0; i < n; i++)
            {
                ulong ai = a[i];
                ulong carry = 0;
                for (int j = 0; j < n; j++)
                {
                    carry += ai * b[j] + t[j];
                    t[j] = (uint)carry;
                    carry >>= 32;
                }

                carry += t[n];
                t[n] = (uint)carry;
                t[n + 1] = (uint)(carry >> 32);

                ulong u = unchecked(t[0] * _m0inv);
                carry = (u * m[0] + t[0]) >> 32;
                for (int j = 1; j < n; j++)
                {
                    carry += u * m[j] + t[j];
                    t[j - 1] = (uint)carry;
                    carry >>= 32;
                }

                carry += t[n];
                t[n - 1] = (uint)carry;
                t[n] = t[n + 1] + (uint)(carry >> 32);
                t[n + 1] = 0;
            }

            // t < 2m: one conditional subtraction.
            bool subtract = t[n] != 0;
            if (!subtract)
            {
                subtract = true;
                for (int i = n - 1; i >= 0; i--)
                {
                    if (t[i] != m[i])
                    {
                        subtract = t[i] > m[i];
                        break;
                    }
                }
            }

            if (subtract)
            {
                long borrow = 0;
                for (int i = 0; i < n; i++)
                {
                    long d = (long)t[i] - m[i] + borrow;
                    r[i] = (uint)d;
                    borrow = d >> 32;
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    r[i] = t[i];
                }
            }
        }

        /// <summary>r = Montgomery form of a (a &lt; m).</summary>
        public void ToMont(uint[] a, uint[] r)
        {
            Mul(a, _r2, r);
        }

        /// <summary>r = the plain value of the Montgomery form a.</summary>
        public void FromMont(uint[] a, uint[] r)
        {
            uint[] one = new uint[_n];
            one[0] = 1;
            Mul(a, one, r);
        }

        /// <summary>r = a + b mod m, for a, b &lt; m. r may be a or b.</summary>
        public void Add(uint[] a, uint[] b, uint[] r)
        {
            uint carry = BigNat.Add(r, a, b);
            if (carry != 0 || BigNat.Compare(r, _m) >= 0)
            {
                BigNat.Sub(r, r, _m);
            }
        }

        /// <summary>r = a - b mod m, for a, b &lt; m. r may be a or b.</summary>
        public void Sub(uint[] a, uint[] b, uint[] r)
        {
            if (BigNat.Sub(r, a, b) != 0)
            {
                BigNat.Add(r, r, _m);
            }
        }

        /// <summary>a = 2a mod m in place.</summary>
        public void Double(uint[] a)
        {
            uint carry = 0;
            for (int i = 0; i < _n; i++)
            {
                uint next = a[i] >> 31;
                a[i] = (a[i] << 1) | carry;
                carry = next;
            }

            if (carry != 0 || BigNat.Compare(a, _m) >= 0)
            {
                BigNat.Sub(a, a, _m);
            }
        }

        /// <summary>
        /// Montgomery form of base^exponent, base in Montgomery form, exponent a plain number
        /// (any length), left to right.
        /// </summary>
        public uint[] Pow(uint[] baseMont, uint[] exponent)
        {
            uint[] x = One();
            int bits = BigNat.BitLength(exponent);
            for (int i = bits - 1; i >= 0; i--)
            {
                Mul(x, x, x);
                if (BigNat.TestBit(exponent, i))
                {
                    Mul(x, baseMont, x);
                }
            }

            return x;
        }

        /// <summary>Montgomery form of a^-1 for a prime modulus (Fermat: a^(m-2)); a in Montgomery form, non-zero.</summary>
        public uint[] InversePrime(uint[] aMont)
        {
            return Pow(aMont, BigNat.SubSmall(_m, 2));
        }
    }
}
