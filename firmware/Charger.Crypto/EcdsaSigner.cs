namespace Charger.Crypto
{
    /// <summary>
    /// ECDSA signing (FIPS 186-4 section 6.4.1) on P-256 and P-384 with the nonce k derived
    /// deterministically from the private key and the message hash (RFC 6979 section 3.2, with
    /// HMAC-SHA-256): a weak or repeating random source can then never reveal the key through
    /// k, and the same key and message always give the same signature, which the tests check
    /// against RFC 6979's own vectors.
    /// The scalar multiplication doubles and adds on every bit (the add is always computed, the
    /// bit only chooses which result is kept), so the work does not depend on the key's bits; an
    /// interpreter gives no constant-time guarantee beyond that.
    /// </summary>
    public static class EcdsaSigner
    {
        /// <summary>The DER signature (SEQUENCE { INTEGER r, INTEGER s }) of a message hash.</summary>
        public static byte[] SignHash(EcPrivateKey key, byte[] messageHash)
        {
            byte[] r;
            byte[] s;
            SignHash(key, messageHash, out r, out s);
            return DerWriter.Sequence(new byte[][] { DerWriter.UnsignedInteger(r), DerWriter.UnsignedInteger(s) });
        }

        /// <summary>SHA-256 of <paramref name="data"/>, signed: ecdsa-with-SHA256, as a certificate signing request uses it.</summary>
        public static byte[] SignSha256(EcPrivateKey key, byte[] data)
        {
            return SignHash(key, Sha256.Hash(data));
        }

        /// <summary>r and s, each big-endian of the curve's size.</summary>
        public static void SignHash(EcPrivateKey key, byte[] messageHash, out byte[] r, out byte[] s)
        {
            if (key == null || messageHash == null || messageHash.Length == 0)
            {
                throw new CryptoFormatException("signing needs a key and a message hash");
            }

            EcCurve curve = key.Curve;
            int size = curve.FieldBytes;
            int limbs = curve.Limbs;
            uint[] n = curve.N;
            Montgomery order = curve.CreateOrder();

            // e = bits2int(hash) mod n; both curves' orders fill whole bytes, so bits2int keeps the first bytes.
            uint[] e = Bits2Int(messageHash, size, limbs);
            if (BigNat.Compare(e, n) >= 0)
            {
                BigNat.Sub(e, e, n);
            }

            uint[] d = BigNat.FromBigEndian(key.Scalar, limbs);
            uint[] dMont = new uint[limbs];
            order.ToMont(d, dMont);

            // RFC 6979 3.2 steps b to f.
            byte[] x = key.Scalar;
            byte[] h1 = BigNat.ToBigEndian(e, size);
            byte[] v = new byte[32];
            byte[] k = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                v[i] = 0x01;
            }

            byte[] zero = new byte[] { 0x00 };
            byte[] one = new byte[] { 0x01 };
            k = HmacSha256.Compute(k, new byte[][] { v, zero, x, h1 });
            v = HmacSha256.Compute(k, new byte[][] { v });
            k = HmacSha256.Compute(k, new byte[][] { v, one, x, h1 });
            v = HmacSha256.Compute(k, new byte[][] { v });

            byte[] t = new byte[size];
            while (true)
            {
                // Step h: T from successive V until it has qlen bits; k = bits2int(T).
                int filled = 0;
                while (filled < size)
                {
                    v = HmacSha256.Compute(k, new byte[][] { v });
                    for (int i = 0; i < v.Length && filled < size; i++)
                    {
                        t[filled++] = v[i];
                    }
                }

                uint[] nonce = BigNat.FromBigEndian(t, limbs);
                if (!BigNat.IsZero(nonce) && BigNat.Compare(nonce, n) < 0)
                {
                    byte[] x1;
                    byte[] y1;
                    MultiplyBase(curve, nonce, out x1, out y1);
                    uint[] rv = BigNat.FromBigEndian(x1, limbs);
                    if (BigNat.Compare(rv, n) >= 0)
                    {
                        BigNat.Sub(rv, rv, n);
                    }

                    if (!BigNat.IsZero(rv))
                    {
                        // s = k^-1 (e + r d) mod n. Mul of a plain value and a Montgomery form gives a plain product.
                        uint[] kMont = new uint[limbs];
                        order.ToMont(nonce, kMont);
                        uint[] kInvMont = order.InversePrime(kMont);
                        uint[] rd = new uint[limbs];
                        order.Mul(rv, dMont, rd);
                        uint[] sum = new uint[limbs];
                        order.Add(e, rd, sum);
                        uint[] sv = new uint[limbs];
                        order.Mul(sum, kInvMont, sv);
                        if (!BigNat.IsZero(sv))
                        {
                            r = BigNat.ToBigEndian(rv, size);
                            s = BigNat.ToBigEndian(sv, size);
                            return;
                        }
                    }
                }

                // Step h.3: a k out of range (or r or s zero): move the generator on and draw again.
                k = HmacSha256.Compute(k, new byte[][] { v, zero });
                v = HmacSha256.Compute(k, new byte[][] { v });
            }
        }

        /// <summary>scalar · G in affine coordinates, each big-endian of the curve's size. The scalar is in [1, n-1].</summary>
        internal static void MultiplyBase(EcCurve curve, uint[] scalar, out byte[] x, out byte[] y)
        {
            int limbs = curve.Limbs;
            Montgomery field = curve.CreateField();
            EcArithmetic arith = new EcArithmetic(field, limbs);
            JacobianPoint g = new JacobianPoint(limbs);
            BigNat.Copy(curve.GxMont, g.X);
            BigNat.Copy(curve.GyMont, g.Y);
            BigNat.Copy(field.One(), g.Z);

            JacobianPoint[] pick = new JacobianPoint[] { new JacobianPoint(limbs), new JacobianPoint(limbs) };
            JacobianPoint acc = new JacobianPoint(limbs);
            for (int i = curve.FieldBytes * 8 - 1; i >= 0; i--)
            {
                arith.Double(acc);
                pick[0].CopyFrom(acc);
                pick[1].CopyFrom(acc);
                arith.Add(pick[1], g);
                acc.CopyFrom(pick[BigNat.TestBit(scalar, i) ? 1 : 0]);
            }

            if (acc.IsInfinity)
            {
                throw new CryptoFormatException("scalar multiple is the point at infinity (scalar not in [1, n-1])");
            }

            uint[] zInv = field.InversePrime(acc.Z);
            uint[] zInv2 = new uint[limbs];
            field.Mul(zInv, zInv, zInv2);
            uint[] ax = new uint[limbs];
            field.Mul(acc.X, zInv2, ax);
            uint[] zInv3 = new uint[limbs];
            field.Mul(zInv2, zInv, zInv3);
            uint[] ay = new uint[limbs];
            field.Mul(acc.Y, zInv3, ay);
            field.FromMont(ax, ax);
            field.FromMont(ay, ay);
            x = BigNat.ToBigEndian(ax, curve.FieldBytes);
            y = BigNat.ToBigEndian(ay, curve.FieldBytes);
        }

        private static uint[] Bits2Int(byte[] hash, int size, int limbs)
        {
            int take = hash.Length < size ? hash.Length : size;
            return BigNat.FromBigEndian(hash, 0, take, limbs);
        }
    }
}
