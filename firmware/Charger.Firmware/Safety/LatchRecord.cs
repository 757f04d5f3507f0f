namespace Charger.Firmware.Safety
{
    /// <summary>
    /// The persisted form of the safety latches (issue 12 item 3): per fault code, whether it is latched
    /// and its automatic-retry count. A small fixed binary record with a checksum, written through
    /// <see cref="Charger.Hal.IFileStore.WriteAtomic"/> (old or new content after a power cut, never a mix).
    /// Layout: 'L' 'S' version count, then count pairs (flags, retries), then a checksum byte.
    /// </summary>
    public static class LatchRecord
    {
        public const string FileName = "safety-latches";
        public const byte Version = 1;
        private const int HeaderBytes = 4;

        public static int Length(int codeCount)
        {
            return HeaderBytes + 2 * codeCount + 1;
        }

        /// <summary>Fills <paramref name="buffer"/> (at least <see cref="Length"/> bytes); returns the length.</summary>
        public static int Encode(bool[] latched, int[] retries, byte[] buffer)
        {
            int n = latched.Length;
            buffer[0] = (byte)'L';
            buffer[1] = (byte)'S';
            buffer[2] = Version;
            buffer[3] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                buffer[HeaderBytes + 2 * i] = (byte)(latched[i] ? 1 : 0);
                int r = retries[i];
                buffer[HeaderBytes + 2 * i + 1] = (byte)(r < 0 ? 0 : r > 255 ? 255 : r);
            }

            int length = Length(n);
            buffer[length - 1] = Checksum(buffer, length - 1);
            return length;
        }

        /// <summary>
        /// Reads a record into the arrays. False when it is not a valid record of this version (the
        /// caller fails safe). Codes the record does not hold stay unlatched with no retries.
        /// </summary>
        public static bool Decode(byte[] data, bool[] latched, int[] retries)
        {
            if (data == null || data.Length < HeaderBytes + 1 || data[0] != (byte)'L' || data[1] != (byte)'S' || data[2] != Version)
            {
                return false;
            }

            int n = data[3];
            if (data.Length != Length(n) || data[data.Length - 1] != Checksum(data, data.Length - 1))
            {
                return false;
            }

            for (int i = 0; i < n && i < latched.Length; i++)
            {
                latched[i] = (data[HeaderBytes + 2 * i] & 1) != 0;
                retries[i] = data[HeaderBytes + 2 * i + 1];
            }

            return true;
        }

        private static byte Checksum(byte[] data, int length)
        {
            int sum = 0x5A;
            for (int i = 0; i < length; i++)
            {
                sum = ((sum << 1) | (sum >> 7)) & 0xFF;
                sum ^= data[i];
            }

            return (byte)sum;
        }
    }
}
