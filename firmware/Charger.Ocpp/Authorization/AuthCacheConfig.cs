namespace Charger.Ocpp.Authorization
{
    /// <summary>AuthCacheCtrlr variables (OCPP 2.0.1 Part 2 Appendix); the device model writes them.</summary>
    public sealed class AuthCacheConfig
    {
        /// <summary>AuthCacheCtrlr.Enabled.</summary>
        public bool Enabled = true;

        /// <summary>AuthCacheCtrlr.LifeTime in seconds since the entry was last updated (C10.FR.10); 0 for no limit.</summary>
        public int LifeTimeS = 86400;

        /// <summary>AuthCacheCtrlr.Storage: bytes the stored cache may occupy.</summary>
        public int StorageBytes = 8192;

        /// <summary>AuthCacheCtrlr.Policy.</summary>
        public AuthCachePolicy Policy = AuthCachePolicy.LRU;

        /// <summary>AuthCacheCtrlr.DisablePostAuthorize: do not ask the CSMS about a cached token that is not Accepted (C10.FR.03).</summary>
        public bool DisablePostAuthorize;
    }
}
