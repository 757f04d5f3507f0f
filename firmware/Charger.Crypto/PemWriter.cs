namespace Charger.Crypto
{
    /// <summary>DER to PEM (RFC 7468 strict form): base64 in lines of 64 characters between the BEGIN and END lines, '\n' line ends.</summary>
    public static class PemWriter
    {
        public const string CertificateRequestLabel = "CERTIFICATE REQUEST";

        public const string EcPrivateKeyLabel = "EC PRIVATE KEY";

        private const int LineChars = 64;

        public static string Encode(string label, byte[] der)
        {
            // One char array, filled once: no StringBuilder (not in mscorlib on nanoFramework) and
            // no string concatenation per line.
            char[] b64 = System.Convert.ToBase64String(der).ToCharArray();
            string begin = "-----BEGIN " + label + "-----\n";
            string end = "-----END " + label + "-----\n";
            int lines = (b64.Length + LineChars - 1) / LineChars;
            char[] r = new char[begin.Length + b64.Length + lines + end.Length];
            int at = Put(r, 0, begin.ToCharArray());
            for (int i = 0; i < b64.Length; i++)
            {
                r[at++] = b64[i];
                if ((i + 1) % LineChars == 0 || i == b64.Length - 1)
                {
                    r[at++] = '\n';
                }
            }

            Put(r, at, end.ToCharArray());
            return new string(r);
        }

        private static int Put(char[] to, int at, char[] from)
        {
            for (int i = 0; i < from.Length; i++)
            {
                to[at++] = from[i];
            }

            return at;
        }
    }
}
