namespace Charger.Crypto
{
    /// <summary>
    /// Point doubling and addition on an a = -3 curve in Jacobian coordinates (formulas
    /// dbl-2001-b and add-2007-bl of the Explicit-Formulas Database), with scratch values
    /// allocated once per verification so the scalar multiplication allocates nothing.
    /// </summary>
    internal sealed class EcArithmetic
    {
        private readonly Montgomery _f;
        private readonly uint[] _t1, _t2, _t3, _t4, _t5, _t6, _t7, _t8;

        public EcArithmetic(Montgomery field, int n)
        {
            _f = field;
            _t1 = new uint[n];
            _t2 = new uint[n];
            _t3 = new uint[n];
            _t4 = new uint[n];
            _t5 = new uint[n];
            _t6 = new uint[n];
            _t7 = new uint[n];
            _t8 = new uint[n];
        }

        /// <summary>p = 2p in place.</summary>
        public void Double(JacobianPoint p)
        {
            if (p.IsInfinity)
            {
                return;
            }

            Montgomery f = _f;
            uint[] delta = _t1, gamma = _t2, beta = _t3, alpha = _t4, t = _t5;
            f.Mul(p.Z, p.Z, delta);
            f.Mul(p.Y, p.Y, gamma);
            f.Mul(p.X, gamma, beta);

            // alpha = 3 (X - delta)(X + delta)
            f.Sub(p.X, delta, t);
            f.Add(p.X, delta, alpha);
            f.Mul(t, alpha, alpha);
            f.Add(alpha, alpha, t);
            f.Add(t, alpha, alpha);

            // Z3 = (Y + Z)^2 - gamma - delta
            f.Add(p.Y, p.Z, t);
            f.Mul(t, t, t);
            f.Sub(t, gamma, t);
            f.Sub(t, delta, p.Z);

            // X3 = alpha^2 - 8 beta
            f.Mul(alpha, alpha, p.X);
            f.Add(beta, beta, beta);
            f.Add(beta, beta, beta); // 4 beta
            f.Add(beta, beta, t); // 8 beta
            f.Sub(p.X, t, p.X);

            // Y3 = alpha (4 beta - X3) - 8 gamma^2
            f.Sub(beta, p.X, beta);
            f.Mul(alpha, beta, beta);
            f.Mul(gamma, gamma, gamma);
            f.Double(gamma);
            f.Double(gamma);
            f.Double(gamma);
            f.Sub(beta, gamma, p.Y);
        }

        /// <summary>p = p + q in place (q unchanged; q may not be p).</summary>
        public void Add(JacobianPoint p, JacobianPoint q)
        {
            if (q.IsInfinity)
            {
                return;
            }

            if (p.IsInfinity)
            {
                p.CopyFrom(q);
                return;
            }

            Montgomery f = _f;
            uint[] z1z1 = _t1, z2z2 = _t2, u1 = _t3, u2 = _t4, s1 = _t5, s2 = _t6, h = _t7, r = _t8;
            f.Mul(p.Z, p.Z, z1z1);
            f.Mul(q.Z, q.Z, z2z2);
            f.Mul(p.X, z2z2, u1);
            f.Mul(q.X, z1z1, u2);
            f.Mul(p.Y, q.Z, s1);
            f.Mul(s1, z2z2, s1);
            f.Mul(q.Y, p.Z, s2);
            f.Mul(s2, z1z1, s2);
            f.Sub(u2, u1, h);
            f.Sub(s2, s1, r);
            if (BigNat.IsZero(h))
            {
                if (BigNat.IsZero(r))
                {
                    Double(p);
                }
                else
                {
                    p.SetInfinity();
                }

                return;
            }

            f.Add(r, r, r);

            // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H, computed first while Z1 is still there.
            f.Add(p.Z, q.Z, p.Z);
            f.Mul(p.Z, p.Z, p.Z);
            f.Sub(p.Z, z1z1, p.Z);
            f.Sub(p.Z, z2z2, p.Z);
            f.Mul(p.Z, h, p.Z);

            // I = (2H)^2 in z1z1, J = H I in z2z2, V = U1 I in u2
            uint[] i = z1z1, j = z2z2, v = u2;
            f.Add(h, h, i);
            f.Mul(i, i, i);
            f.Mul(h, i, j);
            f.Mul(u1, i, v);

            // X3 = r^2 - J - 2V
            f.Mul(r, r, p.X);
            f.Sub(p.X, j, p.X);
            f.Sub(p.X, v, p.X);
            f.Sub(p.X, v, p.X);

            // Y3 = r (V - X3) - 2 S1 J
            f.Sub(v, p.X, v);
            f.Mul(r, v, p.Y);
            f.Mul(s1, j, s1);
            f.Double(s1);
            f.Sub(p.Y, s1, p.Y);
        }
    }
}
