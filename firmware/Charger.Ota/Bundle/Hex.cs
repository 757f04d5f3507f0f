namespace Charger.Ota.Bundle
{
    /// <summary>Lowercase hexadecimal for digests in the manifest.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        public static string Of(byte[] bytes)
        {
            char[] digits = Digits.ToCharArray();
            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[(2 * i) + 1] = digits[bytes[i] & 0xF];
            }

            return new string(text);
        }

        /// <summary>The bytes of lowercase hex text, or null when the text is not that.</summary>
        public static byte[] Parse(string text)
        {
            char[] chars = text.ToCharArray();
            if (chars.Length % 2 != 0)
            {
                return null;
            }

            byte[] bytes = new byte[chars.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = Digit(chars[2 * i]);
                int low = Digit(chars[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }
    }
}
