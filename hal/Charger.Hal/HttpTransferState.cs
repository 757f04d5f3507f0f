namespace Charger.Hal
{
    /// <summary>Where an <see cref="IHttpTransfer"/> is.</summary>
    public enum HttpTransferState
    {
        /// <summary>Nothing started, or the last transfer was taken with <see cref="IHttpTransfer.Reset"/>.</summary>
        Idle = 0,

        /// <summary>Connecting, sending or receiving.</summary>
        Running = 1,

        /// <summary>Finished with a 2xx status (a download: every byte read out too).</summary>
        Completed = 2,

        /// <summary>Finished otherwise: see <see cref="IHttpTransfer.StatusCode"/> and <see cref="IHttpTransfer.Error"/>.</summary>
        Failed = 3,
    }
}
