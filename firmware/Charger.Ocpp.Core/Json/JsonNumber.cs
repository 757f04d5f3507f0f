using System.Text;

namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Number text in and out without the runtime's formatting: nanoFramework and desktop .NET
    /// format doubles differently, and OCPP peers compare the bytes. Decimals are written with a
    /// fixed maximum of fraction digits, trailing zeros dropped, never in exponent form.
    /// </summary>
    public static class JsonNumber
    {
        /// <summary>Most fraction digits a decimal is written with (OCPP decimals carry at most 6 in practice).</summary>
        public const int MaxFractionDigits = 9;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        public static void AppendInteger(StringBuilder sb, long value)
        {
            if (value == 0)
            {
                sb.Append('0');
                return;
            }

            // Work in negative numbers so long.MinValue needs no special case.
            bool negative = value < 0;
            long n = negative ? value : -value;
            char[] digits = new char[20];
            int count = 0;
            while (n != 0)
            {
                digits[count++] = (char)('0' - (int)(n % 10));
                n /= 10;
            }

            if (negative)
            {
                sb.Append('-');
            }

            while (count > 0)
            {
                sb.Append(digits[--count]);
            }
        }

        /// <summary>
        /// Appends <paramref name="value"/> rounded half away from zero to
        /// <paramref name="fractionDigits"/> digits, trailing zeros dropped ("12.5", "230", "-0.001").
        /// </summary>
        public static void AppendDecimal(StringBuilder sb, double value, int fractionDigits)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new JsonException("JSON has no NaN or Infinity (RFC 8259 section 6)", sb.Length);
            }

            if (fractionDigits < 0 || fractionDigits > MaxFractionDigits)
            {
                throw new System.ArgumentOutOfRangeException("fractionDigits", "0 to " + MaxFractionDigits);
            }

            double scale = PowersOfTen[fractionDigits];
            double scaled = System.Math.Abs(value) * scale;

            // Beyond 2^62 the scaled value no longer fits a long: drop fraction digits until it does.
            while (scaled >= 4.0e18 && fractionDigits > 0)
            {
                fractionDigits--;
                scale = PowersOfTen[fractionDigits];
                scaled = System.Math.Abs(value) * scale;
            }

            if (scaled >= 4.0e18)
            {
                throw new JsonException("number too large to write exactly: magnitude over 4e18", sb.Length);
            }

            long units = (long)(scaled + 0.5);
            long divisor = (long)scale;
            long whole = units / divisor;
            long fraction = units % divisor;

            if (value < 0 && units != 0)
            {
                sb.Append('-');
            }

            AppendInteger(sb, whole);
            if (fraction == 0)
            {
                return;
            }

            int digits = fractionDigits;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            sb.Append('.');
            long place = (long)PowersOfTen[digits - 1];
            while (place > 0)
            {
                sb.Append((char)('0' + (int)(fraction / place % 10)));
                place /= 10;
            }
        }

        /// <summary>
        /// Parses JSON number text that holds an integer (no fraction, no exponent) within the long range.
        /// </summary>
        public static bool TryParseInteger(string text, out long value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 20)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '-')
            {
                negative = true;
                i = 1;
                if (text.Length == 1)
                {
                    return false;
                }
            }

            long n = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                int digit = c - '0';

                // Accumulate negatively so that long.MinValue parses.
                if (n < (long.MinValue + digit) / 10)
                {
                    return false;
                }

                n = n * 10 - digit;
            }

            if (!negative)
            {
                if (n == long.MinValue)
                {
                    return false;
                }

                n = -n;
            }

            value = n;
            return true;
        }

        /// <summary>
        /// Whether JSON number text denotes an integer value ("5", "5.0", "5e2"), as JSON Schema's
        /// "integer" type counts it.
        /// </summary>
        public static bool IsIntegral(string text)
        {
            long unused;
            if (TryParseInteger(text, out unused))
            {
                return true;
            }

            double d = ParseDouble(text);
            return d == System.Math.Floor(d) && System.Math.Abs(d) < 9.0e15;
        }

        /// <summary>Converts number text that the reader already validated against the RFC 8259 grammar.</summary>
        public static double ParseDouble(string text)
        {
            int i = 0;
            bool negative = false;
            if (text[0] == '-')
            {
                negative = true;
                i++;
            }

            long mantissa = 0;
            int significant = 0;
            int exponent = 0;
            for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
            {
                AccumulateDigit(text[i], ref mantissa, ref significant, ref exponent, false);
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
                {
                    AccumulateDigit(text[i], ref mantissa, ref significant, ref exponent, true);
                }
            }

            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                bool expNegative = false;
                if (text[i] == '+' || text[i] == '-')
                {
                    expNegative = text[i] == '-';
                    i++;
                }

                int e = 0;
                for (; i < text.Length; i++)
                {
                    if (e < 100000)
                    {
                        e = e * 10 + (text[i] - '0');
                    }
                }

                exponent += expNegative ? -e : e;
            }

            double result = mantissa;
            if (mantissa != 0)
            {
                result = Scale(result, exponent);
            }

            return negative ? -result : result;
        }

        private static void AccumulateDigit(char c, ref long mantissa, ref int significant, ref int exponent, bool afterPoint)
        {
            // 18 significant digits fit a long exactly; further ones only shift the exponent.
            if (significant < 18)
            {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0)
                {
                    significant++;
                }

                if (afterPoint)
                {
                    exponent--;
                }
            }
            else if (!afterPoint)
            {
                exponent++;
            }
        }

        private static double Scale(double value, int exponent)
        {
            // Dividing by an exact power of ten rounds once, which keeps short decimals such as
            // 0.1 identical to what other parsers produce.
            while (exponent < -22)
            {
                value /= 1e22;
                exponent += 22;
            }

            while (exponent > 22)
            {
                value *= 1e22;
                exponent -= 22;
            }

            if (exponent < 0)
            {
                return value / PowersOfTen[-exponent];
            }

            return value * PowersOfTen[exponent];
        }
    }
}
