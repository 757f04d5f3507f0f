namespace Charger.Crypto
{
    /// <summary>Uppercase hex text for bytes (serial numbers, hashes, messages).</summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        public static string Byte(int value)
        {
            char[] c = new char[2];
            c[0] = Digits[(value >> 4) & 0xF];
            c[1] = Digits[value & 0xF];
            return new string(c);
        }

        /// <summary>Two uppercase digits per byte.</summary>
        public static string Of(byte[] data)
        {
            char[] digits = Digits.ToCharArray();
            char[] c = new char[data.Length * 2];
            for (int i = 0; i < data.Length; i++)
            {
                c[2 * i] = digits[data[i] >> 4];
                c[2 * i + 1] = digits[data[i] & 0xF];
            }

            return new string(c);
        }
    }
}
