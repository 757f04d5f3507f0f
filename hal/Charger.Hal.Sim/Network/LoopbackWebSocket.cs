using System.Collections;
using System.Text;
using Charger.Hal;

namespace Charger.Hal.Sim.Network
{
    /// <summary>
    /// The station's end of an in-memory WebSocket. Everything happens when the test or the
    /// built-in CSMS drives the <see cref="LoopbackServerEnd"/>, so a session runs in virtual time
    /// and replays exactly. Handlers run on the caller's thread.
    /// </summary>
    public sealed class LoopbackWebSocket : IWebSocketClient
    {
        private readonly LoopbackServerEnd _server;
        private WebSocketState _state = WebSocketState.Closed;
        private string _acceptedSubprotocol;
        private int _maxFrameBytes = 65536;
        private int _pingsSent;
        private TlsSettings _tls;

        public LoopbackWebSocket()
        {
            _server = new LoopbackServerEnd(this);
        }

        public event WebSocketTextHandler TextReceived;

        public event WebSocketClosedHandler Closed;

        public event WebSocketOversizeHandler Oversize;

        /// <summary>The CSMS side of this socket.</summary>
        public LoopbackServerEnd Server
        {
            get { return _server; }
        }

        public WebSocketState State
        {
            get { return _state; }
        }

        public string AcceptedSubprotocol
        {
            get { return _acceptedSubprotocol; }
        }

        public int MaxFrameBytes
        {
            get { return _maxFrameBytes; }
            set { _maxFrameBytes = value; }
        }

        public TlsSettings Tls
        {
            get { return _tls; }
            set { _tls = value; }
        }

        public int PingsSent
        {
            get { return _pingsSent; }
        }

        public void Open(string url, string subprotocol, string[] headerNames, string[] headerValues)
        {
            if (_state != WebSocketState.Closed)
            {
                throw new System.InvalidOperationException("socket already " + WebSocketStateText.Of(_state));
            }

            _state = WebSocketState.Connecting;
            _acceptedSubprotocol = null;
            string tlsFailure = url != null && url.StartsWith("wss://") ? _server.CheckTls(_tls) : null;
            if (tlsFailure != null)
            {
                // The simulated handshake fails before any HTTP request reaches the CSMS, as on a real socket.
                ServerClosed(WebSocketCloseCodes.TlsHandshakeFailure, tlsFailure);
                return;
            }

            _server.OnOpenRequested(url, subprotocol, headerNames, headerValues);
        }

        public bool SendText(string text)
        {
            if (_state != WebSocketState.Open)
            {
                return false;
            }

            _server.OnClientFrame(text);
            return true;
        }

        public bool SendPing()
        {
            if (_state != WebSocketState.Open)
            {
                return false;
            }

            _pingsSent++;
            return true;
        }

        public void Close()
        {
            if (_state == WebSocketState.Closed)
            {
                return;
            }

            _state = WebSocketState.Closed;
            _server.OnClientClosed();
        }

        internal void ServerAccepted(string subprotocol)
        {
            _state = WebSocketState.Open;
            _acceptedSubprotocol = subprotocol;
        }

        internal void ServerClosed(int closeCode, string reason)
        {
            if (_state == WebSocketState.Closed)
            {
                return;
            }

            _state = WebSocketState.Closed;
            WebSocketClosedHandler handler = Closed;
            if (handler != null)
            {
                handler(closeCode, reason);
            }
        }

        internal void ServerFrame(string text)
        {
            int bytes = Encoding.UTF8.GetBytes(text).Length;
            if (bytes > _maxFrameBytes)
            {
                WebSocketOversizeHandler oversize = Oversize;
                if (oversize != null)
                {
                    oversize(bytes);
                }

                return;
            }

            WebSocketTextHandler handler = TextReceived;
            if (handler != null)
            {
                handler(text);
            }
        }
    }
}
