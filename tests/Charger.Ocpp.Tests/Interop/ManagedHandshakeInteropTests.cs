using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Charger.Hal.WebSockets;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// The board's profile-3 connection path proven against a real server: the SAME handshake code
/// the board runs over its SslStream (Charger.Hal.WebSockets.WebSocketHandshake) runs here over
/// a desktop TcpClient + SslStream that presents an openssl-made client certificate, to the strict
/// ocpp-rpc CSMS behind the Node TLS server that requires client certificates of the station CA.
/// After the handshake the stream is handed to a frame layer unchanged (as the board hands it to
/// ConnectToStream) and one OCPP call and its result cross it.
/// </summary>
[Trait("Category", "Interop")]
public sealed class ManagedHandshakeInteropTests : IDisposable
{
    private readonly OpensslPki _pki = new();
    private readonly string _root;
    private readonly string _stationCa;

    public ManagedHandshakeInteropTests()
    {
        _root = _pki.Root("hs-csms-root", "Handshake CSMS Root");
        _stationCa = _pki.Root("hs-station-ca", "Handshake Station CA");
    }

    private NodeCsms StartCsms()
    {
        string server = _pki.Leaf("hs-server", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        var csms = new NodeCsms(new[] { server + ".pem", server + ".key" }, _stationCa + ".pem");
        return csms;
    }

    private static void Configure(NodeCsms csms, string identity) =>
        csms.WaitReply(csms.Send(new System.Text.Json.Nodes.JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = "client-certificate" }), () => { });

    // TLS 1.2 with the station's certificate, the CSMS checked against its root only, as on the board.
    private SslStream OpenTls(NodeCsms csms, string clientBase)
    {
        var tcp = new TcpClient();
        tcp.Connect("127.0.0.1", csms.Port);
        var root = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(_root + ".pem"));
        using var pem = X509Certificate2.CreateFromPemFile(clientBase + ".pem", clientBase + ".key");
        var client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        var ssl = new SslStream(tcp.GetStream(), false);
        ssl.AuthenticateAsClient(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            EnabledSslProtocols = SslProtocols.Tls12,
            ClientCertificates = new X509CertificateCollection { client },
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { root },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        });
        Assert.True(ssl.IsMutuallyAuthenticated);
        return ssl;
    }

    private static WebSocketHandshake Handshake(NodeCsms csms, string identity, string subprotocol = "ocpp2.0.1")
    {
        var url = WebSocketUrl.TryParse(csms.Url + "/" + identity, out string problem);
        Assert.True(url != null, problem);
        return new WebSocketHandshake(url, subprotocol, null, null, System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    }

    [Fact]
    public void TheBoardsHandshakeOverTlsWithAClientCertificateIsAcceptedAndCarriesAnOcppCall()
    {
        using var csms = StartCsms();
        const string id = "IOP-HS-P3";
        Configure(csms, id);
        string client = _pki.Leaf("hs-client", _stationCa, id, null, client: true);
        using var ssl = OpenTls(csms, client);

        var handshake = Handshake(csms, id);
        handshake.SendRequest(ssl);
        Assert.True(handshake.ReadResponse(ssl), handshake.Failure);
        Assert.Equal(101, handshake.StatusCode);
        Assert.Equal("ocpp2.0.1", handshake.AcceptedSubprotocol);

        // The frame layer takes the stream exactly where the handshake left it.
        using var ws = WebSocket.CreateFromStream(ssl, new WebSocketCreationOptions { IsServer = false, SubProtocol = handshake.AcceptedSubprotocol, KeepAliveInterval = TimeSpan.Zero });
        string call = "[2,\"hs-boot-1\",\"BootNotification\",{\"chargingStation\":{\"model\":\"AC-22\",\"vendorName\":\"ChargerFirmware\"},\"reason\":\"PowerUp\"}]";
        ws.SendAsync(Encoding.UTF8.GetBytes(call), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        var buffer = new byte[8192];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var result = ws.ReceiveAsync(buffer, cts.Token).GetAwaiter().GetResult();
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.True(result.EndOfMessage);
        using var reply = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
        Assert.Equal(3, reply.RootElement[0].GetInt32());
        Assert.Equal("hs-boot-1", reply.RootElement[1].GetString());
        Assert.Equal("Accepted", reply.RootElement[2].GetProperty("status").GetString());

        var auth = AuthOf(csms, id);
        Assert.Equal(id, auth.GetProperty("clientCn").GetString());
        Assert.True(auth.GetProperty("clientAuthorized").GetBoolean());
        csms.WaitEvent(_ => csms.Calls(id, "BootNotification").Count >= 1, TimeSpan.FromSeconds(15), () => { });
        Assert.Single(csms.Calls(id, "BootNotification"));
        Assert.Single(csms.Auths(id));
        Assert.Empty(csms.StrictFailures(id));
    }

    [Fact]
    public void ACertificateForAnotherIdentityGetsHttp401FromTheRealServer()
    {
        using var csms = StartCsms();
        const string id = "IOP-HS-401";
        Configure(csms, id);
        string client = _pki.Leaf("hs-other", _stationCa, "SOMEONE-ELSE", null, client: true);
        using var ssl = OpenTls(csms, client);

        var handshake = Handshake(csms, id);
        handshake.SendRequest(ssl);
        Assert.False(handshake.ReadResponse(ssl));
        Assert.Equal(401, handshake.StatusCode);
        Assert.StartsWith("HTTP 401: the CSMS refused the station's credentials", handshake.Failure);
        Assert.False(AuthOf(csms, id).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public void AnotherSubprotocolIsRefusedByTheRealServerWithItsStatus()
    {
        using var csms = StartCsms();
        const string id = "IOP-HS-PROTO";
        Configure(csms, id);
        string client = _pki.Leaf("hs-proto", _stationCa, id, null, client: true);
        using var ssl = OpenTls(csms, client);

        var handshake = Handshake(csms, id, subprotocol: "ocpp1.6");
        handshake.SendRequest(ssl);
        Assert.False(handshake.ReadResponse(ssl));
        Assert.Equal(400, handshake.StatusCode);
        Assert.StartsWith("HTTP 400: the CSMS refused the WebSocket upgrade", handshake.Failure);
    }

    // The CSMS reports on stdout while it answers on the socket: wait for the line, never assume it is there.
    private static JsonElement AuthOf(NodeCsms csms, string id) =>
        csms.WaitEvent(e => e.GetProperty("event").GetString() == "auth" && e.GetProperty("identity").GetString() == id, TimeSpan.FromSeconds(15), () => { });

    public void Dispose() => _pki.Dispose();
}
