namespace Charger.Ota.Bundle
{
    /// <summary>A bundle held in an array (the desktop tool, tests).</summary>
    public sealed class ByteArrayBundleSource : IBundleSource
    {
        private readonly byte[] _bytes;
        private readonly int _length;

        public ByteArrayBundleSource(byte[] bytes, int length)
        {
            _bytes = bytes;
            _length = length;
        }

        public ByteArrayBundleSource(byte[] bytes) : this(bytes, bytes.Length)
        {
        }

        public long Length
        {
            get { return _length; }
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position >= _length)
            {
                return 0;
            }

            int take = _length - (int)position < count ? _length - (int)position : count;
            System.Array.Copy(_bytes, (int)position, buffer, offset, take);
            return take;
        }
    }
}
