namespace Charger.Hal
{
    /// <summary>
    /// One HTTP(S) transfer at a time, driven from the tick: nothing here blocks. The board's HTTP
    /// client blocks, so implementations run it on their own thread and meet the tick in a bounded
    /// buffer of <see cref="BufferBytes"/>: the tick writes an upload's body into it (or reads a
    /// download's body out of it) a slice at a time and polls <see cref="State"/>.
    ///
    /// Upload (log files, N01): <see cref="StartUpload"/> with the body's exact length, then
    /// <see cref="Write"/> until all of it is taken; the request ends when the last byte is written.
    /// Download (firmware, L01): <see cref="StartDownload"/> from a byte offset (<c>Range: bytes=N-</c>),
    /// then <see cref="Read"/> until <see cref="State"/> is Completed or Failed.
    /// </summary>
    public interface IHttpTransfer
    {
        HttpTransferState State { get; }

        /// <summary>The HTTP status of the answer; 0 when there was none (no connection, cancelled).</summary>
        int StatusCode { get; }

        /// <summary>Why a transfer failed, readable by a technician; null otherwise.</summary>
        string Error { get; }

        /// <summary>
        /// Upload: the body length given at start. Download: the whole resource's size when the server
        /// said it (Content-Range total, or Content-Length plus the start offset), -1 when unknown.
        /// </summary>
        long TotalBytes { get; }

        /// <summary>Body bytes taken by <see cref="Write"/> (upload) or handed out by <see cref="Read"/> (download).</summary>
        long BytesDone { get; }

        /// <summary>The buffer between the tick and the transfer: at most this much is in flight.</summary>
        int BufferBytes { get; }

        /// <summary>Whether https:// URLs can be used.</summary>
        bool SupportsHttps { get; }

        /// <summary>
        /// What an https:// transfer trusts, asked at the start of each one: the server certificate
        /// must chain to one of its <see cref="TlsSettings.TrustedRootsPem"/>, be valid now and name
        /// the URL's host, as for the CSMS connection. Null, or no root: https:// transfers fail at
        /// once with a reason that says so (nothing is fetched from, or sent to, an unchecked server).
        /// </summary>
        TlsSettingsSource Trust { get; set; }

        /// <summary>
        /// Starts sending <paramref name="contentLength"/> bytes with <paramref name="method"/> (PUT or POST).
        /// False when a transfer is already running or the URL is not http(s).
        /// </summary>
        bool StartUpload(string url, string method, string contentType, long contentLength);

        /// <summary>Hands body bytes to the upload; returns how many were taken (0: buffer full, try in a later tick).</summary>
        int Write(byte[] data, int offset, int count);

        /// <summary>
        /// Starts a GET from byte <paramref name="fromByte"/> (0: the whole resource; above 0 sends
        /// <c>Range: bytes=fromByte-</c> and expects 206). A 200 answer to a range request fails the
        /// transfer (the body would not start where the caller expects). False when one is running.
        /// </summary>
        bool StartDownload(string url, long fromByte);

        /// <summary>Takes received body bytes; returns how many (0: none waiting now).</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Abandons a running transfer (it ends Failed, "cancelled").</summary>
        void Cancel();

        /// <summary>Back to Idle after Completed or Failed, so the next transfer can start.</summary>
        void Reset();
    }
}
