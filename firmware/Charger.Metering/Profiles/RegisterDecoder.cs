namespace Charger.Metering.Profiles
{
    /// <summary>
    /// Turns 16-bit Modbus registers (each big-endian on the wire, already assembled by the master) into
    /// wider values. Word order differs per meter and is named in each method.
    /// </summary>
    public static class RegisterDecoder
    {
        // IEEE-754 binary32 layout: 1 sign bit, 8 exponent bits (bias 127), 23 fraction bits.
        private const int Float32ExponentMask = 0xFF;
        private const int Float32FractionBits = 23;
        private const int Float32FractionMask = 0x7FFFFF;
        private const int Float32ExponentBias = 127;

        public static uint UInt32HighWordFirst(ushort[] registers, int index)
        {
            return ((uint)registers[index] << 16) | registers[index + 1];
        }

        public static int Int32HighWordFirst(ushort[] registers, int index)
        {
            return (int)UInt32HighWordFirst(registers, index);
        }

        /// <summary>Carlo Gavazzi order: the least significant word sits at the lower address.</summary>
        public static int Int32LowWordFirst(ushort[] registers, int index)
        {
            return (int)(((uint)registers[index + 1] << 16) | registers[index]);
        }

        public static ulong UInt64HighWordFirst(ushort[] registers, int index)
        {
            return ((ulong)registers[index] << 48) | ((ulong)registers[index + 1] << 32)
                | ((ulong)registers[index + 2] << 16) | registers[index + 3];
        }

        /// <summary>
        /// IEEE-754 float32 from two registers, high word first (Eastron). Decoded arithmetically so the result
        /// does not depend on the CPU's byte order or on BitConverter members nanoFramework may lack.
        /// NaN and infinities come back as double.NaN.
        /// </summary>
        public static double Float32HighWordFirst(ushort[] registers, int index)
        {
            uint bits = UInt32HighWordFirst(registers, index);
            int exponent = (int)((bits >> Float32FractionBits) & Float32ExponentMask);
            int fraction = (int)(bits & Float32FractionMask);
            double value;
            if (exponent == Float32ExponentMask)
            {
                return double.NaN;
            }

            if (exponent == 0)
            {
                // Subnormal: no hidden bit, exponent fixed at 1 - bias.
                value = fraction * System.Math.Pow(2, 1 - Float32ExponentBias - Float32FractionBits);
            }
            else
            {
                value = (fraction | (1 << Float32FractionBits))
                    * System.Math.Pow(2, exponent - Float32ExponentBias - Float32FractionBits);
            }

            return (bits & 0x80000000u) != 0 ? -value : value;
        }
    }
}
