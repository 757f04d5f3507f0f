namespace Charger.Crypto
{
    /// <summary>ECDSA verification (FIPS 186-4 section 6.4.2, SEC 1 section 4.1.4) on P-256 and P-384.</summary>
    public static class EcdsaVerifier
    {
        /// <summary>
        /// Verifies a DER signature (SEQUENCE { INTEGER r, INTEGER s }, strict DER: minimal lengths
        /// and integers, nothing after the sequence) over a message hash.
        /// </summary>
        public static bool VerifyDer(PublicKey key, byte[] messageHash, byte[] derSignature)
        {
            if (key == null || key.Kind != PublicKeyKind.Ec || derSignature == null)
            {
                return false;
            }

            byte[] r;
            byte[] s;
            try
            {
                DerReader outer = new DerReader(derSignature);
                DerReader seq = outer.ReadSequence();
                outer.ExpectEnd();
                r = seq.ReadUnsignedInteger();
                s = seq.ReadUnsignedInteger();
                seq.ExpectEnd();
            }
            catch (CryptoFormatException)
            {
                return false;
            }

            return Verify(key, messageHash, r, s);
        }

        /// <summary>Verifies a signature given as r and s (big-endian, unsigned).</summary>
        public static bool Verify(PublicKey key, byte[] messageHash, byte[] r, byte[] s)
        {
            if (key == null || key.Kind != PublicKeyKind.Ec || messageHash == null || r == null || s == null)
            {
                return false;
            }

            EcCurve curve = key.Curve;
            Montgomery order = curve.CreateOrder();
            int limbs = curve.Limbs;
            uint[] n = curve.N;
            uint[] rv = BigNat.FromBigEndian(r, 0, r.Length, limbs);
            uint[] sv = BigNat.FromBigEndian(s, 0, s.Length, limbs);
            if (rv == null || sv == null || BigNat.IsZero(rv) || BigNat.IsZero(sv) || BigNat.Compare(rv, n) >= 0 || BigNat.Compare(sv, n) >= 0)
            {
                return false;
            }

            // e = the leftmost bits of the hash, as many as n has (both curves' n fill whole bytes).
            int take = messageHash.Length < curve.FieldBytes ? messageHash.Length : curve.FieldBytes;
            uint[] e = BigNat.FromBigEndian(messageHash, 0, take, limbs);
            if (BigNat.Compare(e, n) >= 0)
            {
                BigNat.Sub(e, e, n);
            }

            // w = s^-1 mod n (Montgomery form); u1 = e w, u2 = r w as plain numbers.
            uint[] sMont = new uint[limbs];
            order.ToMont(sv, sMont);
            uint[] w = order.InversePrime(sMont);
            uint[] u1 = new uint[limbs];
            uint[] u2 = new uint[limbs];
            order.Mul(e, w, u1);
            order.Mul(rv, w, u2);

            Montgomery field = curve.CreateField();
            EcArithmetic arith = new EcArithmetic(field, limbs);
            JacobianPoint g = new JacobianPoint(limbs);
            BigNat.Copy(curve.GxMont, g.X);
            BigNat.Copy(curve.GyMont, g.Y);
            BigNat.Copy(field.One(), g.Z);
            JacobianPoint q = new JacobianPoint(limbs);
            BigNat.Copy(curve.ToField(field, key.X), q.X);
            BigNat.Copy(curve.ToField(field, key.Y), q.Y);
            BigNat.Copy(field.One(), q.Z);
            JacobianPoint gq = new JacobianPoint(limbs);
            gq.CopyFrom(g);
            arith.Add(gq, q);

            // u1 G + u2 Q in one pass over the bits (Shamir's trick): half the doublings.
            JacobianPoint acc = new JacobianPoint(limbs);
            int bits = BigNat.BitLength(u1);
            int bits2 = BigNat.BitLength(u2);
            if (bits2 > bits)
            {
                bits = bits2;
            }

            for (int i = bits - 1; i >= 0; i--)
            {
                arith.Double(acc);
                bool b1 = BigNat.TestBit(u1, i);
                bool b2 = BigNat.TestBit(u2, i);
                if (b1 && b2)
                {
                    arith.Add(acc, gq);
                }
                else if (b1)
                {
                    arith.Add(acc, g);
                }
                else if (b2)
                {
                    arith.Add(acc, q);
                }
            }

            if (acc.IsInfinity)
            {
                return false;
            }

            // x = X / Z^2, then compared with r modulo n (p > n, and p < 2n on both curves).
            uint[] zInv = field.InversePrime(acc.Z);
            field.Mul(zInv, zInv, zInv);
            uint[] x = new uint[limbs];
            field.Mul(acc.X, zInv, x);
            field.FromMont(x, x);
            if (BigNat.Compare(x, n) >= 0)
            {
                BigNat.Sub(x, x, n);
            }

            return BigNat.Compare(x, rv) == 0;
        }
    }
}
