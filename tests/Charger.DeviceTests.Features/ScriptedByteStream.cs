using System;
using System.IO;

namespace Charger.DeviceTests
{
    /// <summary>
    /// A server's side of a connection in memory, for the WebSocket handshake on nanoCLR: reads
    /// hand out the scripted bytes at most <see cref="Chunk"/> at a time, then end of stream;
    /// writes are kept. <see cref="Taken"/> tells how far the reader went.
    /// </summary>
    public sealed class ScriptedByteStream : Stream
    {
        private readonly byte[] _incoming;
        private readonly byte[] _written = new byte[2048];
        private int _writtenLength;
        private int _taken;

        public ScriptedByteStream(byte[] incoming, int chunk)
        {
            _incoming = incoming;
            Chunk = chunk;
        }

        public int Chunk { get; private set; }

        public int Taken
        {
            get { return _taken; }
        }

        public byte[] Written
        {
            get
            {
                byte[] copy = new byte[_writtenLength];
                Array.Copy(_written, copy, _writtenLength);
                return copy;
            }
        }

        public override bool CanRead
        {
            get { return true; }
        }

        public override bool CanSeek
        {
            get { return false; }
        }

        public override bool CanWrite
        {
            get { return true; }
        }

        public override long Length
        {
            get { return _incoming.Length; }
        }

        public override long Position
        {
            get { return _taken; }
            set { throw new NotSupportedException(); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = count < Chunk ? count : Chunk;
            if (n > _incoming.Length - _taken)
            {
                n = _incoming.Length - _taken;
            }

            Array.Copy(_incoming, _taken, buffer, offset, n);
            _taken += n;
            return n;
        }

        public override int Read(SpanByte buffer)
        {
            int n = buffer.Length < Chunk ? buffer.Length : Chunk;
            if (n > _incoming.Length - _taken)
            {
                n = _incoming.Length - _taken;
            }

            for (int i = 0; i < n; i++)
            {
                buffer[i] = _incoming[_taken + i];
            }

            _taken += n;
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _written, _writtenLength, count);
            _writtenLength += count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }
    }
}
