namespace Charger.Crypto
{
    /// <summary>
    /// UTCTime and GeneralizedTime as RFC 5280 4.1.2.5 allows them in certificates (seconds, "Z",
    /// no fractions) to milliseconds since 1970-01-01T00:00:00Z. No DateTime: the arithmetic is
    /// the proleptic Gregorian day count, identical on the board and the desktop.
    /// </summary>
    public static class X509Time
    {
        /// <summary>Reads the next Time element (UTCTime or GeneralizedTime).</summary>
        public static long Read(DerReader reader)
        {
            int tag = reader.ReadElement(out int offset, out int length);
            byte[] d = reader.Data;
            int year;
            int pos;
            if (tag == DerReader.TagUtcTime)
            {
                if (length != 13)
                {
                    throw new CryptoFormatException("UTCTime must be YYMMDDHHMMSSZ");
                }

                int yy = Digits(d, offset, 2);
                year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 4.1.2.5.1
                pos = offset + 2;
            }
            else if (tag == DerReader.TagGeneralizedTime)
            {
                if (length != 15)
                {
                    throw new CryptoFormatException("GeneralizedTime must be YYYYMMDDHHMMSSZ");
                }

                year = Digits(d, offset, 4);
                pos = offset + 4;
            }
            else
            {
                throw new CryptoFormatException("X.509 time must be UTCTime or GeneralizedTime");
            }

            int month = Digits(d, pos, 2);
            int day = Digits(d, pos + 2, 2);
            int hour = Digits(d, pos + 4, 2);
            int minute = Digits(d, pos + 6, 2);
            int second = Digits(d, pos + 8, 2);
            if (d[pos + 10] != (byte)'Z')
            {
                throw new CryptoFormatException("X.509 time must end in Z");
            }

            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                throw new CryptoFormatException("X.509 time out of range");
            }

            return ((DaysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000L + second * 1000L;
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date.</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            // Count years from March so the leap day is the last day of the year.
            int y = month <= 2 ? year - 1 : year;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return (long)era * 146097 + dayOfEra - 719468;
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        private static int Digits(byte[] d, int offset, int count)
        {
            int v = 0;
            for (int i = 0; i < count; i++)
            {
                int c = d[offset + i] - '0';
                if (c < 0 || c > 9)
                {
                    throw new CryptoFormatException("X.509 time has a non-digit");
                }

                v = v * 10 + c;
            }

            return v;
        }
    }
}
