using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Charger.Hal;
using WebSocketState = Charger.Hal.WebSocketState;

namespace Charger.Sim.Models.Network;

/// <summary>
/// <see cref="IWebSocketClient"/> over System.Net.WebSockets.ClientWebSocket for the desktop
/// simulator and the interop suite. Like the board's adapter it never blocks the caller: Open
/// starts a background connect, received frames go to <see cref="TextReceived"/> from the
/// receive task, and sends are queued to a single sender task. A frame longer than
/// <see cref="MaxFrameBytes"/> is drained without being kept and reported through
/// <see cref="Oversize"/>. For wss:// (security profiles 2 and 3) it applies the rules of
/// <see cref="TlsSettings"/> exactly as the board's adapter does: the server certificate must chain
/// to one of the station's CSMS root certificates (never the system store), be valid now and name
/// the URL's host; without a root it does not connect. Each refusal closes with code 1015 and a
/// reason naming the check that failed. Under profile 3 it presents the client certificate.
/// </summary>
public sealed class DesktopWebSocketClient : IWebSocketClient, IDisposable
{
    private const int ReceiveChunkBytes = 4096;
    private const int SendQueueFrames = 32;

    private readonly TimeSpan _keepAlive;
    private readonly BlockingCollection<string> _sendQueue = new(SendQueueFrames);
    private ClientWebSocket _socket;
    private CancellationTokenSource _cts;
    private volatile WebSocketState _state = WebSocketState.Closed;
    private volatile string _acceptedSubprotocol;
    private int _closedRaised;
    private X509Certificate2Collection _roots;
    private volatile string _tlsFailure;

    /// <param name="keepAlive">WebSocket ping interval run by the .NET stack (it offers no single-ping API).</param>
    public DesktopWebSocketClient(TimeSpan? keepAlive = null)
    {
        _keepAlive = keepAlive ?? TimeSpan.Zero;
    }

    public TlsSettings Tls { get; set; }

    /// <summary>Why the last TLS handshake was refused, or null.</summary>
    public string LastTlsFailure => _tlsFailure;

    public event WebSocketTextHandler TextReceived;

    public event WebSocketClosedHandler Closed;

    public event WebSocketOversizeHandler Oversize;

    public WebSocketState State => _state;

    public string AcceptedSubprotocol => _acceptedSubprotocol;

    public int MaxFrameBytes { get; set; } = 65536;

    public int PingsRequested { get; private set; }

    public void Open(string url, string subprotocol, string[] headerNames, string[] headerValues)
    {
        if (_state != WebSocketState.Closed)
        {
            throw new InvalidOperationException("socket already " + _state);
        }

        _socket?.Dispose();
        _cts = new CancellationTokenSource();
        _socket = new ClientWebSocket();
        _socket.Options.AddSubProtocol(subprotocol);
        _socket.Options.CollectHttpResponseDetails = true;
        if (_keepAlive > TimeSpan.Zero)
        {
            _socket.Options.KeepAliveInterval = _keepAlive;
            _socket.Options.KeepAliveTimeout = _keepAlive;
        }

        for (int i = 0; headerNames != null && i < headerNames.Length; i++)
        {
            _socket.Options.SetRequestHeader(headerNames[i], headerValues[i]);
        }

        _closedRaised = 0;
        _tlsFailure = null;
        if (url.StartsWith("wss://", StringComparison.Ordinal))
        {
            string problem = PrepareTls(_socket.Options);
            if (problem != null)
            {
                _tlsFailure = problem;
                _state = WebSocketState.Connecting;
                RaiseClosed(WebSocketCloseCodes.TlsHandshakeFailure, problem);
                return;
            }
        }

        _acceptedSubprotocol = null;
        _state = WebSocketState.Connecting;
        var socket = _socket;
        var token = _cts.Token;
        _ = Task.Run(() => RunAsync(socket, new Uri(url), token));
    }

    public bool SendText(string text)
    {
        return _state == WebSocketState.Open && _sendQueue.TryAdd(text);
    }

    public bool SendPing()
    {
        // ClientWebSocket sends pings itself at KeepAliveInterval; record the request for diagnostics.
        PingsRequested++;
        return _keepAlive > TimeSpan.Zero && _state == WebSocketState.Open;
    }

    public void Close()
    {
        if (_state == WebSocketState.Closed)
        {
            return;
        }

        _state = WebSocketState.Closing;
        _cts?.Cancel();
        try
        {
            _socket?.Abort();
        }
        finally
        {
            _state = WebSocketState.Closed;
        }
    }

    public void Dispose()
    {
        Close();
        _socket?.Dispose();
        _cts?.Dispose();
    }

