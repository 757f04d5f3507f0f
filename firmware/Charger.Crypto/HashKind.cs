namespace Charger.Crypto
{
    /// <summary>The hashes a signature may name. SHA-1 is deliberately absent (RFC 9155 deprecates it for signatures).</summary>
    public enum HashKind
    {
        None = 0,
        Sha256 = 1,
        Sha384 = 2,
        Sha512 = 3,
    }
}
