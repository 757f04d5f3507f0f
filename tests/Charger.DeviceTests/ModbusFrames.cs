using Charger.Metering.Modbus;

namespace Charger.DeviceTests
{
    /// <summary>Builds RTU frames byte by byte from the specification's layouts, for answers the tests script.</summary>
    public static class ModbusFrames
    {
        public static byte[] WithCrc(byte[] pdu)
        {
            byte[] frame = new byte[pdu.Length + 2];
            System.Array.Copy(pdu, frame, pdu.Length);
            ModbusCrc.Append(frame, 0, pdu.Length);
            return frame;
        }

        /// <summary>FC 03/04 answer: address, function, byte count, registers big-endian, CRC low byte first.</summary>
        public static byte[] ReadResponse(byte slave, byte function, ushort[] registers)
        {
            byte[] pdu = new byte[3 + registers.Length * 2];
            pdu[0] = slave;
            pdu[1] = function;
            pdu[2] = (byte)(registers.Length * 2);
            for (int i = 0; i < registers.Length; i++)
            {
                pdu[3 + i * 2] = (byte)(registers[i] >> 8);
                pdu[4 + i * 2] = (byte)registers[i];
            }

            return WithCrc(pdu);
        }

        public static byte[] Exception(byte slave, byte function, byte code)
        {
            return WithCrc(new byte[] { slave, (byte)(function | 0x80), code });
        }

        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] all = new byte[first.Length + second.Length];
            System.Array.Copy(first, all, first.Length);
            System.Array.Copy(second, 0, all, first.Length, second.Length);
            return all;
        }

        /// <summary>Bytes from hex digits; spaces are ignored ("01 04 00 00").</summary>
        public static byte[] Hex(string hex)
        {
            byte[] buffer = new byte[hex.Length / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int digit = HexDigit(hex[i]);
                if (digit < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    buffer[n++] = (byte)((high << 4) | digit);
                    high = -1;
                }
            }

            byte[] bytes = new byte[n];
            System.Array.Copy(buffer, bytes, n);
            return bytes;
        }

        public static bool Same(byte[] expected, byte[] actual)
        {
            if (expected == null || actual == null || expected.Length != actual.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Upper-case hex with no separators, built digit by digit (no runtime number formatting).</summary>
        public static string ToHex(byte[] bytes)
        {
            const string Digits = "0123456789ABCDEF";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i * 2] = Digits[bytes[i] >> 4];
                chars[i * 2 + 1] = Digits[bytes[i] & 0x0F];
            }

            return new string(chars);
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }
    }
}
