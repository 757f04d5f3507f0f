namespace Charger.Crypto
{
    /// <summary>Outcome of <see cref="CertificateChain.Verify(byte[], byte[][], byte[][], long, out string)"/>; text via <see cref="ChainStatusText"/>.</summary>
    public enum ChainStatus
    {
        Valid = 0,
        Malformed = 1,
        NotYetValid = 2,
        Expired = 3,
        UnknownIssuer = 4,
        BadSignature = 5,
        IssuerNotCa = 6,
        PathTooLong = 7,
        UnsupportedCriticalExtension = 8,
    }
}
