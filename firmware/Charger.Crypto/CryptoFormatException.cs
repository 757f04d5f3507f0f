using System;

namespace Charger.Crypto
{
    /// <summary>Malformed input (DER, PEM, a key or a signature encoding); the message says what was wrong.</summary>
    public class CryptoFormatException : Exception
    {
        public CryptoFormatException(string message)
            : base(message)
        {
        }
    }
}
