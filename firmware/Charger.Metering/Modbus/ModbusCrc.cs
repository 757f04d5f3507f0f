namespace Charger.Metering.Modbus
{
    /// <summary>
    /// CRC-16/MODBUS (polynomial 0xA001 reflected, initial value 0xFFFF), as defined in
    /// "Modbus over Serial Line Specification and Implementation Guide V1.02", section 6.2.2.
    /// The CRC goes on the wire low byte first.
    /// </summary>
    public static class ModbusCrc
    {
        // Reflected form of the generator polynomial x^16 + x^15 + x^2 + 1 (spec section 6.2.2).
        private const int ReflectedPolynomial = 0xA001;

        private const int InitialValue = 0xFFFF;

        // A 256-entry table trades 512 bytes of RAM for an eight-fold faster CRC than bit-by-bit.
        private static readonly ushort[] Table = BuildTable();

        public static ushort Compute(byte[] buffer, int offset, int count)
        {
            int crc = InitialValue;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (crc >> 8) ^ Table[(crc ^ buffer[i]) & 0xFF];
            }

            return (ushort)crc;
        }

        /// <summary>Writes the CRC of buffer[offset .. offset+count) after it, low byte first.</summary>
        public static void Append(byte[] buffer, int offset, int count)
        {
            ushort crc = Compute(buffer, offset, count);
            buffer[offset + count] = (byte)(crc & 0xFF);
            buffer[offset + count + 1] = (byte)(crc >> 8);
        }

        /// <summary>True when the last two bytes of the frame are the CRC of the bytes before them.</summary>
        public static bool IsValidFrame(byte[] buffer, int offset, int length)
        {
            if (length < 4)
            {
                return false;
            }

            ushort crc = Compute(buffer, offset, length - 2);
            return buffer[offset + length - 2] == (byte)(crc & 0xFF)
                && buffer[offset + length - 1] == (byte)(crc >> 8);
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                int value = i;
                for (int bit = 0; bit < 8; bit++)
                {
                    value = (value & 1) != 0 ? (value >> 1) ^ ReflectedPolynomial : value >> 1;
                }

                table[i] = (ushort)value;
            }

            return table;
        }
    }
}
