namespace Charger.Crypto
{
    /// <summary>
    /// SHA-1 (FIPS 180-4 section 6.1) in plain managed code. Used for one thing only: the WebSocket
    /// opening handshake (RFC 6455 section 4.2.2), whose Sec-WebSocket-Accept is base64(SHA-1(key +
    /// GUID)). SHA-1 is broken for collision resistance; never use it for signatures or certificates
    /// (those use <see cref="Sha256"/> and up).
    /// </summary>
    public sealed class Sha1
    {
        public const int HashBytes = 20;
        private const int BlockBytes = 64;

        private readonly uint[] _state = new uint[5];
        private readonly uint[] _w = new uint[80];
        private readonly byte[] _block = new byte[BlockBytes];
        private int _blockLength;
        private long _totalBytes;

        public Sha1()
        {
            Reset();
        }

        public void Reset()
        {
            // FIPS 180-4 section 5.3.1: initial hash value.
            _state[0] = 0x67452301;
            _state[1] = 0xefcdab89;
            _state[2] = 0x98badcfe;
            _state[3] = 0x10325476;
            _state[4] = 0xc3d2e1f0;
            _blockLength = 0;
            _totalBytes = 0;
        }

        public void Update(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset + count > data.Length)
            {
                throw new System.ArgumentException("the range lies outside the buffer");
            }

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

        /// <summary>Finishes the hash into a new 20-byte array and resets for the next message.</summary>
        public byte[] Final()
        {
            // FIPS 180-4 section 5.1.1: a 1 bit, zeros, then the message length in bits (64-bit big endian).
            long bitLength = _totalBytes * 8;
            _block[_blockLength++] = 0x80;
            if (_blockLength > BlockBytes - 8)
            {
                while (_blockLength < BlockBytes)
                {
                    _block[_blockLength++] = 0;
                }

                Compress(_block, 0);
                _blockLength = 0;
            }

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
            for (int i = 0; i < 5; i++)
            {
                hash[4 * i] = (byte)(_state[i] >> 24);
                hash[4 * i + 1] = (byte)(_state[i] >> 16);
                hash[4 * i + 2] = (byte)(_state[i] >> 8);
                hash[4 * i + 3] = (byte)_state[i];
            }

            Reset();
            return hash;
        }

        public static byte[] Hash(byte[] data)
        {
            Sha1 sha = new Sha1();
            sha.Update(data, 0, data.Length);
            return sha.Final();
        }

        private void Compress(byte[] src, int offset)
        {
            for (int t = 0; t < 16; t++)
            {
                int i = offset + 4 * t;
                _w[t] = ((uint)src[i] << 24) | ((uint)src[i + 1] << 16) | ((uint)src[i + 2] << 8) | src[i + 3];
            }

            for (int t = 16; t < 80; t++)
            {
                _w[t] = Rotl(_w[t - 3] ^ _w[t - 8] ^ _w[t - 14] ^ _w[t - 16], 1);
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4];
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

            _state[0] = unchecked(_state[0] + a);
            _state[1] = unchecked(_state[1] + b);
            _state[2] = unchecked(_state[2] + c);
            _state[3] = unchecked(_state[3] + d);
            _state[4] = unchecked(_state[4] + e);
        }

        private static uint Rotl(uint x, int n)
        {
            return (x << n) | (x >> (32 - n));
        }
    }
}
