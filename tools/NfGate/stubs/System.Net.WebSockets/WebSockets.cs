using System.Net.Security;
using System.Net.WebSockets.WebSocketFrame;
using System.Security.Cryptography.X509Certificates;

namespace System.Net.WebSockets.WebSocketFrame
{
    public enum WebSocketState
    {
        None = 0,
        Connecting = 1,
        Open = 2,
        CloseSent = 3,
        CloseReceived = 4,
        Closed = 5,
        Aborted = 6,
    }

    public enum WebSocketMessageType
    {
        Text = 0,
        Binary = 1,
        Close = 2,
    }

    public enum WebSocketCloseStatus
    {
        NormalClosure = 1000,
        EndpointUnavailable = 1001,
        ProtocolError = 1002,
        InvalidMessageType = 1003,
        Empty = 1005,
        ClosedAbnormally = 1006,
        InvalidPayloadData = 1007,
        PolicyViolation = 1008,
        MessageTooBig = 1009,
        MandatoryExtension = 1010,
        InternalServerError = 1011,
    }

    public enum FragmentationType
    {
        NotFragmented,
        FirstFragment,
        Fragment,
        FinalFragment,
    }

    public class WebSocketOptions
    {
        public int MaxReceiveFrameSize { get { throw null; } set { } }
        public int MaxFragmentSize { get { throw null; } set { } }
        public TimeSpan KeepAliveInterval { get { throw null; } set { } }
        public TimeSpan ServerTimeout { get { throw null; } set { } }
    }
}

namespace System.Net.WebSockets
{
    public class MessageFrame
    {
        public IPEndPoint EndPoint { get { throw null; } set { } }
        public WebSocketMessageType MessageType { get { throw null; } }
    }

    public class ReceiveMessageFrame : MessageFrame
    {
        public FragmentationType Fragmentation { get { throw null; } set { } }
        public bool IsFragmented { get { throw null; } }
        public int MessageLength { get { throw null; } set { } }
        public byte[] Buffer { get { throw null; } set { } }
    }

    public class MessageReceivedEventArgs : EventArgs
    {
        public ReceiveMessageFrame Frame { get { throw null; } }
    }

    public delegate void MessageReceivedEventHandler(object sender, MessageReceivedEventArgs e);

    public class ClientWebSocketOptions : WebSocketOptions
    {
        public SslProtocols SslProtocol { get { throw null; } set { } }
        public SslVerification SslVerification { get { throw null; } set { } }
        public X509Certificate Certificate { get { throw null; } set { } }
    }

    // ClientWebSocket/ClientWebSocketHeaders.cs: a string-keyed header map sent with the handshake.
    public class ClientWebSocketHeaders
    {
        public ClientWebSocketHeaders() { }
        public int Count { get { throw null; } }
        public string[] Keys { get { throw null; } }
        public string[] Values { get { throw null; } }
        public string this[string key] { get { throw null; } set { } }
        public void Remove(string value) { }
    }

    public abstract class WebSocket : IDisposable
    {
        protected WebSocket(WebSocketOptions options = null) { }
        // WebSocket.cs: runs the frame layer over a stream the subclass opened and upgraded itself.
        protected void ConnectToStream(System.Net.Sockets.NetworkStream stream, bool isServer, System.Net.Sockets.Socket socket) { }
        public bool IsServer { get { throw null; } }
        public TimeSpan ServerTimeout { get { throw null; } }
        public TimeSpan KeepAliveInterval { get { throw null; } }
        public int MaxReceiveFrameSize { get { throw null; } }
        public int MaxFragmentSize { get { throw null; } }
        public abstract WebSocketState State { get; set; }
        public IPEndPoint RemoteEndPoint { get { throw null; } }
        public event MessageReceivedEventHandler MessageReceived { add { } remove { } }
        public event EventHandler ConnectionClosed { add { } remove { } }
        public bool Send(byte[] buffer, WebSocketMessageType messageType, int fragmentSize = -1) { throw null; }
        public bool SendString(string message, int fragmentSize = -1) { throw null; }
        public bool SendBytes(byte[] data, int fragmentSize = -1) { throw null; }
        public void Close(WebSocketCloseStatus closeStatus = WebSocketCloseStatus.Empty, string statusDescription = null) { }
        public void Abort() { }
        public void Dispose() { }
    }

    public class ClientWebSocket : WebSocket, IDisposable
    {
        public ClientWebSocket(ClientWebSocketOptions options = null) { }
        public bool IsSSL { get { throw null; } }
        public int Port { get { throw null; } }
        public SslProtocols SslProtocol { get { throw null; } }
        public string Host { get { throw null; } }
        public bool UseCustomCertificate { get { throw null; } }
        public string Prefix { get { throw null; } }
        public SslVerification SslVerification { get { throw null; } set { } }
        public X509Certificate CACertificate { get { throw null; } set { } }
        public bool UseStoredDeviceCertificate { get { throw null; } set { } }
        public override WebSocketState State { get { throw null; } set { } }
        public void Connect(string uri, ClientWebSocketHeaders headers = null) { }
        public new void Dispose() { }
    }
}