    private async Task RunAsync(ClientWebSocket socket, Uri uri, CancellationToken token)
    {
        try
        {
            await socket.ConnectAsync(uri, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is System.Net.Http.HttpRequestException)
        {
            string tls = _tlsFailure;
            if (tls != null)
            {
                RaiseClosed(WebSocketCloseCodes.TlsHandshakeFailure, tls);
                return;
            }

            int status = (int)socket.HttpStatusCode;
            RaiseClosed(1006, "connect failed: " + (status != 0 ? "HTTP " + status : e.Message));
            return;
        }

        _acceptedSubprotocol = socket.SubProtocol;
        _state = WebSocketState.Open;
        var sender = Task.Run(() => SendLoopAsync(socket, token));
        await ReceiveLoopAsync(socket, token).ConfigureAwait(false);
        await sender.ConfigureAwait(false);
    }

    private async Task SendLoopAsync(ClientWebSocket socket, CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested && socket.State == System.Net.WebSockets.WebSocketState.Open)
            {
                if (!_sendQueue.TryTake(out var text, 50))
                {
                    continue;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(text);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            RaiseClosed(1006, "send failed: " + e.Message);
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken token)
    {
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        byte[] frame = new byte[ReceiveChunkBytes];
        try
        {
            while (!token.IsCancellationRequested)
            {
                int length = 0;
                bool oversize = false;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(chunk, token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        RaiseClosed((int)(result.CloseStatus ?? WebSocketCloseStatus.Empty), "closed by peer: " + result.CloseStatusDescription);
                        return;
                    }

                    if (!oversize && length + result.Count > MaxFrameBytes)
                    {
                        // Refuse without keeping it: the rest of the frame is read and dropped.
                        oversize = true;
                    }

                    if (!oversize)
                    {
                        if (length + result.Count > frame.Length)
                        {
                            Array.Resize(ref frame, Math.Min(MaxFrameBytes, Math.Max(frame.Length * 2, length + result.Count)));
                        }

                        Buffer.BlockCopy(chunk, 0, frame, length, result.Count);
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (oversize)
                {
                    // RFC 6455 7.4.1: close with 1009 (message too big), as the board's adapter does.
                    Oversize?.Invoke(length);
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "frame over " + MaxFrameBytes + " bytes", token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException)
                    {
                        // The peer went first; the close below still reports 1009.
                    }

                    RaiseClosed((int)WebSocketCloseStatus.MessageTooBig, "refused a frame of " + length + " bytes (message too big)");
                    return;
                }
                else if (result.MessageType == WebSocketMessageType.Text)
                {
                    TextReceived?.Invoke(Encoding.UTF8.GetString(frame, 0, length));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            RaiseClosed(1006, "connection lost: " + e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void RaiseClosed(int code, string reason)
    {
        _state = WebSocketState.Closed;
        if (Interlocked.Exchange(ref _closedRaised, 1) == 0)
        {
            Closed?.Invoke(code, reason);
        }
    }

    // Loads the roots and the client certificate; null when the handshake may go ahead.
    private string PrepareTls(ClientWebSocketOptions options)
    {
        TlsSettings tls = Tls;
        if (tls == null || !tls.HasTrustedRoot)
        {
            return "TLS: no CSMS root certificate installed; not connecting to a wss:// CSMS";
        }

        var roots = ServerCertificateCheck.LoadRoots(tls.TrustedRootsPem, out string unreadable);
        if (unreadable != null)
        {
            return unreadable;
        }

        if (roots == null)
        {
            return "TLS: no CSMS root certificate installed; not connecting to a wss:// CSMS";
        }

        _roots = roots;
        options.RemoteCertificateValidationCallback = ValidateAgainstCsmsRoots;
        if (tls.HasClientCertificate)
        {
            try
            {
                var client = X509Certificate2.CreateFromPem(tls.ClientCertificatePem, tls.ClientPrivateKeyPem);
                // Linux TLS wants a key it can hand to OpenSSL: round-trip through PKCS#12.
                options.ClientCertificates = new X509CertificateCollection
                {
                    X509CertificateLoader.LoadPkcs12(client.Export(X509ContentType.Pkcs12), null),
                };
            }
            catch (CryptographicException e)
            {
                return "TLS: the station's client certificate or key cannot be used (" + e.Message + ")";
            }
        }

        return null;
    }

    private bool ValidateAgainstCsmsRoots(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
    {
        _tlsFailure = ServerCertificateCheck.Check(_roots, certificate, errors, "CSMS", "CSMS");
        return _tlsFailure == null;
    }
}
