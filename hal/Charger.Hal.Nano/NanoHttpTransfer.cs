using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// <see cref="IHttpTransfer"/> on the board: nanoFramework's HttpWebRequest (System.Net.Http) on a
    /// worker thread, meeting the tick in a fixed byte ring. The request blocks only that thread;
    /// the tick writes (upload) or reads (download) the ring and polls the state.
    /// https:// uses the library's TLS (mbedTLS) with verification required, TLS 1.2 and the roots
    /// <see cref="Trust"/> gives (the CSMS roots, as for the WebSocket): chain, validity and host
    /// name are checked there; without a root nothing is sent or fetched.
    /// </summary>
    public sealed class NanoHttpTransfer : IHttpTransfer
    {
        private const int TimeoutMs = 60000;
        private const int PollMs = 20;

        private readonly object _sync = new object();
        private readonly byte[] _ring;
        private int _head;
        private int _count;
        private bool _uploading;
        private bool _producerDone;
        private HttpTransferState _state = HttpTransferState.Idle;
        private int _status;
        private string _error;
        private long _total = -1;
        private long _done;
        private string _url;
        private string _method;
        private string _contentType;
        private long _fromByte;
        private string _rootsPem;
        private bool _cancelled;
        private int _generation; // a worker only touches the state of the transfer it was started for

        public NanoHttpTransfer(int bufferBytes)
        {
            _ring = new byte[bufferBytes];
        }

        public HttpTransferState State
        {
            get { lock (_sync) { return _state; } }
        }

        public int StatusCode
        {
            get { lock (_sync) { return _status; } }
        }

        public string Error
        {
            get { lock (_sync) { return _error; } }
        }

        public long TotalBytes
        {
            get { lock (_sync) { return _total; } }
        }

        public long BytesDone
        {
            get { lock (_sync) { return _done; } }
        }

        public int BufferBytes
        {
            get { return _ring.Length; }
        }

        public bool SupportsHttps
        {
            get { return true; }
        }

        public TlsSettingsSource Trust { get; set; }

        public bool StartUpload(string url, string method, string contentType, long contentLength)
        {
            if (contentLength < 0 || !Begin(url, true))
            {
                return false;
            }

            if (RefusedHttps(url))
            {
                return true;
            }

            lock (_sync)
            {
                _total = contentLength;
                _method = method;
                _contentType = contentType;
            }

            int generation = Generation();
            new Thread(() => RunUpload(generation)).Start();
            return true;
        }

        public int Write(byte[] data, int offset, int count)
        {
            lock (_sync)
            {
                if (_state != HttpTransferState.Running || !_uploading)
                {
                    return 0;
                }

                int n = count;
                int free = _ring.Length - _count;
                if (n > free)
                {
                    n = free;
                }

                if (n > _total - _done)
                {
                    n = (int)(_total - _done);
                }

                for (int i = 0; i < n; i++)
                {
                    _ring[(_head + _count + i) % _ring.Length] = data[offset + i];
                }

                _count += n;
                _done += n;
                return n;
            }
        }

        public bool StartDownload(string url, long fromByte)
        {
            if (fromByte < 0 || fromByte > int.MaxValue || !Begin(url, false))
            {
                return false;
            }

            if (RefusedHttps(url))
            {
                return true;
            }

            lock (_sync)
            {
                _fromByte = fromByte;
                _done = fromByte;
            }

            int generation = Generation();
            new Thread(() => RunDownload(generation)).Start();
            return true;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                if (_uploading || _state != HttpTransferState.Running)
                {
                    return 0;
                }

                int n = count < _count ? count : _count;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _ring[(_head + i) % _ring.Length];
                }

                _head = (_head + n) % _ring.Length;
                _count -= n;
                _done += n;
                if (_producerDone && _count == 0)
                {
                    _state = HttpTransferState.Completed;
                }

                return n;
            }
        }

        public void Cancel()
        {
            lock (_sync)
            {
                if (_state == HttpTransferState.Running)
                {
                    _cancelled = true;
                    Finish(0, "cancelled");
                }
            }
        }

        public void Reset()
        {
            lock (_sync)
            {
                if (_state != HttpTransferState.Running)
                {
                    _state = HttpTransferState.Idle;
                }
            }
        }

        // The adapters' one rule (TlsSettings.WhyNoHttps); the roots are read once per transfer.
        private bool RefusedHttps(string url)
        {
            _rootsPem = null;
            if (!url.StartsWith("https://"))
            {
                return false;
            }

            TlsSettings trust = Trust == null ? null : Trust();
            string why = TlsSettings.WhyNoHttps(trust);
            if (why == null)
            {
                _rootsPem = trust.TrustedRootsPem;
                return false;
            }

            lock (_sync)
            {
                Finish(0, why);
            }

            return true;
        }

        private HttpWebRequest CreateRequest()
        {
            HttpWebRequest request = (HttpWebRequest)WebRequest.Create(_url);
            if (_rootsPem != null)
            {
                request.SslProtocols = SslProtocols.Tls12;
                request.SslVerification = SslVerification.CertificateRequired;
                request.HttpsAuthentCert = new X509Certificate(_rootsPem);
            }

            return request;
        }

        private int Generation()
        {
            lock (_sync)
            {
                return _generation;
            }
        }

        private bool Begin(string url, bool uploading)
        {
            if (url == null || !(url.StartsWith("http://") || url.StartsWith("https://")))
            {
                return false;
            }

            lock (_sync)
            {
                if (_state == HttpTransferState.Running)
                {
                    return false;
                }

                _state = HttpTransferState.Running;
                _uploading = uploading;
                _url = url;
                _status = 0;
                _error = null;
                _total = -1;
                _done = 0;
                _head = 0;
                _count = 0;
                _producerDone = false;
                _cancelled = false;
                _generation++;
                return true;
            }
        }

        // Worker thread.
        private void RunUpload(int generation)
        {
            try
            {
                HttpWebRequest request = CreateRequest();
                request.Method = _method;
                request.ContentType = _contentType;
                request.ContentLength = _total;
                request.KeepAlive = false;
                request.Timeout = TimeoutMs;
                request.ReadWriteTimeout = TimeoutMs;
                Stream body = request.GetRequestStream();
                byte[] chunk = new byte[_ring.Length];
                long sent = 0;
                while (sent < _total)
                {
                    int n;
                    lock (_sync)
                    {
                        if (_cancelled || generation != _generation)
                        {
                            body.Close();
                            return;
                        }

                        n = _count;
                        for (int i = 0; i < n; i++)
                        {
                            chunk[i] = _ring[(_head + i) % _ring.Length];
                        }

                        _head = (_head + n) % _ring.Length;
                        _count -= n;
                    }

                    if (n == 0)
                    {
                        Thread.Sleep(PollMs);
                        continue;
                    }

                    body.Write(chunk, 0, n);
                    sent += n;
                }

                body.Close();
                HttpWebResponse response = (HttpWebResponse)request.GetResponse();
                int status = (int)response.StatusCode;
                response.Close();
                lock (_sync)
                {
                    if (!_cancelled && generation == _generation)
                    {
                        Finish(status, status >= 200 && status <= 299 ? null : "HTTP " + status);
                    }
                }
            }
            catch (WebException e)
            {
                FailFromWebException(e, generation);
            }
            catch (Exception e)
            {
                Fail("connect failed: " + e.Message, generation);
            }
        }

        // Worker thread.
        private void RunDownload(int generation)
        {
            try
            {
                HttpWebRequest request = CreateRequest();
                request.Method = "GET";
                request.KeepAlive = false;
                request.Timeout = TimeoutMs;
                request.ReadWriteTimeout = TimeoutMs;
                if (_fromByte > 0)
                {
                    request.AddRange((int)_fromByte);
                }

                HttpWebResponse response = (HttpWebResponse)request.GetResponse();
                int status = (int)response.StatusCode;
                if (status != 206 && (status != 200 || _fromByte > 0))
                {
                    response.Close();
                    lock (_sync)
                    {
                        if (generation == _generation)
                        {
                            Finish(status, status == 200 ? "HTTP 200: the server ignored the byte range" : "HTTP " + status);
                        }
                    }

                    return;
                }

                lock (_sync)
                {
                    if (generation != _generation)
                    {
                        response.Close();
                        return;
                    }

                    _status = status;
                    // Content-Length is what remains; the resource's size is that plus where we started.
                    _total = response.ContentLength >= 0 ? response.ContentLength + _fromByte : -1;
                }

                Stream body = response.GetResponseStream();
                byte[] chunk = new byte[_ring.Length];
                while (true)
                {
                    int room;
                    lock (_sync)
                    {
                        if (_cancelled || generation != _generation)
                        {
                            break;
                        }

                        room = _ring.Length - _count;
                    }

                    if (room == 0)
                    {
                        Thread.Sleep(PollMs);
                        continue;
                    }

                    int n = body.Read(chunk, 0, room);
                    lock (_sync)
                    {
                        if (generation != _generation)
                        {
                            break;
                        }

                        if (n <= 0)
                        {
                            _producerDone = true;
                            if (_count == 0 && _state == HttpTransferState.Running)
                            {
                                _state = HttpTransferState.Completed;
                            }

                            break;
                        }

                        for (int i = 0; i < n; i++)
                        {
                            _ring[(_head + _count + i) % _ring.Length] = chunk[i];
                        }

                        _count += n;
                    }
                }

                response.Close();
            }
            catch (WebException e)
            {
                FailFromWebException(e, generation);
            }
            catch (Exception e)
            {
                Fail("connect failed: " + e.Message, generation);
            }
        }

        private void FailFromWebException(WebException e, int generation)
        {
            HttpWebResponse response = e.Response as HttpWebResponse;
            if (response != null)
            {
                int status = (int)response.StatusCode;
                response.Close();
                lock (_sync)
                {
                    if (!_cancelled && generation == _generation)
                    {
                        Finish(status, "HTTP " + status);
                    }
                }

                return;
            }

            Fail("connect failed: " + e.Message, generation);
        }

        private void Fail(string error, int generation)
        {
            lock (_sync)
            {
                if (!_cancelled && generation == _generation && _state == HttpTransferState.Running)
                {
                    Finish(0, error);
                }
            }
        }

        private void Finish(int status, string error)
        {
            _status = status;
            _error = error;
            _state = error == null ? HttpTransferState.Completed : HttpTransferState.Failed;
        }
    }
}
