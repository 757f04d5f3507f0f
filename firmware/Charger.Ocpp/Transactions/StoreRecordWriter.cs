using System.Text;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Builds one stored record: a kind byte and a format version, the fields little-endian, and a
    /// CRC-32 trailer so that a record damaged on flash is recognised instead of misread. The
    /// layout is our own (not JSON) so the storage does not depend on the OCPP codec and costs
    /// no parsing at boot.
    /// </summary>
    public sealed class StoreRecordWriter
    {
        /// <summary>Length marker for a null string.</summary>
        internal const int NullStringLength = 0xFFFF;

        /// <summary>Longest string a record field holds; OCPP payloads are bounded well below.</summary>
        public const int MaxStringBytes = 0xFFFE;

        private byte[] _buffer;
        private int _length;

        public StoreRecordWriter(byte kind, byte formatVersion, int initialCapacity)
        {
            _buffer = new byte[initialCapacity < 16 ? 16 : initialCapacity];
            WriteByte(kind);
            WriteByte(formatVersion);
        }

        public int Length
        {
            get { return _length; }
        }

        public void WriteByte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        public void WriteBool(bool value)
        {
            WriteByte(value ? (byte)1 : (byte)0);
        }

        public void WriteInt32(int value)
        {
            Ensure(4);
            _buffer[_length++] = (byte)value;
            _buffer[_length++] = (byte)(value >> 8);
            _buffer[_length++] = (byte)(value >> 16);
            _buffer[_length++] = (byte)(value >> 24);
        }

        public void WriteInt64(long value)
        {
            WriteInt32((int)value);
            WriteInt32((int)(value >> 32));
        }

        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteUInt16(NullStringLength);
                return;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(value);
            if (bytes.Length > MaxStringBytes)
            {
                throw new System.ArgumentException("a stored string holds at most " + MaxStringBytes + " bytes, got " + bytes.Length);
            }

            WriteUInt16(bytes.Length);
            Ensure(bytes.Length);
            System.Array.Copy(bytes, 0, _buffer, _length, bytes.Length);
            _length += bytes.Length;
        }

        /// <summary>Appends the checksum; returns the buffer, of which <see cref="Length"/> bytes are the record.</summary>
        public byte[] Finish()
        {
            uint crc = Crc32.Compute(_buffer, 0, _length);
            WriteInt32((int)crc);
            return _buffer;
        }

        private void WriteUInt16(int value)
        {
            Ensure(2);
            _buffer[_length++] = (byte)value;
            _buffer[_length++] = (byte)(value >> 8);
        }

        private void Ensure(int more)
        {
            if (_length + more <= _buffer.Length)
            {
                return;
            }

            int size = _buffer.Length * 2;
            while (size < _length + more)
            {
                size *= 2;
            }

            byte[] bigger = new byte[size];
            System.Array.Copy(_buffer, bigger, _length);
            _buffer = bigger;
        }
    }
}
