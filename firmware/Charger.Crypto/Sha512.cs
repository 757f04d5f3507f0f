namespace Charger.Crypto
{
    /// <summary>
    /// SHA-512 and SHA-384 (FIPS 180-4 sections 6.4 and 6.5) in managed code, for RSA and ECDSA
    /// signatures that name those hashes (P-384 certificates use SHA-384). SHA-384 is SHA-512 with
    /// other initial values, cut to 48 bytes.
    /// </summary>
    public sealed class Sha512
    {
        private const int BlockBytes = 128;

        // FIPS 180-4 section 4.2.3: first 64 bits of the fractional parts of the cube roots of the first 80 primes.
        private static readonly ulong[] K =
        {
            0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
            0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
            0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
            0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
            0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
            0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
            0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
            0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
            0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
            0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
            0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
            0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
            0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
            0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
            0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
            0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
        };

        private readonly bool _is384;
        private readonly ulong[] _state = new ulong[8];
        private readonly ulong[] _w = new ulong[80];
        private readonly byte[] _block = new byte[BlockBytes];
        private int _blockLength;
        private long _totalBytes;

        /// <param name="sha384">true for SHA-384 (48-byte result), false for SHA-512 (64 bytes).</param>
        public Sha512(bool sha384)
        {
            _is384 = sha384;
            Reset();
        }

        public int HashBytes => _is384 ? 48 : 64;

        public void Reset()
        {
            if (_is384)
            {
                // FIPS 180-4 section 5.3.4.
                _state[0] = 0xcbbb9d5dc1059ed8;
                _state[1] = 0x629a292a367cd507;
                _state[2] = 0x9159015a3070dd17;
                _state[3] = 0x152fecd8f70e5939;
                _state[4] = 0x67332667ffc00b31;
                _state[5] = 0x8eb44a8768581511;
                _state[6] = 0xdb0c2e0d64f98fa7;
                _state[7] = 0x47b5481dbefa4fa4;
            }
            else
            {
                // FIPS 180-4 section 5.3.5.
                _state[0] = 0x6a09e667f3bcc908;
                _state[1] = 0xbb67ae8584caa73b;
                _state[2] = 0x3c6ef372fe94f82b;
                _state[3] = 0xa54ff53a5f1d36f1;
                _state[4] = 0x510e527fade682d1;
                _state[5] = 0x9b05688c2b3e6c1f;
                _state[6] = 0x1f83d9abfb41bd6b;
                _state[7] = 0x5be0cd19137e2179;
            }

            _blockLength = 0;
            _totalBytes = 0;
        }

        public void Update(byte[] data, int offset, int count)
        {
            _totalBytes += count;
            int end = offset + count;
            while (offset < end)
            {
                if (_blockLength == 0 && end - offset >= BlockBytes)
                {
                    Compress(data, offset);
                    offset += BlockBytes;
                    continue;
                }

                _block[_blockLength++] = data[offset++];
                if (_blockLength == BlockBytes)
                {
                    Compress(_block, 0);
                    _blockLength = 0;
                }
            }
        }

        /// <summary>Finishes the hash into a new array and resets for the next message.</summary>
        public byte[] Final()
        {
            long bitLength = _totalBytes * 8;
            _block[_blockLength++] = 0x80;
            if (_blockLength > BlockBytes - 16)
            {
                while (_blockLength < BlockBytes)
                {
                    _block[_blockLength++] = 0;
                }

                Compress(_block, 0);
                _blockLength = 0;
            }

            // The length field is 128 bits; messages here are far below 2^63 bits.
            while (_blockLength < BlockBytes - 8)
            {
                _block[_blockLength++] = 0;
            }

            for (int i = 7; i >= 0; i--)
            {
                _block[_blockLength++] = (byte)(bitLength >> (8 * i));
            }

            Compress(_block, 0);
            byte[] hash = new byte[HashBytes];
            for (int i = 0; i < hash.Length; i++)
            {
                hash[i] = (byte)(_state[i >> 3] >> (56 - 8 * (i & 7)));
            }

            Reset();
            return hash;
        }

        public static byte[] Hash384(byte[] data, int offset, int count)
        {
            Sha512 sha = new Sha512(true);
            sha.Update(data, offset, count);
            return sha.Final();
        }

        public static byte[] Hash512(byte[] data, int offset, int count)
        {
            Sha512 sha = new Sha512(false);
            sha.Update(data, offset, count);
            return sha.Final();
        }

        private void Compress(byte[] src, int offset)
        {
            for (int t = 0; t < 16; t++)
            {
                int i = offset + 8 * t;
                uint hi = ((uint)src[i] << 24) | ((uint)src[i + 1] << 16) | ((uint)src[i + 2] << 8) | src[i + 3];
                uint lo = ((uint)src[i + 4] << 24) | ((uint)src[i + 5] << 16) | ((uint)src[i + 6] << 8) | src[i + 7];
                _w[t] = ((ulong)hi << 32) | lo;
            }

            for (int t = 16; t < 80; t++)
            {
                ulong w15 = _w[t - 15];
                ulong w2 = _w[t - 2];
                ulong s0 = Rotr(w15, 1) ^ Rotr(w15, 8) ^ (w15 >> 7);
                ulong s1 = Rotr(w2, 19) ^ Rotr(w2, 61) ^ (w2 >> 6);
                _w[t] = unchecked(_w[t - 16] + s0 + _w[t - 7] + s1);
            }

            ulong a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            ulong e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int t = 0; t < 80; t++)
            {
                ulong t1 = unchecked(h + (Rotr(e, 14) ^ Rotr(e, 18) ^ Rotr(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + _w[t]);
                ulong t2 = unchecked((Rotr(a, 28) ^ Rotr(a, 34) ^ Rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c)));
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            _state[0] = unchecked(_state[0] + a);
            _state[1] = unchecked(_state[1] + b);
            _state[2] = unchecked(_state[2] + c);
            _state[3] = unchecked(_state[3] + d);
            _state[4] = unchecked(_state[4] + e);
            _state[5] = unchecked(_state[5] + f);
            _state[6] = unchecked(_state[6] + g);
            _state[7] = unchecked(_state[7] + h);
        }

        private static ulong Rotr(ulong x, int n)
        {
            return (x >> n) | (x << (64 - n));
        }
    }
}
