using System.Collections;
using Charger.Hal;

namespace Charger.Hal.Sim.Network
{
    /// <summary>
    /// The CSMS end of a <see cref="LoopbackWebSocket"/>. A connection request waits in
    /// <see cref="HasPendingOpen"/> until <see cref="Accept"/> or <see cref="Refuse"/>, unless
    /// <see cref="AutoAccept"/> decides at once (checking <see cref="RequiredAuthorization"/> and
    /// <see cref="RequiredSubprotocol"/> like a strict CSMS would).
    /// </summary>
    public sealed class LoopbackServerEnd
    {
        private readonly LoopbackWebSocket _client;
        private readonly ArrayList _received = new ArrayList();
        private bool _hasPendingOpen;
        private string _requestedUrl;
        private string _requestedSubprotocol;
        private string _requestedAuthorization;
        private int _openRequests;
        private int _clientCloses;

        internal LoopbackServerEnd(LoopbackWebSocket client)
        {
            _client = client;
        }

        /// <summary>Decide connection requests as soon as they arrive.</summary>
        public bool AutoAccept { get; set; }

        /// <summary>When set, a request with another Authorization header is refused with HTTP 401.</summary>
        public string RequiredAuthorization { get; set; }

        /// <summary>When set, a request that does not offer this subprotocol is refused.</summary>
        public string RequiredSubprotocol { get; set; }

        /// <summary>
        /// For wss:// URLs: the PEM of the root that signed this simulated server's certificate.
        /// The handshake succeeds only when the client's trusted roots hold it; null accepts any
        /// client that trusts at least one root.
        /// </summary>
        public string ServerRootPem { get; set; }

        /// <summary>For wss:// URLs: a simulated server certificate that has expired (the handshake fails).</summary>
        public bool ServerCertificateExpired { get; set; }

        /// <summary>
        /// When set, a request whose URL contains this text fails as an unreachable host would (a CSMS
        /// that is not there), even with <see cref="AutoAccept"/>.
        /// </summary>
        public string UnreachableUrlPart { get; set; }

        /// <summary>Requests refused because of <see cref="UnreachableUrlPart"/>.</summary>
        public int UnreachableRefusals { get; private set; }

        /// <summary>TLS handshakes this server refused.</summary>
        public int TlsRefusals { get; private set; }

        public bool HasPendingOpen
        {
            get { return _hasPendingOpen; }
        }

        public string RequestedUrl
        {
            get { return _requestedUrl; }
        }

        public string RequestedSubprotocol
        {
            get { return _requestedSubprotocol; }
        }

        public string RequestedAuthorization
        {
            get { return _requestedAuthorization; }
        }

        public int OpenRequests
        {
            get { return _openRequests; }
        }

        public int ClientCloses
        {
            get { return _clientCloses; }
        }

        public bool IsOpen
        {
            get { return _client.State == WebSocketState.Open; }
        }

        /// <summary>
        /// The simulated TLS handshake of a wss:// Open: null when it succeeds, else why it failed,
        /// in the words the real adapters use.
        /// </summary>
        internal string CheckTls(TlsSettings tls)
        {
            string failure = null;
            if (tls == null || !tls.HasTrustedRoot)
            {
                failure = "TLS: no CSMS root certificate installed; not connecting to a wss:// CSMS";
            }
            else if (ServerRootPem != null && !ContainsCertificate(tls.TrustedRootsPem, ServerRootPem))
            {
                failure = "TLS: the CSMS certificate does not chain to an installed CSMS root certificate";
            }
            else if (ServerCertificateExpired)
            {
                failure = "TLS: the CSMS certificate has expired or is not yet valid";
            }

            if (failure != null)
            {
                TlsRefusals++;
            }

            return failure;
        }

        private static bool ContainsCertificate(string bundle, string pem)
        {
            string body = Squeeze(pem);
            return body.Length > 0 && Squeeze(bundle).IndexOf(body) >= 0;
        }

        private static string Squeeze(string pem)
        {
            char[] chars = pem.ToCharArray();
            char[] kept = new char[chars.Length];
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c != '\r' && c != '\n' && c != ' ' && c != '\t')
                {
                    kept[n++] = c;
                }
            }

            return new string(kept, 0, n);
        }

        /// <summary>Frames the station sent and the server has not taken yet.</summary>
        public int ReceivedCount
        {
            get { return _received.Count; }
        }

        /// <summary>The oldest frame from the station, or null.</summary>
        public string TakeReceived()
        {
            if (_received.Count == 0)
            {
                return null;
            }

            string frame = (string)_received[0];
            _received.RemoveAt(0);
            return frame;
        }

        public void Accept()
        {
            AcceptWithSubprotocol(_requestedSubprotocol);
        }

        /// <summary>Accepts the pending request answering with <paramref name="subprotocol"/> (a misbehaving server may pick another).</summary>
        public void AcceptWithSubprotocol(string subprotocol)
        {
            _hasPendingOpen = false;
            _client.ServerAccepted(subprotocol);
        }

        /// <summary>Refuses the pending request, as a failed handshake or unreachable host.</summary>
        public void Refuse(int code, string reason)
        {
            _hasPendingOpen = false;
            _client.ServerClosed(code, reason);
        }

        /// <summary>Sends one text frame to the station (refused as oversize when over its limit).</summary>
        public void Send(string text)
        {
            if (_client.State != WebSocketState.Open)
            {
                throw new System.InvalidOperationException("no open connection to send on");
            }

            _client.ServerFrame(text);
        }

        /// <summary>The CSMS closes the connection.</summary>
        public void Close(int code, string reason)
        {
            _client.ServerClosed(code, reason);
        }

        internal void OnOpenRequested(string url, string subprotocol, string[] headerNames, string[] headerValues)
        {
            _openRequests++;
            _hasPendingOpen = true;
            _requestedUrl = url;
            _requestedSubprotocol = subprotocol;
            _requestedAuthorization = null;
            if (headerNames != null)
            {
                for (int i = 0; i < headerNames.Length; i++)
                {
                    if (headerNames[i] == "Authorization")
                    {
                        _requestedAuthorization = headerValues[i];
                    }
                }
            }

            if (UnreachableUrlPart != null && url != null && url.IndexOf(UnreachableUrlPart) >= 0)
            {
                UnreachableRefusals++;
                Refuse(1006, "connect failed: host unreachable");
                return;
            }

            if (!AutoAccept)
            {
                return;
            }

            if (RequiredSubprotocol != null && RequiredSubprotocol != subprotocol)
            {
                Refuse(1002, "connect failed: subprotocol " + RequiredSubprotocol + " not offered");
                return;
            }

            if (RequiredAuthorization != null && RequiredAuthorization != _requestedAuthorization)
            {
                Refuse(1008, "connect failed: HTTP 401");
                return;
            }

            Accept();
        }

        internal void OnClientFrame(string text)
        {
            _received.Add(text);
        }

        internal void OnClientClosed()
        {
            _clientCloses++;
        }
    }
}
