namespace Charger.Firmware.Diagnostics
{
    /// <summary>
    /// Fixed-point number text for the console and logs. A double's default ToString differs
    /// between nanoFramework and desktop .NET, so numbers a person reads are formatted here.
    /// </summary>
    public static class NumberText
    {
        /// <summary><paramref name="value"/> rounded to <paramref name="decimals"/> places (0 to 3), e.g. 16.0, -0.5, 2301.25.</summary>
        public static string Fixed(double value, int decimals)
        {
            if (decimals < 0 || decimals > 3)
            {
                throw new System.ArgumentOutOfRangeException("decimals", "0 to 3 decimals");
            }

            if (double.IsNaN(value))
            {
                return "n/a";
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long scaled = (long)(magnitude * scale + 0.5);
            if (scaled == 0)
            {
                negative = false;
            }

            long whole = scaled / scale;
            string text = whole.ToString();
            if (decimals > 0)
            {
                string fraction = (scaled % scale).ToString();
                while (fraction.Length < decimals)
                {
                    fraction = "0" + fraction;
                }

                text = text + "." + fraction;
            }

            return negative ? "-" + text : text;
        }
    }
}
