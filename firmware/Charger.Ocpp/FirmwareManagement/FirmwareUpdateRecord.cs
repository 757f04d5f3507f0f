using System.Text;

namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>
    /// The running firmware update as it is kept on the file store, so a power cut or the install
    /// reboot never loses its requestId, URL, signature or progress. Written atomically at every
    /// phase change. Text fields are length-prefixed (<c>12:some text...</c>): a PEM's newlines need
    /// no escaping and a cut field cannot be read as a shorter one.
    /// </summary>
    public sealed class FirmwareUpdateRecord
    {
        private const int Format = 1;

        public int Phase;
        public int RequestId;
        public string Location;
        public long RetrieveTicks;
        public long InstallTicks;
        public int RetriesLeft;
        public int RetryIntervalS;
        public bool ImageStarted;
        public string CertificatePem;
        public string SignatureBase64;
        public string TargetVersion;
        public string LastStatus;

        public byte[] Encode()
        {
            StringBuilder sb = new StringBuilder();
            Put(sb, Format.ToString());
            Put(sb, Phase.ToString());
            Put(sb, RequestId.ToString());
            Put(sb, Location);
            Put(sb, RetrieveTicks.ToString());
            Put(sb, InstallTicks.ToString());
            Put(sb, RetriesLeft.ToString());
            Put(sb, RetryIntervalS.ToString());
            Put(sb, ImageStarted ? "1" : "0");
            Put(sb, CertificatePem);
            Put(sb, SignatureBase64);
            Put(sb, TargetVersion);
            Put(sb, LastStatus);
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        /// <summary>The record, or null when <paramref name="data"/> is not a whole record of this format.</summary>
        public static FirmwareUpdateRecord Decode(byte[] data)
        {
            if (data == null || data.Length == 0)
            {
                return null;
            }

            char[] text;
            try
            {
                text = Encoding.UTF8.GetChars(data);
            }
            catch (System.Exception)
            {
                return null;
            }

            int[] pos = new int[1];
            try
            {
                if (Take(text, pos) != "1")
                {
                    return null;
                }

                FirmwareUpdateRecord r = new FirmwareUpdateRecord();
                r.Phase = int.Parse(Take(text, pos));
                r.RequestId = int.Parse(Take(text, pos));
                r.Location = Take(text, pos);
                r.RetrieveTicks = long.Parse(Take(text, pos));
                r.InstallTicks = long.Parse(Take(text, pos));
                r.RetriesLeft = int.Parse(Take(text, pos));
                r.RetryIntervalS = int.Parse(Take(text, pos));
                r.ImageStarted = Take(text, pos) == "1";
                r.CertificatePem = Take(text, pos);
                r.SignatureBase64 = Take(text, pos);
                r.TargetVersion = Take(text, pos);
                r.LastStatus = Take(text, pos);
                return pos[0] == text.Length ? r : null;
            }
            catch (System.Exception)
            {
                return null;
            }
        }

        private static void Put(StringBuilder sb, string value)
        {
            string v = value == null ? string.Empty : value;
            sb.Append(v.Length).Append(':').Append(v);
        }

        private static string Take(char[] text, int[] pos)
        {
            int p = pos[0];
            int length = 0;
            int digits = 0;
            while (p < text.Length && text[p] >= '0' && text[p] <= '9' && digits < 6)
            {
                length = length * 10 + (text[p] - '0');
                p++;
                digits++;
            }

            if (digits == 0 || p >= text.Length || text[p] != ':' || p + 1 + length > text.Length)
            {
                throw new System.FormatException("firmware update record cut");
            }

            pos[0] = p + 1 + length;
            return new string(text, p + 1, length);
        }
    }
}
