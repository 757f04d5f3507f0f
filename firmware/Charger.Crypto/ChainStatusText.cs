namespace Charger.Crypto
{
    /// <summary>Names of <see cref="ChainStatus"/> values (enum ToString gives the number on nanoFramework).</summary>
    public static class ChainStatusText
    {
        /// <summary>The name of <paramref name="status"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ChainStatus status)
        {
            switch (status)
            {
                case ChainStatus.Valid: return "Valid";
                case ChainStatus.Malformed: return "Malformed";
                case ChainStatus.NotYetValid: return "NotYetValid";
                case ChainStatus.Expired: return "Expired";
                case ChainStatus.UnknownIssuer: return "UnknownIssuer";
                case ChainStatus.BadSignature: return "BadSignature";
                case ChainStatus.IssuerNotCa: return "IssuerNotCa";
                case ChainStatus.PathTooLong: return "PathTooLong";
                case ChainStatus.UnsupportedCriticalExtension: return "UnsupportedCriticalExtension";
                default: return "?" + (int)status;
            }
        }
    }
}
