namespace Charger.Ocpp.Authorization
{
    /// <summary>One authorization cache entry: the token, what the CSMS last said of it, and its use.</summary>
    public sealed class AuthCacheEntry
    {
        public IdToken Token;
        public IdTokenInfo Info;

        /// <summary>When the CSMS last told us about the token (Unix epoch ms UTC); LifeTime runs from here.</summary>
        public long UpdatedAtUtcMs;

        public long LastUsedAtUtcMs;
        public int UseCount;

        public AuthCacheEntry Copy()
        {
            AuthCacheEntry copy = new AuthCacheEntry();
            copy.Token = Token;
            copy.Info = Info.Copy();
            copy.UpdatedAtUtcMs = UpdatedAtUtcMs;
            copy.LastUsedAtUtcMs = LastUsedAtUtcMs;
            copy.UseCount = UseCount;
            return copy;
        }
    }
}
