using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Charger.Hal;

namespace Charger.Sim.Models.Network;

/// <summary>
/// <see cref="IHttpTransfer"/> on the desktop: .NET HttpClient on a worker thread, meeting the tick
/// in a bounded byte buffer. Upload bodies are streamed with their Content-Length (never held whole);
/// downloads are read into the buffer as fast as the tick takes them out. https:// trusts only the
/// roots <see cref="Trust"/> gives at the start of the transfer (never the system store), with the
/// same checks and reasons as the CSMS connection (<see cref="ServerCertificateCheck"/>).
/// </summary>
public sealed class DesktopHttpTransfer : IHttpTransfer, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly object _sync = new();
    private readonly byte[] _ring;
    private readonly HttpClient _client;
    private int _head;
    private int _count;
    private bool _producerDone; // download: the response body ended; upload: not used
    private bool _uploading;
    private HttpTransferState _state = HttpTransferState.Idle;
    private int _status;
    private string _error;
    private long _total = -1;
    private long _done;
    private CancellationTokenSource _cancel;
    private int _generation; // a worker only touches the state of the transfer it was started for
    private volatile X509Certificate2Collection _httpsRoots;
    private volatile string _tlsFailure;

    public DesktopHttpTransfer(int bufferBytes)
    {
        _ring = new byte[bufferBytes];
        var handler = new SocketsHttpHandler
        {
            // Each transfer's roots decide its handshake: no connection outlives the transfer it was checked for.
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = ValidateServer;
        _client = new HttpClient(handler) { Timeout = RequestTimeout };
    }

    public TlsSettingsSource Trust { get; set; }

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

    public int BufferBytes => _ring.Length;

    public bool SupportsHttps => true;

    public bool StartUpload(string url, string method, string contentType, long contentLength)
    {
        if (!Begin(url, uploading: true))
        {
            return false;
        }

        lock (_sync)
        {
            _total = contentLength;
        }

        if (RefusedHttps(url))
        {
            return true;
        }

        var token = _cancel.Token;
        int generation;
        lock (_sync)
        {
            generation = _generation;
        }

        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StreamContent(new RingReadStream(this, contentLength, token, generation)),
        };
        request.Content.Headers.ContentLength = contentLength;
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        new Thread(() => Run(request, token, generation)) { IsBackground = true, Name = "http-upload" }.Start();
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

            int n = Math.Min(count, Math.Min(_ring.Length - _count, (int)(_total - _done)));
            for (int i = 0; i < n; i++)
            {
                _ring[(_head + _count + i) % _ring.Length] = data[offset + i];
            }

            _count += n;
            _done += n;
            Monitor.PulseAll(_sync);
            return n;
        }
    }

    public bool StartDownload(string url, long fromByte)
    {
        if (fromByte < 0 || !Begin(url, uploading: false))
        {
            return false;
        }

        lock (_sync)
        {
            _done = fromByte;
        }

        if (RefusedHttps(url))
        {
            return true;
        }

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (fromByte > 0)
        {
            request.Headers.Range = new RangeHeaderValue(fromByte, null);
        }

        var token = _cancel.Token;
        int generation;
        lock (_sync)
        {
            generation = _generation;
        }

        new Thread(() => Run(request, token, generation, fromByte)) { IsBackground = true, Name = "http-download" }.Start();
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

            int n = Math.Min(count, _count);
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

            Monitor.PulseAll(_sync);
            return n;
        }
    }

    public void Cancel()
    {
        lock (_sync)
        {
            if (_state != HttpTransferState.Running)
            {
                return;
            }

            _cancel.Cancel();
            Finish(0, "cancelled");
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

    public void Dispose()
    {
        Cancel();
        _client.Dispose();
    }

    private bool Begin(string url, bool uploading)
    {
        if (url == null || !(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)))
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
            _status = 0;
            _error = null;
            _total = -1;
            _done = 0;
            _head = 0;
            _count = 0;
            _producerDone = false;
            _cancel = new CancellationTokenSource();
            _generation++;
            return true;
        }
    }

    // Worker thread: the only place that blocks.
    private void Run(HttpRequestMessage request, CancellationToken token, int generation, long fromByte = 0)
    {
        try
        {
            using var response = _client.Send(request, _uploading ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead, token);
            int status = (int)response.StatusCode;
            if (_uploading)
            {
                lock (_sync)
                {
                    if (generation == _generation && _state == HttpTransferState.Running)
                    {
                        Finish(status, status >= 200 && status <= 299 ? null : "HTTP " + status);
                    }
                }

                return;
            }

            if (status != 200 && status != 206 || (fromByte > 0 && status != 206))
            {
                lock (_sync)
                {
                    if (generation == _generation && _state == HttpTransferState.Running)
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
                    return;
                }

                _status = status;
                var range = response.Content.Headers.ContentRange;
                _total = range?.Length ?? (response.Content.Headers.ContentLength is long length ? length + fromByte : -1);
            }

            using var body = response.Content.ReadAsStream(token);
            var chunk = new byte[Math.Min(4096, _ring.Length)];
            while (true)
            {
                int n = body.Read(chunk, 0, chunk.Length);
                lock (_sync)
                {
                    if (generation != _generation)
                    {
                        return;
                    }

                    if (n == 0)
                    {
                        _producerDone = true;
                        if (_count == 0 && _state == HttpTransferState.Running)
                        {
                            _state = HttpTransferState.Completed;
                        }

                        return;
                    }

                    for (int i = 0; i < n; i++)
                    {
                        while (_count == _ring.Length && _state == HttpTransferState.Running)
                        {
                            Monitor.Wait(_sync, 100);
                        }

                        if (_state != HttpTransferState.Running)
                        {
                            return;
                        }

                        _ring[(_head + _count) % _ring.Length] = chunk[i];
                        _count++;
                    }
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException || e is IOException)
        {
            lock (_sync)
            {
                if (generation == _generation && _state == HttpTransferState.Running)
                {
                    Finish(0, _tlsFailure ?? "connect failed: " + e.Message);
                }
            }
        }
    }

    // The adapters' one rule (TlsSettings.WhyNoHttps), then this transfer's roots for the handshake.
    private bool RefusedHttps(string url)
    {
        _tlsFailure = null;
        _httpsRoots = null;
        if (!url.StartsWith("https://", StringComparison.Ordinal))
        {
            return false;
        }

        TlsSettings trust = Trust?.Invoke();
        string why = TlsSettings.WhyNoHttps(trust);
        X509Certificate2Collection roots = null;
        if (why == null)
        {
            roots = ServerCertificateCheck.LoadRoots(trust.TrustedRootsPem, out why);
            why ??= roots == null ? TlsSettings.NoRootForHttps : null;
        }

        if (why == null)
        {
            _httpsRoots = roots;
            return false;
        }

        lock (_sync)
        {
            Finish(0, why);
        }

        return true;
    }

    private bool ValidateServer(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
    {
        X509Certificate2Collection roots = _httpsRoots;
        _tlsFailure = roots == null
            ? TlsSettings.NoRootForHttps
            : ServerCertificateCheck.Check(roots, certificate, errors, "HTTP server", "CSMS");
        return _tlsFailure == null;
    }

    private void Finish(int status, string error)
    {
        _status = status;
        _error = error;
        _state = error == null ? HttpTransferState.Completed : HttpTransferState.Failed;
        Monitor.PulseAll(_sync);
    }

    /// <summary>The upload body as HttpClient reads it: blocks until the tick has written more.</summary>
    private sealed class RingReadStream : Stream
    {
        private readonly DesktopHttpTransfer _owner;
        private readonly long _length;
        private readonly CancellationToken _token;
        private readonly int _generation;
        private long _read;

        public RingReadStream(DesktopHttpTransfer owner, long length, CancellationToken token, int generation)
        {
            _owner = owner;
            _length = length;
            _token = token;
            _generation = generation;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= _length)
            {
                return 0;
            }

            var o = _owner;
            lock (o._sync)
            {
                while (true)
                {
                    // A cancelled upload's stream may still be read by its worker after the next
                    // upload began: it must never take that upload's bytes from the shared ring.
                    _token.ThrowIfCancellationRequested();
                    if (o._generation != _generation || o._state != HttpTransferState.Running)
                    {
                        throw new IOException("upload abandoned");
                    }

                    if (o._count > 0)
                    {
                        break;
                    }

                    Monitor.Wait(o._sync, 100);
                }

                int n = Math.Min(count, o._count);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = o._ring[(o._head + i) % o._ring.Length];
                }

                o._head = (o._head + n) % o._ring.Length;
                o._count -= n;
                _read += n;
                Monitor.PulseAll(o._sync);
                return n;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
