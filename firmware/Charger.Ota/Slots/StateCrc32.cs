namespace Charger.Ota.Slots
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) over the slot-state record. Its own copy
    /// so that Charger.Ota, which the boot assembly loads, needs nothing but Charger.Hal and SHA-256.
    /// </summary>
    public static class StateCrc32
    {
        private const uint Polynomial = 0xEDB88320;
        private static uint[] _table;

        public static uint Compute(byte[] data, int offset, int count)
        {
            uint[] table = Table();
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc = table[(crc ^ data[offset + i]) & 0xFF] ^ (crc >> 8);
            }

            return ~crc;
        }

        private static uint[] Table()
        {
            if (_table != null)
            {
                return _table;
            }

            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            _table = table;
            return table;
        }
    }
}
