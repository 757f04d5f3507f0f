namespace Charger.Crypto
{
    /// <summary>A curve point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), Montgomery form; Z = 0 is the point at infinity.</summary>
    internal sealed class JacobianPoint
    {
        public JacobianPoint(int limbs)
        {
            X = new uint[limbs];
            Y = new uint[limbs];
            Z = new uint[limbs];
        }

        public uint[] X { get; }

        public uint[] Y { get; }

        public uint[] Z { get; }

        public bool IsInfinity => BigNat.IsZero(Z);

        public void SetInfinity()
        {
            for (int i = 0; i < Z.Length; i++)
            {
                X[i] = 0;
                Y[i] = 0;
                Z[i] = 0;
            }
        }

        public void CopyFrom(JacobianPoint p)
        {
            BigNat.Copy(p.X, X);
            BigNat.Copy(p.Y, Y);
            BigNat.Copy(p.Z, Z);
        }
    }
}
