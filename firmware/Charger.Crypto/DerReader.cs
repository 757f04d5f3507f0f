namespace Charger.Crypto
{
    /// <summary>
    /// A strict DER reader (ITU-T X.690 section 10) over a slice of a byte array: single-byte
    /// tags, definite minimal lengths only, every element inside its parent. Any breach throws
    /// <see cref="CryptoFormatException"/> naming it.
    /// </summary>
    public sealed class DerReader
    {
        public const int TagBoolean = 0x01;
        public const int TagInteger = 0x02;
        public const int TagBitString = 0x03;
        public const int TagOctetString = 0x04;
        public const int TagNull = 0x05;
        public const int TagOid = 0x06;
        public const int TagUtf8String = 0x0C;
        public const int TagPrintableString = 0x13;
        public const int TagT61String = 0x14;
        public const int TagIa5String = 0x16;
        public const int TagUtcTime = 0x17;
        public const int TagGeneralizedTime = 0x18;
        public const int TagBmpString = 0x1E;
        public const int TagSequence = 0x30;
        public const int TagSet = 0x31;

        // Longest length field accepted: 3 bytes (16 MB), far above any certificate.
        private const int MaxLengthBytes = 3;

        private readonly byte[] _data;
        private readonly int _end;
        private int _pos;

        public DerReader(byte[] data)
            : this(data, 0, data.Length)
        {
        }

        public DerReader(byte[] data, int offset, int length)
        {
            if (data == null || offset < 0 || length < 0 || offset + length > data.Length)
            {
                throw new CryptoFormatException("DER slice outside its buffer");
            }

            _data = data;
            _pos = offset;
            _end = offset + length;
        }

        public byte[] Data => _data;

        public int Position => _pos;

        public bool HasMore => _pos < _end;

        /// <summary>The next element's tag, or -1 at the end.</summary>
        public int PeekTag()
        {
            return _pos < _end ? _data[_pos] : -1;
        }

        /// <summary>
        /// Reads one element's header and steps over it; contentOffset/contentLength locate its
        /// contents in <see cref="Data"/>. Returns the tag.
        /// </summary>
        public int ReadElement(out int contentOffset, out int contentLength)
        {
            if (_pos >= _end)
            {
                throw new CryptoFormatException("DER element expected, input ended");
            }

            int tag = _data[_pos++];
            if ((tag & 0x1F) == 0x1F)
            {
                throw new CryptoFormatException("DER multi-byte tags are not supported");
            }

            if (_pos >= _end)
            {
                throw new CryptoFormatException("DER length missing");
            }

            int first = _data[_pos++];
            int length;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                int count = first & 0x7F;
                if (count == 0)
                {
                    throw new CryptoFormatException("DER forbids indefinite lengths");
                }

                if (count > MaxLengthBytes || _pos + count > _end)
                {
                    throw new CryptoFormatException("DER length field too long");
                }

                if (_data[_pos] == 0)
                {
                    throw new CryptoFormatException("DER length not minimal (leading zero)");
                }

                length = 0;
                for (int i = 0; i < count; i++)
                {
                    length = (length << 8) | _data[_pos++];
                }

                if (length < 0x80)
                {
                    throw new CryptoFormatException("DER length not minimal (long form below 128)");
                }
            }

            if (length > _end - _pos)
            {
                throw new CryptoFormatException("DER element longer than its container");
            }

            contentOffset = _pos;
            contentLength = length;
            _pos += length;
            return tag;
        }

        /// <summary>Reads an element that must carry the given tag.</summary>
        public void Read(int expectedTag, out int contentOffset, out int contentLength)
        {
            int start = _pos;
            int tag = ReadElement(out contentOffset, out contentLength);
            if (tag != expectedTag)
            {
                _pos = start;
                throw new CryptoFormatException("DER tag 0x" + Hex.Byte(tag) + " where 0x" + Hex.Byte(expectedTag) + " was expected");
            }
        }

        /// <summary>A reader over the contents of a constructed element with the given tag.</summary>
        public DerReader ReadConstructed(int expectedTag)
        {
            Read(expectedTag, out int offset, out int length);
            return new DerReader(_data, offset, length);
        }

        public DerReader ReadSequence()
        {
            return ReadConstructed(TagSequence);
        }

        /// <summary>A copy of the whole next element (tag, length and contents), which must carry the given tag.</summary>
        public byte[] ReadRaw(int expectedTag)
        {
            int start = _pos;
            Read(expectedTag, out int _, out int _);
            return Copy(_data, start, _pos - start);
        }

        /// <summary>Offset and length of the whole next element (tag included), stepping over it.</summary>
        public void ReadSpan(int expectedTag, out int start, out int length)
        {
            start = _pos;
            Read(expectedTag, out int _, out int _);
            length = _pos - start;
        }

        /// <summary>A copy of the contents of an element with the given tag.</summary>
        public byte[] ReadContents(int expectedTag)
        {
            Read(expectedTag, out int offset, out int length);
            return Copy(_data, offset, length);
        }

        /// <summary>
        /// A non-negative INTEGER as its big-endian magnitude (the sign byte dropped). Refuses
        /// negative values and non-minimal encodings.
        /// </summary>
        public byte[] ReadUnsignedInteger()
        {
            Read(TagInteger, out int offset, out int length);
            CheckMinimalInteger(offset, length);
            if ((_data[offset] & 0x80) != 0)
            {
                throw new CryptoFormatException("DER INTEGER is negative");
            }

            if (_data[offset] == 0 && length > 1)
            {
                return Copy(_data, offset + 1, length - 1);
            }

            return Copy(_data, offset, length);
        }

        /// <summary>An INTEGER's content octets as they are (two's complement), checked minimal.</summary>
        public byte[] ReadIntegerContents()
        {
            Read(TagInteger, out int offset, out int length);
            CheckMinimalInteger(offset, length);
            return Copy(_data, offset, length);
        }

        /// <summary>A small non-negative INTEGER (below 2^31).</summary>
        public int ReadSmallInteger()
        {
            byte[] v = ReadUnsignedInteger();
            if (v.Length > 4 || (v.Length == 4 && (v[0] & 0x80) != 0))
            {
                throw new CryptoFormatException("DER INTEGER too large");
            }

            int r = 0;
            for (int i = 0; i < v.Length; i++)
            {
                r = (r << 8) | v[i];
            }

            return r;
        }

        /// <summary>A BIT STRING's bits as bytes; refuses unused bits other than zero when wholeBytes is true.</summary>
        public byte[] ReadBitString(bool wholeBytes)
        {
            Read(TagBitString, out int offset, out int length);
            if (length < 1)
            {
                throw new CryptoFormatException("DER BIT STRING without its unused-bits byte");
            }

            int unused = _data[offset];
            if (unused > 7 || (length == 1 && unused != 0) || (wholeBytes && unused != 0))
            {
                throw new CryptoFormatException("DER BIT STRING unused-bits count invalid");
            }

            if (unused != 0 && (_data[offset + length - 1] & ((1 << unused) - 1)) != 0)
            {
                throw new CryptoFormatException("DER BIT STRING unused bits not zero");
            }

            return Copy(_data, offset + 1, length - 1);
        }

        public bool ReadBoolean()
        {
            Read(TagBoolean, out int offset, out int length);
            if (length != 1 || (_data[offset] != 0 && _data[offset] != 0xFF))
            {
                throw new CryptoFormatException("DER BOOLEAN must be one byte 00 or FF");
            }

            return _data[offset] == 0xFF;
        }

        public void ReadNull()
        {
            Read(TagNull, out int _, out int length);
            if (length != 0)
            {
                throw new CryptoFormatException("DER NULL with contents");
            }
        }

        /// <summary>Steps over the next element whatever it is.</summary>
        public void Skip()
        {
            ReadElement(out int _, out int _);
        }

        public void ExpectEnd()
        {
            if (_pos != _end)
            {
                throw new CryptoFormatException("DER data after the expected end");
            }
        }

        internal static byte[] Copy(byte[] data, int offset, int length)
        {
            byte[] r = new byte[length];
            for (int i = 0; i < length; i++)
            {
                r[i] = data[offset + i];
            }

            return r;
        }

        private void CheckMinimalInteger(int offset, int length)
        {
            if (length == 0)
            {
                throw new CryptoFormatException("DER INTEGER empty");
            }

            if (length > 1)
            {
                int b0 = _data[offset];
                int b1 = _data[offset + 1];
                if ((b0 == 0 && (b1 & 0x80) == 0) || (b0 == 0xFF && (b1 & 0x80) != 0))
                {
                    throw new CryptoFormatException("DER INTEGER not minimal");
                }
            }
        }
    }
}
