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

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { }
        public IPEndPoint(IPAddress address, int port) { }
        public IPAddress Address { get { throw null; } }
        public int Port { get { throw null; } }
        public override string ToString() { throw null; }
    }
}

namespace System.Net.Security
{
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
}
