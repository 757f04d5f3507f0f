namespace Charger.Crypto
{
    /// <summary>
    /// SHA-1 (FIPS 180-4 section 6.1) in plain managed code. Used for one thing only: the WebSocket
    /// opening handshake (RFC 6455 section 4.2.2), whose Sec-WebSocket-Accept is base64(SHA-1(key +
    /// GUID)). SHA-1 is broken for collision resistance; never use it for signatures or certificates
    /// (those use <see cref="Sha256"/> and up).
    /// </summary>
    public sealed class Sha1 : BlockHash32
    {
        public const int HashBytes = 20;

        private readonly uint[] _w = new uint[80];

        public Sha1()
            : base(5)
        {
            Reset();
        }

        protected override void SetInitialState(uint[] state)
        {
            // FIPS 180-4 section 5.3.1: initial hash value.
            state[0] = 0x67452301;
            state[1] = 0xefcdab89;
            state[2] = 0x98badcfe;
            state[3] = 0x10325476;
            state[4] = 0xc3d2e1f0;
        }

        public static byte[] Hash(byte[] data)
        {
            Sha1 sha = new Sha1();
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

            for (int t = 16; t < 80; t++)
            {
                _w[t] = Rotl(_w[t - 3] ^ _w[t - 8] ^ _w[t - 14] ^ _w[t - 16], 1);
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
            for (int t = 0; t < 80; t++)
            {
                // FIPS 180-4 sections 4.1.1 and 4.2.1: the function and constant of each 20-round stage.
                uint f;
                uint k;
                if (t < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5a827999;
                }
                else if (t < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ed9eba1;
                }
                else if (t < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8f1bbcdc;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xca62c1d6;
                }

                uint temp = unchecked(Rotl(a, 5) + f + e + k + _w[t]);
                e = d;
                d = c;
                c = Rotl(b, 30);
                b = a;
                a = temp;
            }

            state[0] = unchecked(state[0] + a);
            state[1] = unchecked(state[1] + b);
            state[2] = unchecked(state[2] + c);
            state[3] = unchecked(state[3] + d);
            state[4] = unchecked(state[4] + e);
        }

        private static uint Rotl(uint x, int n)
        {
            return (x << n) | (x >> (32 - n));
        }
    }
}
