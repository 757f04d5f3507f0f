namespace Charger.Metering.Modbus
{
    /// <summary>
    /// Character and frame-gap times of Modbus RTU ("Modbus over Serial Line V1.02", sections 2.5.1 and 2.5.1.1).
    /// </summary>
    public static class ModbusTiming
    {
        // Section 2.5.1: an RTU character is 11 bits (start, 8 data, parity or second stop, stop).
        public const int BitsPerCharacter = 11;

        // Section 2.5.1.1: above 19200 baud the inter-frame gap is fixed at 1.75 ms.
        public const int FixedGapAboveBaud = 19200;

        public const int FixedInterFrameGapUs = 1750;

        private const long MicrosecondsPerSecond = 1000000;

        public static int CharacterTimeUs(int baudRate)
        {
            return (int)((BitsPerCharacter * MicrosecondsPerSecond + baudRate - 1) / baudRate);
        }

        /// <summary>The silent interval that separates frames: 3.5 character times, or 1.75 ms above 19200 baud.</summary>
        public static int InterFrameGapUs(int baudRate)
        {
            if (baudRate > FixedGapAboveBaud)
            {
                return FixedInterFrameGapUs;
            }

            // 3.5 characters = 7 half characters; round up so the gap is never shorter than the spec.
            return (int)((7 * BitsPerCharacter * MicrosecondsPerSecond + 2L * baudRate - 1) / (2L * baudRate));
        }

        /// <summary>The inter-frame gap in whole milliseconds, rounded up (time reaches the logic in ms).</summary>
        public static int InterFrameGapMs(int baudRate)
        {
            return (InterFrameGapUs(baudRate) + 999) / 1000;
        }

        /// <summary>How long <paramref name="byteCount"/> characters occupy the line, rounded up to whole ms.</summary>
        public static int TransmitTimeMs(int baudRate, int byteCount)
        {
            long us = (long)CharacterTimeUs(baudRate) * byteCount;
            return (int)((us + 999) / 1000);
        }
    }
}
