namespace System.Net
{
    public abstract class EndPoint
    {
    }

    public class IPAddress
    {
        public IPAddress(long newAddress) { }
        public IPAddress(byte[] newAddressBytes) { }
        public static IPAddress Parse(string ipString) { throw null; }
        public override string ToString() { throw null; }
    }

    public class IPHostEntry
    {
        public string HostName { get { throw null; } }
        public IPAddress[] AddressList { get { throw null; } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw null; }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { }
        public IPEndPoint(IPAddress address, int port) { }
        public IPAddress Address { get { throw null; } }
        public int Port { get { throw null; } }
        public override string ToString() { throw null; }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23,
    }

    public enum SocketType
    {
        Unknown = -1,
        Stream = 1,
        Dgram = 2,
        Raw = 3,
    }

    public enum ProtocolType
    {
        Unknown = -1,
        IP = 0,
        Tcp = 6,
        Udp = 17,
    }

    public class SocketException : Exception
    {
        public int ErrorCode { get { throw null; } }
    }

    // Sockets/Socket.cs: only the members device code uses.
    public class Socket
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { }
        public EndPoint RemoteEndPoint { get { throw null; } }
        public bool Connected { get { throw null; } }
        public int ReceiveTimeout { get { throw null; } set { } }
        public int SendTimeout { get { throw null; } set { } }
        public void Connect(EndPoint remoteEP) { }
        public void Close() { }
    }

    // Sockets/NetworkStream.cs
    public class NetworkStream : System.IO.Stream
    {
        public NetworkStream(Socket socket) { }
        public NetworkStream(Socket socket, bool ownsSocket) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public virtual bool DataAvailable { get { throw null; } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int Read(SpanByte buffer) { throw null; }
        public override long Seek(long offset, System.IO.SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
    }
}

namespace System.Net.Security
{
    // Security/SslStream.cs: TLS over a connected socket; the client certificate comes from managed memory.
    public class SslStream : System.Net.Sockets.NetworkStream
    {
        public SslStream(System.Net.Sockets.Socket socket) : base(socket) { }
        public SslVerification SslVerification { get { throw null; } set { } }
        public bool UseStoredDeviceCertificate { get { throw null; } set { } }
        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, System.Security.Cryptography.X509Certificates.X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, System.Security.Cryptography.X509Certificates.X509Certificate clientCertificate, System.Security.Cryptography.X509Certificates.X509Certificate ca, SslProtocols enabledSslProtocols) { }
    }

    [Flags]
    public enum SslProtocols
    {
        None = 0x00,
        Tls = 0x10,
        Tls11 = 0x20,
        Tls12 = 0x40,
        Tls13 = 0x80,
    }

    public enum SslVerification
    {
        NoVerification = 1,
        VerifyPeer = 2,
        CertificateRequired = 4,
        VerifyClientOnce = 8,
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { }
        public X509Certificate(byte[] certificate) { }
        public X509Certificate(string certificate) { }
    }

    // X509Certificates/X509Certificate2.cs: a certificate with its private key (PEM strings; the
    // library appends the NUL terminator mbedTLS needs).
    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2() { }
        public X509Certificate2(byte[] rawData) { }
        public X509Certificate2(string certificate) { }
        public X509Certificate2(string rawData, string key, string password) { }
        public X509Certificate2(byte[] rawData, string key, string password) { }
        public X509Certificate2(byte[] rawData, byte[] key, string password) { }
        public bool HasPrivateKey { get { throw null; } }
    }
}
