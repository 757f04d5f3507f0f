using Charger.Hal;

namespace Charger.Hal.Sim.Network
{
    /// <summary>
    /// <see cref="IHttpTransfer"/> against a <see cref="SimHttpServer"/>, in virtual time: each
    /// <see cref="Write"/> or <see cref="Read"/> moves at most <see cref="BufferBytes"/>, and the
    /// answer comes with the last byte written, so a test sees the same slices and states a board would.
    /// https:// follows the adapters' rule (no trusted root: failed at once, nothing sent or fetched);
    /// with a root the simulated server is taken as genuine: the certificate checks themselves are
    /// proven on the desktop adapter against a real TLS server.
    /// </summary>
    public sealed class SimHttpTransfer : IHttpTransfer
    {
        private readonly SimHttpServer _server;
        private readonly int _bufferBytes;
        private HttpTransferState _state = HttpTransferState.Idle;
        private int _status;
        private string _error;
        private long _total;
        private long _done;
        private byte[] _body;
        private SimHttpUpload _upload;
        private bool _uploading;
        private long _dropAt = -1;

        public SimHttpTransfer(SimHttpServer server, int bufferBytes)
        {
            _server = server;
            _bufferBytes = bufferBytes;
        }

        public HttpTransferState State
        {
            get { return _state; }
        }

        public int StatusCode
        {
            get { return _status; }
        }

        public string Error
        {
            get { return _error; }
        }

        public long TotalBytes
        {
            get { return _total; }
        }

        public long BytesDone
        {
            get { return _done; }
        }

        public int BufferBytes
        {
            get { return _bufferBytes; }
        }

        public bool SupportsHttps
        {
            get { return true; }
        }

        public TlsSettingsSource Trust { get; set; }

        /// <summary>Transfers started since creation.</summary>
        public int Started { get; private set; }

        public bool StartUpload(string url, string method, string contentType, long contentLength)
        {
            if (_state == HttpTransferState.Running || !IsHttp(url) || contentLength < 0)
            {
                return false;
            }

            Begin();
            _uploading = true;
            if (RefusedHttps(url))
            {
                return true;
            }

            _total = contentLength;
            _upload = new SimHttpUpload();
            _upload.Url = url;
            _upload.Method = method;
            _upload.ContentType = contentType;
            _body = new byte[(int)contentLength];
            if (contentLength == 0)
            {
                Answer();
            }

            return true;
        }

        public int Write(byte[] data, int offset, int count)
        {
            if (_state != HttpTransferState.Running || !_uploading)
            {
                return 0;
            }

            int n = count;
            if (n > _bufferBytes)
            {
                n = _bufferBytes;
            }

            if (n > _total - _done)
            {
                n = (int)(_total - _done);
            }

            System.Array.Copy(data, offset, _body, (int)_done, n);
            _done += n;
            if (_done == _total)
            {
                Answer();
            }

            return n;
        }

        public bool StartDownload(string url, long fromByte)
        {
            if (_state == HttpTransferState.Running || !IsHttp(url) || fromByte < 0)
            {
                return false;
            }

            Begin();
            _uploading = false;
            if (RefusedHttps(url))
            {
                return true;
            }

            _server.RecordDownload(fromByte);
            int status = _server.Admit();
            byte[] resource = _server.Resource(url);
            if (status == 0)
            {
                Fail(0, "connect failed: connection refused");
            }
            else if (status != 200)
            {
                Fail(status, "HTTP " + status);
            }
            else if (resource == null)
            {
                Fail(404, "HTTP 404");
            }
            else if (fromByte > resource.Length)
            {
                Fail(416, "HTTP 416");
            }
            else
            {
                _status = fromByte > 0 ? 206 : 200;
                _total = resource.Length;
                _body = resource;
                _done = fromByte;
                int cut = _server.TakeInterruption();
                _dropAt = cut < 0 ? -1 : fromByte + cut;
                if (_done == _total)
                {
                    _state = HttpTransferState.Completed;
                }
            }

            return true;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (_state != HttpTransferState.Running || _uploading)
            {
                return 0;
            }

            int n = count < _bufferBytes ? count : _bufferBytes;
            if (n > _total - _done)
            {
                n = (int)(_total - _done);
            }

            if (_dropAt >= 0 && _done + n >= _dropAt)
            {
                n = (int)(_dropAt - _done);
                System.Array.Copy(_body, (int)_done, buffer, offset, n);
                _done += n;
                _dropAt = -1;
                Fail(_status, "connection reset after " + _done + " bytes");
                return n;
            }

            System.Array.Copy(_body, (int)_done, buffer, offset, n);
            _done += n;
            if (_done == _total)
            {
                _state = HttpTransferState.Completed;
            }

            return n;
        }

        public void Cancel()
        {
            if (_state == HttpTransferState.Running)
            {
                Fail(0, "cancelled");
            }
        }

        public void Reset()
        {
            if (_state != HttpTransferState.Running)
            {
                _state = HttpTransferState.Idle;
            }
        }

        private void Begin()
        {
            Started++;
            _state = HttpTransferState.Running;
            _status = 0;
            _error = null;
            _done = 0;
            _total = -1;
        }

        private bool RefusedHttps(string url)
        {
            string why = url.StartsWith("https://") ? TlsSettings.WhyNoHttps(Trust == null ? null : Trust()) : null;
            if (why != null)
            {
                Fail(0, why);
            }

            return why != null;
        }

        private void Answer()
        {
            int status = _server.Admit();
            if (status == 0)
            {
                Fail(0, "connect failed: connection refused");
                return;
            }

            if (status < 200 || status > 299)
            {
                Fail(status, "HTTP " + status);
                return;
            }

            _upload.Body = _body;
            _server.Store(_upload);
            _status = status;
            _state = HttpTransferState.Completed;
        }

        private void Fail(int status, string error)
        {
            _status = status;
            _error = error;
            _state = HttpTransferState.Failed;
        }

        private static bool IsHttp(string url)
        {
            return url != null && (url.StartsWith("http://") || url.StartsWith("https://"));
        }
    }
}
