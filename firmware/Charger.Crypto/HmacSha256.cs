namespace Charger.Crypto
{
    /// <summary>
    /// HMAC-SHA-256 (RFC 2104) over the managed <see cref="Sha256"/>: RFC 6979 needs it inside this
    /// library, which references mscorlib only (nanoFramework's HMACSHA256 lives in another package).
    /// </summary>
    public static class HmacSha256
    {
        private const int BlockBytes = 64;

        /// <summary>HMAC of the concatenation of <paramref name="parts"/> under <paramref name="key"/>.</summary>
        public static byte[] Compute(byte[] key, byte[][] parts)
        {
            byte[] k = key.Length > BlockBytes ? Sha256.Hash(key) : key;
            byte[] pad = new byte[BlockBytes];
            Sha256 inner = new Sha256();
            for (int i = 0; i < BlockBytes; i++)
            {
                pad[i] = (byte)((i < k.Length ? k[i] : 0) ^ 0x36);
            }

            inner.Update(pad, 0, BlockBytes);
            for (int p = 0; p < parts.Length; p++)
            {
                inner.Update(parts[p], 0, parts[p].Length);
            }

            byte[] innerHash = inner.Final();
            for (int i = 0; i < BlockBytes; i++)
            {
                pad[i] = (byte)((i < k.Length ? k[i] : 0) ^ 0x5c);
            }

            inner.Update(pad, 0, BlockBytes);
            inner.Update(innerHash, 0, innerHash.Length);
            return inner.Final();
        }
    }
}
