using System.Text;
using Charger.Crypto;
using Charger.Hal;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// One salted, iterated SHA-256 derivation (the <see cref="PasswordHash"/> scheme) done a slice of
    /// rounds at a time, so setting a password from the CSMS never holds a tick for the whole
    /// derivation: 1,000 rounds took 420 ms on the 32-bit nanoCLR host interpreter (issue 13).
    /// </summary>
    public sealed class PasswordHashJob
    {
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _salt;
        private readonly int _iterations;
        private byte[] _hash;
        private int _done;

        /// <summary>Starts a derivation with a fresh salt from <paramref name="random"/>; the first round runs here.</summary>
        public PasswordHashJob(string password, IRandomSource random, int iterations)
            : this(password, NewSalt(random), iterations)
        {
        }

        internal PasswordHashJob(string password, byte[] salt, int iterations)
        {
            PasswordHash.CountDerivation();
            _salt = salt;
            _iterations = iterations < 1 ? 1 : iterations;
            byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
            _sha.Update(salt, 0, salt.Length);
            _sha.Update(passwordBytes, 0, passwordBytes.Length);
            _hash = _sha.Final();
            _done = 1;
        }

        public bool IsDone
        {
            get { return _done >= _iterations; }
        }

        internal byte[] Hash
        {
            get { return _hash; }
        }

        /// <summary>The stored form ("sha256$iterations$salt$hash"), or null until <see cref="IsDone"/>.</summary>
        public string Result
        {
            get { return IsDone ? PasswordHash.Format(_iterations, _salt, _hash) : null; }
        }

        /// <summary>Runs up to <paramref name="rounds"/> more rounds; true when the derivation is complete.</summary>
        public bool Step(int rounds)
        {
            while (_done < _iterations && rounds > 0)
            {
                _sha.Update(_hash, 0, _hash.Length);
                _sha.Update(_salt, 0, _salt.Length);
                _hash = _sha.Final();
                _done++;
                rounds--;
            }

            return IsDone;
        }

        private static byte[] NewSalt(IRandomSource random)
        {
            byte[] salt = new byte[PasswordHash.SaltBytes];
            random.NextBytes(salt);
            return salt;
        }
    }
}
