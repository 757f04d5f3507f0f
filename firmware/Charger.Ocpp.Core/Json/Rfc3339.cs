using System;
using System.Text;

namespace Charger.Ocpp.Json
{
    /// <summary>
    /// RFC 3339 date-time text, as OCPP 2.0.1 part 2 section 2.1.2 requires for every dateTime:
    /// written in UTC with a "Z" and milliseconds; read with any offset and converted to UTC.
    /// </summary>
    public static class Rfc3339
    {
        private const long TicksPerMinute = 600000000L;

        /// <summary>Appends "yyyy-MM-ddTHH:mm:ss.fffZ"; the value is taken as UTC.</summary>
        public static void Append(StringBuilder sb, DateTime utc)
        {
            AppendDigits(sb, utc.Year, 4);
            sb.Append('-');
            AppendDigits(sb, utc.Month, 2);
            sb.Append('-');
            AppendDigits(sb, utc.Day, 2);
            sb.Append('T');
            AppendDigits(sb, utc.Hour, 2);
            sb.Append(':');
            AppendDigits(sb, utc.Minute, 2);
            sb.Append(':');
            AppendDigits(sb, utc.Second, 2);
            sb.Append('.');
            AppendDigits(sb, utc.Millisecond, 3);
            sb.Append('Z');
        }

        public static string Format(DateTime utc)
        {
            StringBuilder sb = new StringBuilder(24);
            Append(sb, utc);
            return sb.ToString();
        }

        /// <summary>
        /// Parses "yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)" into UTC. Fractions beyond
        /// milliseconds are truncated. False for anything else, including impossible dates.
        /// </summary>
        public static bool TryParse(string text, out DateTime utc)
        {
            utc = DateTime.MinValue;
            if (text == null || text.Length < 20)
            {
                return false;
            }

            int year, month, day, hour, minute, second;
            if (!ReadDigits(text, 0, 4, out year) || text[4] != '-'
                || !ReadDigits(text, 5, 2, out month) || text[7] != '-'
                || !ReadDigits(text, 8, 2, out day) || (text[10] != 'T' && text[10] != 't')
                || !ReadDigits(text, 11, 2, out hour) || text[13] != ':'
                || !ReadDigits(text, 14, 2, out minute) || text[16] != ':'
                || !ReadDigits(text, 17, 2, out second))
            {
                return false;
            }

            int i = 19;
            int millisecond = 0;
            if (text[i] == '.')
            {
                i++;
                int fractionDigits = 0;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    if (fractionDigits < 3)
                    {
                        millisecond = millisecond * 10 + (text[i] - '0');
                    }

                    fractionDigits++;
                    i++;
                }

                if (fractionDigits == 0)
                {
                    return false;
                }

                for (int pad = fractionDigits; pad < 3; pad++)
                {
                    millisecond *= 10;
                }
            }

            if (i >= text.Length)
            {
                return false;
            }

            int offsetMinutes = 0;
            char zone = text[i];
            if (zone == 'Z' || zone == 'z')
            {
                i++;
            }
            else if (zone == '+' || zone == '-')
            {
                int offsetHours, offsetMins;
                if (text.Length != i + 6 || !ReadDigits(text, i + 1, 2, out offsetHours) || text[i + 3] != ':'
                    || !ReadDigits(text, i + 4, 2, out offsetMins) || offsetHours > 23 || offsetMins > 59)
                {
                    return false;
                }

                offsetMinutes = offsetHours * 60 + offsetMins;
                if (zone == '-')
                {
                    offsetMinutes = -offsetMinutes;
                }

                i += 6;
            }
            else
            {
                return false;
            }

            if (i != text.Length)
            {
                return false;
            }

            // RFC 3339 allows second 60 (leap second); DateTime does not, so it becomes 59.
            if (second == 60)
            {
                second = 59;
            }

            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            DateTime local = new DateTime(year, month, day, hour, minute, second, millisecond);
            long ticks = local.Ticks - offsetMinutes * TicksPerMinute;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            utc = new DateTime(ticks);
            return true;
        }

        private static void AppendDigits(StringBuilder sb, int value, int width)
        {
            int place = 1;
            for (int i = 1; i < width; i++)
            {
                place *= 10;
            }

            while (place > 0)
            {
                sb.Append((char)('0' + value / place % 10));
                place /= 10;
            }
        }

        private static bool ReadDigits(string text, int start, int count, out int value)
        {
            value = 0;
            if (start + count > text.Length)
            {
                return false;
            }

            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = value * 10 + (c - '0');
            }

            return true;
        }
    }
}
