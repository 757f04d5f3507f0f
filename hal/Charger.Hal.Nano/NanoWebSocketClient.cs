using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Charger.Hal;
using Charger.Hal.WebSockets;
using NfWebSocketState = System.Net.WebSockets.WebSocketFrame.WebSocketState;
using NfMessageType = System.Net.WebSockets.WebSocketFrame.WebSocketMessageType;
using NfCloseStatus = System.Net.WebSockets.WebSocketFrame.WebSocketCloseStatus;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// OCPP-J transport on nanoFramework's ClientWebSocket (System.Net.WebSockets 1.1.x):
    /// - Connect blocks, so it runs on its own transport thread and <see cref="Open"/> returns at once;
    /// - Connect may return without throwing when the socket could not connect, so State is checked
    ///   afterwards and a Closed event with a readable reason is raised;
    /// - there is no subprotocol API: Sec-WebSocket-Protocol (and Authorization) go into
    ///   ClientWebSocketHeaders; the server's choice is not exposed, so AcceptedSubprotocol is null
    ///   on that path;
    /// - receiving is event-only (MessageReceived); handlers run on the library's receive thread;
    /// - wss:// (security profiles 2 and 3): the library's options default to no server
    ///   verification, so the adapter always asks for a required verification (mbedTLS checks the
    ///   chain to the CA certificate given, the validity dates and the host name from the URL) with
    ///   TLS 1.2, and refuses to connect when no trusted root is installed. The library takes one
    ///   CA object: the concatenated PEM roots parse into one mbedTLS chain.
    /// - profile 3 (TlsSettings.HasClientCertificate): ClientWebSocket cannot present a client
    ///   certificate from managed memory, so this adapter opens the connection itself: Socket,
    ///   SslStream.AuthenticateAsClient with the station's certificate and key (X509Certificate2)
    ///   and the CSMS roots, TLS 1.2, verification required; then the opening handshake of
    ///   Charger.Hal.WebSockets over that stream (it checks Sec-WebSocket-Accept and reports the
    ///   accepted subprotocol); then the library's frame layer over the same stream
    ///   (ManagedStreamWebSocket). A certificate renewed through CertificateSigned is therefore
    ///   presented from the next connection on. The configuration block's device certificate
    ///   (UseStoredDeviceCertificate) is not used: the OCPP layer only asks for profile 3 with a
    ///   managed certificate, and presenting another identity than the one the certificate
    ///   manager chose would defeat its fallback between a new and the previous certificate.
    /// </summary>
    public sealed class NanoWebSocketClient : IWebSocketClient
    {
        /// <summary>RFC 6455 7.4.1: 1006 = closed abnormally (no close frame), used for failed connects.</summary>
        private const int CloseAbnormal = 1006;

        /// <summary>RFC 6455 7.4.1: 1005 = no status received; nanoFramework does not expose the peer's code.</summary>
        private const int CloseNoStatus = 1005;

        /// <summary>OCPP 2.0.1 Part 4 (OCPP-J) 3.1.2: the subprotocol is requested in this header.</summary>
        private const string SubprotocolHeader = "Sec-WebSocket-Protocol";

        /// <summary>Bound on connecting, the TLS handshake and the WebSocket handshake each (socket timeouts).</summary>
        private const int HandshakeTimeoutMs = 30000;

        private readonly object _sync = new object();
        private readonly System.Random _keyRandom = new System.Random();
        private WebSocket _socket;
        private Socket _ownTcp;
        private SslStream _ownTls;
        private string _acceptedSubprotocol;
        private string _subprotocol;
        private string[] _headerNames;
        private string[] _headerValues;
        private Charger.Hal.WebSocketState _state = Charger.Hal.WebSocketState.Closed;
        private int _maxFrameBytes = 65536;
        private string _url;
        private ClientWebSocketHeaders _headers;
        private long _ignoredBinaryFrames;
        private TlsSettings _tls;
        private TlsSettings _connectTls;

        public event WebSocketTextHandler TextReceived;

        public event WebSocketClosedHandler Closed;

        public event WebSocketOversizeHandler Oversize;

        public Charger.Hal.WebSocketState State
        {
            get
            {
                lock (_sync)
                {
                    return _state;
                }
            }
        }

        /// <summary>
        /// The subprotocol the CSMS accepted on a profile-3 connection (this adapter's own handshake);
        /// null on the ClientWebSocket path, which does not report it.
        /// </summary>
        public string AcceptedSubprotocol
        {
            get { return _acceptedSubprotocol; }
        }

        public int MaxFrameBytes
        {
            get { return _maxFrameBytes; }
            set
            {
                if (value <= 0)
                {
                    throw new System.ArgumentOutOfRangeException("value", "the frame limit must be positive");
                }

                _maxFrameBytes = value;
            }
        }

        public TlsSettings Tls
        {
            get { return _tls; }
            set { _tls = value; }
        }

        /// <summary>Binary frames received and dropped (OCPP-J sends text only).</summary>
        public long IgnoredBinaryFrames
        {
            get { return _ignoredBinaryFrames; }
        }

        public void Open(string url, string subprotocol, string[] headerNames, string[] headerValues)
        {
            if (url == null || !(url.StartsWith("ws://") || url.StartsWith("wss://")))
            {
                throw new System.ArgumentException("a WebSocket URL starts with ws:// or wss://: " + url);
            }

            int headerCount = headerNames == null ? 0 : headerNames.Length;
            if (headerCount != (headerValues == null ? 0 : headerValues.Length))
            {
                throw new System.ArgumentException("header names and values must pair up");
            }

            ClientWebSocketHeaders headers = new ClientWebSocketHeaders();
            if (subprotocol != null)
            {
                headers[SubprotocolHeader] = subprotocol;
            }

            for (int i = 0; i < headerCount; i++)
            {
                headers[headerNames[i]] = headerValues[i];
            }

            bool noTrustedRoot;
            lock (_sync)
            {
                if (_state != Charger.Hal.WebSocketState.Closed)
                {
                    throw new System.InvalidOperationException("the WebSocket is " + StateName(_state) + "; close it before opening again");
                }

                _state = Charger.Hal.WebSocketState.Connecting;
                _url = url;
                _headers = headers;
                _subprotocol = subprotocol;
                _headerNames = headerNames;
                _headerValues = headerValues;
                _acceptedSubprotocol = null;
                _connectTls = url.StartsWith("wss://") ? _tls : null;
                noTrustedRoot = url.StartsWith("wss://") && (_tls == null || !_tls.HasTrustedRoot);
                if (noTrustedRoot)
                {
                    _state = Charger.Hal.WebSocketState.Closed;
                }
            }

            if (noTrustedRoot)
            {
                RaiseClosed(WebSocketCloseCodes.TlsHandshakeFailure, "TLS: no CSMS root certificate installed; not connecting to a wss:// CSMS");
                return;
            }

            new Thread(Connect).Start();
        }

        public bool SendText(string text)
        {
            WebSocket socket;
            lock (_sync)
            {
                if (_state != Charger.Hal.WebSocketState.Open)
                {
                    return false;
                }

                socket = _socket;
            }

            return socket.SendString(text);
        }

        /// <summary>False: nanoFramework has no public ping API (it sends its own keep-alive at KeepAliveInterval).</summary>
        public bool SendPing()
        {
            return false;
        }

        public void Close()
        {
            CloseWith(NfCloseStatus.NormalClosure, "closing");
        }

        private void CloseWith(NfCloseStatus status, string description)
        {
            WebSocket socket;
            lock (_sync)
            {
                if (_state != Charger.Hal.WebSocketState.Open)
                {
                    return;
                }

                _state = Charger.Hal.WebSocketState.Closing;
                socket = _socket;
            }

            socket.Close(status, description);
        }

        // Transport thread: the only place that blocks.
        private void Connect()
        {
            TlsSettings managed = _connectTls;
            if (managed != null && managed.HasClientCertificate)
            {
                ConnectPresentingManagedCertificate(managed);
                return;
            }

            ClientWebSocketOptions options = new ClientWebSocketOptions();
            // Keeps the library from buffering frames above the limit; longer ones are refused below too.
            options.MaxReceiveFrameSize = _maxFrameBytes;
            TlsSettings tls = _connectTls;
            if (tls != null)
            {
                options.SslProtocol = SslProtocols.Tls12;
                options.SslVerification = SslVerification.CertificateRequired;
                options.Certificate = new X509Certificate(tls.TrustedRootsPem);
            }

            ClientWebSocket socket = new ClientWebSocket(options);
            socket.MessageReceived += OnMessageReceived;
            socket.ConnectionClosed += OnConnectionClosed;
            string failure = null;
            int failureCode = CloseAbnormal;
            try
            {
                socket.Connect(_url, _headers);
                if (socket.State != NfWebSocketState.Open)
                {
                    failure = "connect failed: could not reach " + _url;
                }
            }
            catch (System.Exception ex)
            {
                // A bad handshake (HTTP 401, wrong subprotocol, TLS) throws; report it, never swallow it.
                failure = "connect failed: " + ex.Message;
                if (tls != null && LooksLikeTls(ex))
                {
                    failureCode = WebSocketCloseCodes.TlsHandshakeFailure;
                    failure = "TLS: handshake with the CSMS failed (" + ex.Message + ")";
                }
            }

            lock (_sync)
            {
                if (failure == null)
                {
                    _socket = socket;
                    _state = Charger.Hal.WebSocketState.Open;
                    return;
                }

                _state = Charger.Hal.WebSocketState.Closed;
            }

            RaiseClosed(failureCode, failure);
        }

        // Profile 3 with a certificate held in managed memory: Socket + SslStream + our handshake +
        // the library's frame layer. Each phase reports its own failure: TLS ones close with 1015
        // (the OCPP layer raises InvalidCsmsCertificate), the rest with 1006 and the reason.
        private void ConnectPresentingManagedCertificate(TlsSettings tls)
        {
            string problem;
            WebSocketUrl target = WebSocketUrl.TryParse(_url, out problem);
            if (target == null)
            {
                FailConnect(null, null, CloseAbnormal, "connect failed: " + problem);
                return;
            }

            X509Certificate2 client;
            X509Certificate roots;
            try
            {
                // PEM strings: the library appends the NUL that mbedTLS's PEM parser needs.
                client = new X509Certificate2(tls.ClientCertificatePem, tls.ClientPrivateKeyPem, null);
                roots = new X509Certificate(tls.TrustedRootsPem);
            }
            catch (System.Exception ex)
            {
                FailConnect(null, null, WebSocketCloseCodes.TlsHandshakeFailure,
                    "TLS: the station's client certificate, its key or the CSMS roots cannot be used (" + ex.Message + ")");
                return;
            }

            Socket tcp = null;
            SslStream ssl = null;
            try
            {
                IPHostEntry entry = Dns.GetHostEntry(target.Host);
                tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.ReceiveTimeout = HandshakeTimeoutMs;
                tcp.SendTimeout = HandshakeTimeoutMs;
                tcp.Connect(new IPEndPoint(entry.AddressList[0], target.Port));
            }
            catch (System.Exception ex)
            {
                FailConnect(tcp, null, CloseAbnormal, "connect failed: could not reach " + _url + " (" + ex.Message + ")");
                return;
            }

            try
            {
                ssl = new SslStream(tcp);
                ssl.SslVerification = SslVerification.CertificateRequired;
                ssl.UseStoredDeviceCertificate = false;
                ssl.AuthenticateAsClient(target.Host, client, roots, SslProtocols.Tls12);
            }
            catch (System.Exception ex)
            {
                FailConnect(tcp, ssl, WebSocketCloseCodes.TlsHandshakeFailure, "TLS: handshake with the CSMS failed (" + ex.Message + ")");
                return;
            }

            byte[] nonce = new byte[WebSocketHandshake.KeyNonceBytes];
            _keyRandom.NextBytes(nonce);
            WebSocketHandshake handshake;
            try
            {
                handshake = new WebSocketHandshake(target, _subprotocol, _headerNames, _headerValues, nonce);
                handshake.SendRequest(ssl);
                if (!handshake.ReadResponse(ssl))
                {
                    FailConnect(tcp, ssl, CloseAbnormal, "connect failed: " + handshake.Failure);
                    return;
                }
            }
            catch (System.Exception ex)
            {
                FailConnect(tcp, ssl, CloseAbnormal, "connect failed: the WebSocket handshake did not complete (" + ex.Message + ")");
                return;
            }

            System.Net.WebSockets.WebSocketFrame.WebSocketOptions options = new System.Net.WebSockets.WebSocketFrame.WebSocketOptions();
            options.MaxReceiveFrameSize = _maxFrameBytes;
            ManagedStreamWebSocket socket = new ManagedStreamWebSocket(options);
            socket.MessageReceived += OnMessageReceived;
            socket.ConnectionClosed += OnConnectionClosed;
            lock (_sync)
            {
                _ownTcp = tcp;
                _ownTls = ssl;
                _socket = socket;
                _acceptedSubprotocol = handshake.AcceptedSubprotocol;
                _state = Charger.Hal.WebSocketState.Open;
            }

            try
            {
                // The frame layer's receive thread blocks on reads between frames; the handshake's
                // timeout must not cut an idle connection (keep-alive pings watch it instead).
                tcp.ReceiveTimeout = System.Threading.Timeout.Infinite;
                socket.Attach(ssl, tcp);
            }
            catch (System.Exception ex)
            {
                lock (_sync)
                {
                    _socket = null;
                    _ownTcp = null;
                    _ownTls = null;
                    _acceptedSubprotocol = null;
                    _state = Charger.Hal.WebSocketState.Connecting;
                }

                FailConnect(tcp, ssl, CloseAbnormal, "connect failed: the WebSocket frame layer did not start (" + ex.Message + ")");
            }
        }

        private void FailConnect(Socket tcp, SslStream ssl, int closeCode, string reason)
        {
            ReleaseOwnConnection(tcp, ssl);
            lock (_sync)
            {
                _state = Charger.Hal.WebSocketState.Closed;
            }

            RaiseClosed(closeCode, reason);
        }

        // The TLS context is a scarce native resource on a board: free it on every way out.
        private static void ReleaseOwnConnection(Socket tcp, SslStream ssl)
        {
            if (ssl != null)
            {
                try
                {
                    ssl.Dispose();
                }
                catch (System.Exception)
                {
                    // Already closed by the frame layer or the peer; nothing left to free.
                }
            }

            if (tcp != null)
            {
                try
                {
                    tcp.Close();
                }
                catch (System.Exception)
                {
                    // Already closed with the stream.
                }
            }
        }

        // mbedTLS failures reach managed code as exceptions from SslStream.AuthenticateAsClient; the
        // WebSocket handshake's own failure says "handshake" without any TLS word.
        private static bool LooksLikeTls(System.Exception ex)
        {
            string text = ex.GetType().FullName + " " + ex.Message;
            return text.IndexOf("Ssl") >= 0 || text.IndexOf("SSL") >= 0 || text.IndexOf("TLS") >= 0 ||
                text.IndexOf("Tls") >= 0 || text.IndexOf("ertificate") >= 0 || text.IndexOf("Authentication") >= 0;
        }

        private void OnMessageReceived(object sender, MessageReceivedEventArgs e)
        {
            ReceiveMessageFrame frame = e.Frame;
            if (frame.MessageType != NfMessageType.Text)
            {
                _ignoredBinaryFrames++;
                return;
            }

            if (frame.MessageLength > _maxFrameBytes)
            {
                WebSocketOversizeHandler oversize = Oversize;
                if (oversize != null)
                {
                    oversize(frame.MessageLength);
                }

                // RFC 6455 7.4.1: 1009, a message too big to process; the CSMS learns why (issue 17 item 11).
                CloseWith(NfCloseStatus.MessageTooBig, "frame over " + _maxFrameBytes + " bytes");
                return;
            }

            string text = Encoding.UTF8.GetString(frame.Buffer, 0, frame.MessageLength);
            WebSocketTextHandler handler = TextReceived;
            if (handler != null)
            {
                handler(text);
            }
        }

        private void OnConnectionClosed(object sender, System.EventArgs e)
        {
            bool wasClosing;
            Socket tcp;
            SslStream ssl;
            lock (_sync)
            {
                wasClosing = _state == Charger.Hal.WebSocketState.Closing;
                _state = Charger.Hal.WebSocketState.Closed;
                _socket = null;
                tcp = _ownTcp;
                ssl = _ownTls;
                _ownTcp = null;
                _ownTls = null;
                _acceptedSubprotocol = null;
            }

            ReleaseOwnConnection(tcp, ssl);

            RaiseClosed(CloseNoStatus, wasClosing ? "closed by this charger" : "connection closed by the peer or the network");
        }

        private void RaiseClosed(int closeCode, string reason)
        {
            WebSocketClosedHandler handler = Closed;
            if (handler != null)
            {
                handler(closeCode, reason);
            }
        }

        private static string StateName(Charger.Hal.WebSocketState state)
        {
            switch (state)
            {
                case Charger.Hal.WebSocketState.Connecting:
                    return "connecting";
                case Charger.Hal.WebSocketState.Open:
                    return "open";
                case Charger.Hal.WebSocketState.Closing:
                    return "closing";
                default:
                    return "closed";
            }
        }
    }
}
