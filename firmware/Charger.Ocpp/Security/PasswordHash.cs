using System.Text;
using Charger.Crypto;
using Charger.Hal;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// Salted, iterated SHA-256 of a password, stored as "sha256$iterations$salthex$hashhex".
    /// The salt defeats precomputed tables; the iterations make each guess cost a little on a
    /// stolen flash image. Verification compares every byte so the time does not leak where
    /// a guess went wrong.
    /// </summary>
    public static class PasswordHash
    {
        private const string Scheme = "sha256";
        public const int SaltBytes = 16;

        /// <summary>
        /// Rounds of SHA-256. Low enough that a console login on an ESP32 interpreter stays under a
        /// second, high enough to multiply an attacker's cost by three orders of magnitude.
        /// </summary>
        public const int DefaultIterations = 1000;

        private static int _derivations;

        /// <summary>Derivations (each <c>iterations</c> SHA-256 rounds) since start-up: the cost a peer can cause, for tests and diagnostics.</summary>
        public static int Derivations
        {
            get { return _derivations; }
        }

        public static string Create(string password, IRandomSource random, int iterations)
        {
            byte[] salt = new byte[SaltBytes];
            random.NextBytes(salt);
            byte[] hash = Derive(password, salt, iterations);
            return Format(iterations, salt, hash);
        }

        /// <summary>True when <paramref name="password"/> matches the stored text; false for anything malformed.</summary>
        public static bool Verify(string password, string stored)
        {
            if (stored == null || password == null)
            {
                return false;
            }

            string[] parts = stored.Split('$');
            if (parts.Length != 4 || parts[0] != Scheme)
            {
                return false;
            }

            int iterations = 0;
            for (int i = 0; i < parts[1].Length; i++)
            {
                char c = parts[1][i];
                if (c < '0' || c > '9' || iterations > 1000000)
                {
                    return false;
                }

                iterations = iterations * 10 + (c - '0');
            }

            byte[] salt = FromHex(parts[2]);
            byte[] expected = FromHex(parts[3]);
            if (salt == null || expected == null || expected.Length != Sha256.HashBytes || iterations < 1)
            {
                return false;
            }

            byte[] actual = Derive(password, salt, iterations);
            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                difference |= expected[i] ^ actual[i];
            }

            return difference == 0;
        }

        private static byte[] Derive(string password, byte[] salt, int iterations)
        {
            PasswordHashJob job = new PasswordHashJob(password, salt, iterations);
            job.Step(iterations);
            return job.Hash;
        }

        /// <summary>Counts a derivation (for <see cref="Derivations"/>).</summary>
        internal static void CountDerivation()
        {
            System.Threading.Interlocked.Increment(ref _derivations);
        }

        internal static string Format(int iterations, byte[] salt, byte[] hash)
        {
            return Scheme + "$" + iterations.ToString() + "$" + ToHex(salt) + "$" + ToHex(hash);
        }

        public static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        private static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                return null;
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int hi = HexValue(hex[2 * i]);
                int lo = HexValue(hex[2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((hi << 4) | lo);
            }

            return bytes;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }
    }
}
