using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// The stubs are shaped like the real packages: members live in the assembly that ships them,
    /// and what 1.x lacks is missing here too (so the gate fails where a board build would).
    /// </summary>
    public class StubSurfaceTests
    {
        [Fact]
        public void TickCount64_NeedsNanoFrameworkRuntimeNative_AsOnTheBoard()
        {
            const string source = "namespace Device { public class C { public long Now() { return System.Environment.TickCount64; } } }";

            Assert.Contains(GateCompiler.Gate(source, "mscorlib"), d => d.Id == "CS0117" || d.Id == "CS0234" || d.Id == "CS0103");
            Assert.Empty(GateCompiler.Gate(source, "mscorlib", "nanoFramework.Runtime.Native"));
        }

        [Fact]
        public void StringBuilder_NeedsNanoFrameworkSystemText_NotMscorlib()
        {
            const string source = "namespace Device { public class C { public string S() { return new System.Text.StringBuilder().Append(1).ToString(); } } }";

            Assert.Contains(GateCompiler.Gate(source, "mscorlib"), d => d.Id == "CS0234" || d.Id == "CS0246");
            Assert.Empty(GateCompiler.Gate(source, "mscorlib", "nanoFramework.System.Text"));
        }

        [Fact]
        public void Utf8Encoding_NeedsNanoFrameworkSystemText_NotMscorlib()
        {
            // The real mscorlib 1.17.11 has no System.Text namespace at all: a stub that put Encoding
            // there let the gate pass code that the board build refused.
            const string source = "namespace Device { public class C { public byte[] B(string s) { return System.Text.Encoding.UTF8.GetBytes(s); } } }";

            Assert.Contains(GateCompiler.Gate(source, "mscorlib"), d => d.Id == "CS0234" || d.Id == "CS0246");
            Assert.Empty(GateCompiler.Gate(source, "mscorlib", "nanoFramework.System.Text"));
        }

        [Fact]
        public void Hashtable_NeedsNanoFrameworkSystemCollections_ArrayListDoesNot()
        {
            const string hashtable = "namespace Device { public class C { public object T() { return new System.Collections.Hashtable(); } } }";
            const string arrayList = "namespace Device { public class C { public object T() { return new System.Collections.ArrayList(); } } }";

            Assert.Contains(GateCompiler.Gate(hashtable, "mscorlib"), d => d.Id == "CS0234" || d.Id == "CS0246");
            Assert.Empty(GateCompiler.Gate(hashtable, "mscorlib", "nanoFramework.System.Collections"));
            Assert.Empty(GateCompiler.Gate(arrayList, "mscorlib"));
        }

        [Fact]
        public void Math_LivesInSystemMath_WithOnlyTheOverloadsThePackageDeclares()
        {
            const string ints = "namespace Device { public class C { public int M() { return System.Math.Max(1, 2); } } }";
            const string longs = "namespace Device { public class C { public long M(long a, long b) { return System.Math.Max(a, b); } } }";

            Assert.Contains(GateCompiler.Gate(ints, "mscorlib"), d => d.Id == "CS0234" || d.Id == "CS0117" || d.Id == "CS0103");
            Assert.Empty(GateCompiler.Gate(ints, "mscorlib", "System.Math"));
            // 1.x Math.Max has no long overload: the double overload is picked and does not fit a long.
            Assert.Contains(GateCompiler.Gate(longs, "mscorlib", "System.Math"), d => d.Id == "CS0266");
        }

        [Fact]
        public void WebSocket_ConnectTakesHeaders_AndReceiveIsAnEvent()
        {
            const string source = @"
using System.Net.WebSockets;
namespace Device
{
    public class C
    {
        public void Open()
        {
            var headers = new ClientWebSocketHeaders();
            headers[""Sec-WebSocket-Protocol""] = ""ocpp2.0.1"";
            var socket = new ClientWebSocket(null);
            socket.MessageReceived += OnMessage;
            socket.Connect(""ws://csms.example/ocpp/CP1"", headers);
            bool open = socket.State == System.Net.WebSockets.WebSocketFrame.WebSocketState.Open;
            socket.SendString(""[2,\""1\"",\""Heartbeat\"",{}]"");
        }

        private void OnMessage(object sender, MessageReceivedEventArgs e)
        {
            int n = e.Frame.MessageLength;
            byte[] b = e.Frame.Buffer;
        }
    }
}";
            Assert.Empty(GateCompiler.Gate(source, "mscorlib", "System.Net", "System.Net.WebSockets"));
        }

        [Fact]
        public void StreamSubclass_MustImplementReadSpanByte_AsTheRealSystemIOStreamsDeclaresIt()
        {
            // The board build refused a test stream without Read(SpanByte) (CS0534); the gate must too.
            const string body = "public override bool CanRead => true; public override bool CanSeek => false; public override bool CanWrite => true; " +
                "public override long Length => 0; public override long Position { get => 0; set { } } public override void Flush() { } " +
                "public override long Seek(long o, System.IO.SeekOrigin s) => 0; public override void SetLength(long v) { } " +
                "public override int Read(byte[] b, int o, int c) => 0; public override void Write(byte[] b, int o, int c) { } ";
            string without = "namespace Device { public class S : System.IO.Stream { " + body + "} }";
            string with = "namespace Device { public class S : System.IO.Stream { " + body + "public override int Read(System.SpanByte b) => 0; } }";

            Assert.Contains(GateCompiler.Gate(without, "mscorlib"), d => d.Id == "CS0534");
            Assert.Empty(GateCompiler.Gate(with, "mscorlib"));
        }

        [Fact]
        public void OwnTlsWebSocket_SslStreamWithClientCertificateAndConnectToStream_CompileAsOnTheBoard()
        {
            const string source = @"
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
namespace Device
{
    public class Own : WebSocket
    {
        private System.Net.WebSockets.WebSocketFrame.WebSocketState _s;
        public Own() : base(new System.Net.WebSockets.WebSocketFrame.WebSocketOptions()) { }
        public override System.Net.WebSockets.WebSocketFrame.WebSocketState State { get { return _s; } set { _s = value; } }
        public void Open(string host, int port, string certPem, string keyPem, string rootsPem)
        {
            IPHostEntry entry = Dns.GetHostEntry(host);
            Socket tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.ReceiveTimeout = 30000;
            tcp.Connect(new IPEndPoint(entry.AddressList[0], port));
            SslStream ssl = new SslStream(tcp);
            ssl.SslVerification = SslVerification.CertificateRequired;
            ssl.AuthenticateAsClient(host, new X509Certificate2(certPem, keyPem, null), new X509Certificate(rootsPem), SslProtocols.Tls12);
            ConnectToStream(ssl, false, tcp);
        }
    }
}";
            Assert.Empty(GateCompiler.Gate(source, "mscorlib", "System.Net", "System.Net.WebSockets"));
            // ClientWebSocket has no client-certificate member: only the stored device certificate.
            const string absent = "namespace Device { public class C { public void M(System.Net.WebSockets.ClientWebSocket s) { s.ClientCertificate = null; } } }";
            Assert.Contains(GateCompiler.Gate(absent, "mscorlib", "System.Net", "System.Net.WebSockets"), d => d.Id == "CS1061");
        }

        [Fact]
        public void FileMove_HasNoOverwriteOverload_SoAtomicReplaceCannotRelyOnIt()
        {
            const string source = "namespace Device { public class C { public void M() { System.IO.File.Move(\"I:\\\\a\", \"I:\\\\b\", true); } } }";

            Assert.Contains(GateCompiler.Gate(source, "mscorlib", "System.IO.FileSystem"), d => d.Id == "CS1501");
        }
    }
}
