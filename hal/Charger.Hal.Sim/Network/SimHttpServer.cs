using System.Collections;

namespace Charger.Hal.Sim.Network
{
    /// <summary>
    /// An in-memory HTTP server for virtual-time tests (the simulator's built-in CSMS owns one):
    /// keeps every upload it accepts, serves resources for download with byte ranges, and fails on
    /// demand: refused connections, or the next requests answered with a chosen status.
    /// </summary>
    public sealed class SimHttpServer
    {
        private readonly ArrayList _uploads = new ArrayList();
        private readonly Hashtable _resources = new Hashtable();
        private int _failuresLeft;
        private int _failureStatus;
        private int _requests;
        private int _interruptAfterBytes = -1;
        private readonly ArrayList _downloadStarts = new ArrayList();

        /// <summary>When true, every connection is refused (no HTTP status at all).</summary>
        public bool RefuseConnections { get; set; }

        /// <summary>Requests seen, refused ones included.</summary>
        public int Requests
        {
            get { return _requests; }
        }

        public int UploadCount
        {
            get { return _uploads.Count; }
        }

        public SimHttpUpload UploadAt(int index)
        {
            return (SimHttpUpload)_uploads[index];
        }

        /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="status"/> (500, 403...).</summary>
        public void FailNext(int count, int status)
        {
            _failuresLeft = count;
            _failureStatus = status;
        }

        /// <summary>
        /// The next download's connection drops after <paramref name="bytes"/> body bytes (a flaky
        /// link); a later request, e.g. with a Range, is served whole.
        /// </summary>
        public void InterruptNextDownloadAfter(int bytes)
        {
            _interruptAfterBytes = bytes;
        }

        /// <summary>Takes the pending interruption for a download starting now: the byte count, or -1.</summary>
        internal int TakeInterruption()
        {
            int bytes = _interruptAfterBytes;
            _interruptAfterBytes = -1;
            return bytes;
        }

        /// <summary>Downloads asked for, refused ones included.</summary>
        public int DownloadCount
        {
            get { return _downloadStarts.Count; }
        }

        /// <summary>The byte a download asked to start at (0: the whole resource; above 0: a Range request).</summary>
        public long DownloadStartAt(int index)
        {
            return (long)_downloadStarts[index];
        }

        internal void RecordDownload(long fromByte)
        {
            _downloadStarts.Add(fromByte);
        }

        /// <summary>A resource served by GET.</summary>
        public void Publish(string url, byte[] content)
        {
            if (_resources.Contains(url))
            {
                _resources.Remove(url);
            }

            _resources.Add(url, content);
        }

        /// <summary>0 when the connection is refused, else the status the next request gets (200 for success).</summary>
        internal int Admit()
        {
            _requests++;
            if (RefuseConnections)
            {
                return 0;
            }

            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                return _failureStatus;
            }

            return 200;
        }

        internal void Store(SimHttpUpload upload)
        {
            _uploads.Add(upload);
        }

        internal byte[] Resource(string url)
        {
            return (byte[])_resources[url];
        }
    }
}
