using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Charger.Hal;
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
    ///   ClientWebSocketHeaders; the server's choice is not exposed, so AcceptedSubprotocol is null;
    /// - receiving is event-only (MessageReceived); handlers run on the library's receive thread;
    /// - wss:// (security profiles 2 and 3): the library's options default to no server
    ///   verification, so the adapter always asks for a required verification (mbedTLS checks the
    ///   chain to the CA certificate given, the validity dates and the host name from the URL) with
    ///   TLS 1.2, and refuses to connect when no trusted root is installed. The library takes one
    ///   CA object: the concatenated PEM roots parse into one mbedTLS chain. It cannot present a
    ///   client certificate from managed memory; profile 3 uses the device certificate stored in
    ///   the board's configuration block (UseStoredDeviceCertificate), provisioned with nanoff.
    /// </summary>
    public sealed class NanoWebSocketClient : IWebSocketClient
    {
        /// <summary>RFC 6455 7.4.1: 1006 = closed abnormally (no close frame), used for failed connects.</summary>
        private const int CloseAbnormal = 1006;

        /// <summary>RFC 6455 7.4.1: 1005 = no status received; nanoFramework does not expose the peer's code.</summary>
        private const int CloseNoStatus = 1005;

        /// <summary>OCPP 2.0.1 Part 4 (OCPP-J) 3.1.2: the subprotocol is requested in this header.</summary>
        private const string SubprotocolHeader = "Sec-WebSocket-Protocol";

        private readonly object _sync = new object();
        private ClientWebSocket _socket;
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

        /// <summary>Always null: nanoFramework's ClientWebSocket does not report the accepted subprotocol.</summary>
        public string AcceptedSubprotocol
        {
            get { return null; }
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
            ClientWebSocket socket;
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
            ClientWebSocket socket;
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
            socket.UseStoredDeviceCertificate = tls != null && tls.HasClientCertificate;
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
            lock (_sync)
            {
                wasClosing = _state == Charger.Hal.WebSocketState.Closing;
                _state = Charger.Hal.WebSocketState.Closed;
                _socket = null;
            }

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
