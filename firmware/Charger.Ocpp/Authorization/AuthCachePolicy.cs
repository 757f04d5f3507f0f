namespace Charger.Ocpp.Authorization
{
    /// <summary>AuthCacheCtrlr.Policy: which entry makes room when the cache is full.</summary>
    public enum AuthCachePolicy
    {
        /// <summary>Least recently used.</summary>
        LRU = 0,

        /// <summary>Least frequently used; least recently used among equals.</summary>
        LFU = 1,

        /// <summary>First stored.</summary>
        FIFO = 2,
    }
}
