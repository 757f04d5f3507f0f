using System.Net.Sockets;
using System.Net.WebSockets;
using NfWebSocketState = System.Net.WebSockets.WebSocketFrame.WebSocketState;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// nanoFramework's WebSocket frame layer (receive thread, sender, pings, close handshake) over
    /// a stream this station opened itself: the library's ClientWebSocket can only present the
    /// configuration block's device certificate, so for a managed client certificate the adapter
    /// connects and authenticates its own SslStream, runs the opening handshake
    /// (Charger.Hal.WebSockets.WebSocketHandshake), and hands the upgraded stream to this class
    /// through the base class's protected ConnectToStream.
    /// </summary>
    internal sealed class ManagedStreamWebSocket : WebSocket
    {
        private NfWebSocketState _state = NfWebSocketState.Closed;

        public ManagedStreamWebSocket(System.Net.WebSockets.WebSocketFrame.WebSocketOptions options)
            : base(options)
        {
        }

        public override NfWebSocketState State
        {
            get { return _state; }
            set { _state = value; }
        }

        /// <summary>Starts the frame layer on an upgraded stream (the opening handshake is done).</summary>
        public void Attach(NetworkStream stream, Socket socket)
        {
            ConnectToStream(stream, false, socket);
        }
    }
}
