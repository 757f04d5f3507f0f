using System.Text;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Reads a record written by <see cref="StoreRecordWriter"/>. The constructor checks kind,
    /// format version and checksum; every read checks bounds. Any mismatch is a
    /// <see cref="CorruptRecordException"/> naming the record.
    /// </summary>
    public sealed class StoreRecordReader
    {
        private const int HeaderBytes = 2;
        private const int TrailerBytes = 4;

        private readonly byte[] _data;
        private readonly int _end;
        private readonly string _name;
        private int _position;

        public StoreRecordReader(string name, byte[] data, byte kind, byte formatVersion)
        {
            _name = name;
            if (data == null || data.Length < HeaderBytes + TrailerBytes)
            {
                throw new CorruptRecordException("record " + name + " is missing or shorter than its header");
            }

            _data = data;
            _end = data.Length - TrailerBytes;
            uint stored = (uint)(data[_end] | (data[_end + 1] << 8) | (data[_end + 2] << 16) | (data[_end + 3] << 24));
            if (Crc32.Compute(data, 0, _end) != stored)
            {
                throw new CorruptRecordException("record " + name + " fails its checksum");
            }

            if (data[0] != kind)
            {
                throw new CorruptRecordException("record " + name + " is of kind " + data[0] + ", expected " + kind);
            }

            if (data[1] != formatVersion)
            {
                throw new CorruptRecordException("record " + name + " has format version " + data[1] + ", this firmware reads " + formatVersion);
            }

            _position = HeaderBytes;
        }

        public bool AtEnd
        {
            get { return _position == _end; }
        }

        public byte ReadByte()
        {
            Need(1);
            return _data[_position++];
        }

        public bool ReadBool()
        {
            return ReadByte() != 0;
        }

        public int ReadInt32()
        {
            Need(4);
            int value = _data[_position] | (_data[_position + 1] << 8) | (_data[_position + 2] << 16) | (_data[_position + 3] << 24);
            _position += 4;
            return value;
        }

        public long ReadInt64()
        {
            long low = (uint)ReadInt32();
            long high = ReadInt32();
            return (high << 32) | low;
        }

        public string ReadString()
        {
            Need(2);
            int length = _data[_position] | (_data[_position + 1] << 8);
            _position += 2;
            if (length == StoreRecordWriter.NullStringLength)
            {
                return null;
            }

            Need(length);
            string value = Encoding.UTF8.GetString(_data, _position, length);
            _position += length;
            return value;
        }

        private void Need(int count)
        {
            if (_position + count > _end)
            {
                throw new CorruptRecordException("record " + _name + " ends before its last field");
            }
        }
    }
}
