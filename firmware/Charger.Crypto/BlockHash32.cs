namespace Charger.Crypto
{
    /// <summary>
    /// What SHA-1 and SHA-256 share (FIPS 180-4): 64-byte blocks, whole blocks compressed straight
    /// from the caller's buffer (copying byte by byte first doubles the interpreter's work on a
    /// 250 KB firmware image), the padding (a 1 bit, zeros, the message length in bits as a 64-bit
    /// big-endian number) and the big-endian output of the 32-bit state words. Each hash brings its
    /// initial value and its compression function.
    /// </summary>
    public abstract class BlockHash32
    {
        protected const int BlockBytes = 64;

        private readonly byte[] _block = new byte[BlockBytes];
        private int _blockLength;
        private long _totalBytes;

        protected BlockHash32(int stateWords)
        {
            State = new uint[stateWords];
        }

        /// <summary>The chaining value: <see cref="Final"/> writes all of it out.</summary>
        protected uint[] State { get; private set; }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            SetInitialState(State);
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

        /// <summary>Finishes the hash into a new array (4 bytes per state word) and resets for the next message.</summary>
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
            uint[] state = State;
            byte[] hash = new byte[4 * state.Length];
            for (int i = 0; i < state.Length; i++)
            {
                hash[4 * i] = (byte)(state[i] >> 24);
                hash[4 * i + 1] = (byte)(state[i] >> 16);
                hash[4 * i + 2] = (byte)(state[i] >> 8);
                hash[4 * i + 3] = (byte)state[i];
            }

            Reset();
            return hash;
        }

        /// <summary>Writes the hash's initial value (FIPS 180-4 section 5.3) into <paramref name="state"/>.</summary>
        protected abstract void SetInitialState(uint[] state);

        /// <summary>Folds the 64-byte block at <paramref name="offset"/> into <see cref="State"/>.</summary>
        protected abstract void Compress(byte[] src, int offset);
    }
}
