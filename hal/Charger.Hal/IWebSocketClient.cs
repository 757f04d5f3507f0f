namespace Charger.Hal
{
    /// <summary>
    /// A WebSocket client for OCPP-J. <see cref="Open"/> never blocks the caller: the board's
    /// ClientWebSocket.Connect blocks, so its adapter connects on the transport thread and
    /// reports through <see cref="State"/> and the handlers. Handlers may run on that thread;
    /// the OCPP layer only enqueues from them.
    /// </summary>
    public interface IWebSocketClient
    {
        WebSocketState State { get; }

        /// <summary>
        /// The subprotocol the server accepted, or null when the transport cannot tell
        /// (nanoFramework does not expose it).
        /// </summary>
        string AcceptedSubprotocol { get; }

        /// <summary>
        /// Frames longer than this are refused (see <see cref="Oversize"/>) and the connection is
        /// closed with WebSocket code 1009, message too big.
        /// </summary>
        int MaxFrameBytes { get; set; }

        /// <summary>
        /// Trust and client material for wss:// URLs, read by <see cref="Open"/>. A wss:// Open
        /// with no trusted root fails with <see cref="WebSocketCloseCodes.TlsHandshakeFailure"/>,
        /// as does a server certificate that does not chain to a trusted root, has expired or is
        /// not yet valid, or names another host. Ignored for ws:// URLs.
        /// </summary>
        TlsSettings Tls { get; set; }

        event WebSocketTextHandler TextReceived;

        event WebSocketClosedHandler Closed;

        event WebSocketOversizeHandler Oversize;

        /// <summary>
        /// Starts connecting. <paramref name="headerNames"/> and <paramref name="headerValues"/>
        /// are parallel arrays (Authorization, for instance); either may be null.
        /// </summary>
        void Open(string url, string subprotocol, string[] headerNames, string[] headerValues);

        /// <summary>Queues one text frame; false when the socket is not open.</summary>
        bool SendText(string text);

        /// <summary>WebSocket ping, for OCPPCommCtrlr.WebSocketPingInterval; false when unsupported.</summary>
        bool SendPing();

        void Close();
    }
}
