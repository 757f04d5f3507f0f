namespace Charger.Ocpp.Authorization
{
    /// <summary>The parts of IdTokenInfoType that authorization decisions use.</summary>
    public sealed class IdTokenInfo
    {
        public AuthorizationStatus Status;

        /// <summary>cacheExpiryDateTime as Unix epoch ms UTC; 0 when absent.</summary>
        public long CacheExpiryUtcMs;

        /// <summary>groupIdToken, or null.</summary>
        public IdToken GroupIdToken;

        public IdTokenInfo()
        {
        }

        public IdTokenInfo(AuthorizationStatus status, IdToken groupIdToken, long cacheExpiryUtcMs)
        {
            Status = status;
            GroupIdToken = groupIdToken;
            CacheExpiryUtcMs = cacheExpiryUtcMs;
        }

        public IdTokenInfo Copy()
        {
            return new IdTokenInfo(Status, GroupIdToken, CacheExpiryUtcMs);
        }
    }
}
