namespace Charger.Crypto
{
    /// <summary>One entry point for the hashes by <see cref="HashKind"/>.</summary>
    public static class Digest
    {
        public static int Length(HashKind hash)
        {
            switch (hash)
            {
                case HashKind.Sha256: return 32;
                case HashKind.Sha384: return 48;
                case HashKind.Sha512: return 64;
                default: return 0;
            }
        }

        /// <summary>The hash of data[offset..offset+count), or null for an unknown kind.</summary>
        public static byte[] Compute(HashKind hash, byte[] data, int offset, int count)
        {
            switch (hash)
            {
                case HashKind.Sha256: return Sha256.Hash(data, offset, count);
                case HashKind.Sha384: return Sha512.Hash384(data, offset, count);
                case HashKind.Sha512: return Sha512.Hash512(data, offset, count);
                default: return null;
            }
        }

        public static byte[] Compute(HashKind hash, byte[] data)
        {
            return Compute(hash, data, 0, data.Length);
        }
    }
}
