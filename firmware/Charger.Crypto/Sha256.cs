namespace Charger.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) in plain managed code: nanoFramework 1.x ships HMACSHA256 but no
    /// SHA256 class, and the maintenance password hash must be computed identically on the board
    /// and the desktop. Not constant-time; used for password verification, not for secrets in flight.
    /// </summary>
    public sealed class Sha256 : BlockHash32
    {
        public const int HashBytes = 32;

        // FIPS 180-4 section 4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _w = new uint[64];

        public Sha256()
            : base(8)
        {
            Reset();
        }

        protected override void SetInitialState(uint[] state)
        {
            // FIPS 180-4 section 5.3.3: initial hash value.
            state[0] = 0x6a09e667;
            state[1] = 0xbb67ae85;
            state[2] = 0x3c6ef372;
            state[3] = 0xa54ff53a;
            state[4] = 0x510e527f;
            state[5] = 0x9b05688c;
            state[6] = 0x1f83d9ab;
            state[7] = 0x5be0cd19;
        }

        public static byte[] Hash(byte[] data, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, offset, count);
            return sha.Final();
        }

        public static byte[] Hash(byte[] data)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, 0, data.Length);
            return sha.Final();
        }

        protected override void Compress(byte[] src, int offset)
        {
            uint[] state = State;
            for (int t = 0; t < 16; t++)
            {
                int i = offset + 4 * t;
                _w[t] = ((uint)src[i] << 24) | ((uint)src[i + 1] << 16) | ((uint)src[i + 2] << 8) | src[i + 3];
            }

            for (int t = 16; t < 64; t++)
            {
                uint s0 = Rotr(_w[t - 15], 7) ^ Rotr(_w[t - 15], 18) ^ (_w[t - 15] >> 3);
                uint s1 = Rotr(_w[t - 2], 17) ^ Rotr(_w[t - 2], 19) ^ (_w[t - 2] >> 10);
                _w[t] = unchecked(_w[t - 16] + s0 + _w[t - 7] + s1);
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 64; t++)
            {
                uint t1 = unchecked(h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + _w[t]);
                uint t2 = unchecked((Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c)));
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            state[0] = unchecked(state[0] + a);
            state[1] = unchecked(state[1] + b);
            state[2] = unchecked(state[2] + c);
            state[3] = unchecked(state[3] + d);
            state[4] = unchecked(state[4] + e);
            state[5] = unchecked(state[5] + f);
            state[6] = unchecked(state[6] + g);
            state[7] = unchecked(state[7] + h);
        }

        private static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }
    }
}
