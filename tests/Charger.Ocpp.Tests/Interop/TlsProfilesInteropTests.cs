using System.IO;
using System.Text.Json.Nodes;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Issue 16: security profiles 2 and 3 against the strict ocpp-rpc CSMS behind a real Node TLS
/// server, every certificate made by `openssl` in the test. The station trusts only the CSMS root
/// certificates it holds, checks validity and the host name, refuses before any HTTP request
/// reaches the CSMS, and under profile 3 authenticates with its client certificate.
/// </summary>
[Trait("Category", "Interop")]
public sealed class TlsProfilesInteropTests : IDisposable
{
    private const string Password = "interop-password-0003";
    private readonly OpensslPki _pki = new();
    private readonly string _root;

    public TlsProfilesInteropTests()
    {
        _root = _pki.Root("csms-root", "Interop CSMS Root");
    }

    private NodeCsms StartCsms(string serverLeaf, string clientCa = null) =>
        new(new[] { serverLeaf + ".pem", serverLeaf + ".key" }, clientCa != null ? clientCa + ".pem" : null);

    private static void Configure(NodeCsms csms, string identity, string password) =>
        csms.WaitReply(csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = password }), () => { });

    private static void RunFor(InteropStation s, int ms)
    {
        long end = Environment.TickCount64 + ms;
        while (Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }
    }

    private void AssertRefused(string serverLeaf, string trustedRootPem, string expectedReason)
    {
        using var csms = StartCsms(serverLeaf);
        string id = "IOP-TLS-" + Path.GetFileName(serverLeaf).ToUpperInvariant();
        Configure(csms, id, Password);
        using var s = new InteropStation(csms.Url, id, Password, securityProfile: 2, csmsRootPem: trustedRootPem);
        RunFor(s, 2500);
        Assert.NotEqual(ConnectionState.Connected, s.Station.Connection.State);
        Assert.True(s.Station.Connection.TlsFailures > 0, string.Join("\n", s.Log.Lines));
        Assert.Contains(expectedReason, s.Station.Connection.LastTlsFailure);
        Assert.True(s.Log.Contains("refused the CSMS in the TLS handshake"), string.Join("\n", s.Log.Lines));
        Assert.Empty(csms.Auths(id)); // no HTTP request, so no password, reached the CSMS
    }

    [Fact]
    public void Profile2AcceptsAnOpensslMadeCsmsCertificateChainingToTheInstalledRoot()
    {
        string server = _pki.Leaf("good", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        using var csms = StartCsms(server);
        Configure(csms, "IOP-TLS-GOOD", Password);
        using var s = new InteropStation(csms.Url, "IOP-TLS-GOOD", Password, securityProfile: 2, csmsRootPem: _pki.Pem(_root));
        csms.WaitEvent(_ => csms.Calls("IOP-TLS-GOOD", "StatusNotification").Count >= 2, TimeSpan.FromSeconds(20), s.Tick);
        Assert.Equal(ConnectionState.Connected, s.Station.Connection.State);
        Assert.Equal(0, s.Station.Connection.TlsFailures);
        Assert.True(csms.Auths("IOP-TLS-GOOD")[0].GetProperty("passwordOk").GetBoolean());
        Assert.Empty(csms.StrictFailures("IOP-TLS-GOOD"));
    }

    [Fact]
    public void Profile2RefusesAnExpiredCsmsCertificate()
    {
        string server = _pki.Leaf("expired", _root, "127.0.0.1", "IP:127.0.0.1", client: false, days: -1);
        AssertRefused(server, _pki.Pem(_root), "expired");
    }

    [Fact]
    public void Profile2RefusesACsmsCertificateForAnotherHostName()
    {
        string server = _pki.Leaf("otherhost", _root, "csms.example.org", "DNS:csms.example.org", client: false);
        AssertRefused(server, _pki.Pem(_root), "does not name the host");
    }

    [Fact]
    public void Profile2RefusesACsmsCertificateFromAnotherRoot()
    {
        string server = _pki.Leaf("wrongroot", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        string other = _pki.Root("other-root", "Some Other Root");
        AssertRefused(server, _pki.Pem(other), "does not chain");
    }

    [Fact]
    public void Profile2WithoutAnyInstalledRootDoesNotConnectRatherThanTrustTheSystemStore()
    {
        string server = _pki.Leaf("noroot", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        AssertRefused(server, null, "no CSMS root certificate installed");
    }

    [Fact]
    public void Profile3AuthenticatesWithTheClientCertificateAndSendsNoPassword()
    {
        string server = _pki.Leaf("p3server", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        string stationCa = _pki.Root("station-ca", "Interop Station CA");
        string client = _pki.Leaf("p3client", stationCa, "IOP-TLS-P3", null, client: true);
        using var csms = StartCsms(server, stationCa);
        Configure(csms, "IOP-TLS-P3", "client-certificate");
        using var s = new InteropStation(csms.Url, "IOP-TLS-P3", Password, securityProfile: 3, csmsRootPem: _pki.Pem(_root),
            clientCertificatePem: _pki.Pem(client), clientKeyPem: _pki.Key(client));
        csms.WaitEvent(_ => csms.Calls("IOP-TLS-P3", "StatusNotification").Count >= 2, TimeSpan.FromSeconds(20), s.Tick);
        Assert.Equal(ConnectionState.Connected, s.Station.Connection.State);
        var auth = csms.Auths("IOP-TLS-P3")[0];
        Assert.Equal("IOP-TLS-P3", auth.GetProperty("clientCn").GetString());
        Assert.True(auth.GetProperty("clientAuthorized").GetBoolean());
        Assert.Empty(csms.StrictFailures("IOP-TLS-P3"));
    }

    [Fact]
    public void Profile3WithAClientCertificateTheCsmsDoesNotTrustIsRefusedByTheCsms()
    {
        string server = _pki.Leaf("p3server2", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        string stationCa = _pki.Root("station-ca2", "Interop Station CA");
        string rogueCa = _pki.Root("rogue-ca", "Rogue CA");
        string client = _pki.Leaf("p3rogue", rogueCa, "IOP-TLS-P3R", null, client: true);
        using var csms = StartCsms(server, stationCa);
        Configure(csms, "IOP-TLS-P3R", "client-certificate");
        using var s = new InteropStation(csms.Url, "IOP-TLS-P3R", Password, securityProfile: 3, csmsRootPem: _pki.Pem(_root),
            clientCertificatePem: _pki.Pem(client), clientKeyPem: _pki.Key(client));
        RunFor(s, 2500);
        Assert.NotEqual(ConnectionState.Connected, s.Station.Connection.State);
        Assert.True(s.Station.Connection.FailedAttempts > 0);
        Assert.Empty(csms.Auths("IOP-TLS-P3R"));
    }

    [Fact]
    public void Profile3WithoutAClientCertificateIsMisconfiguredAndNeverConnects()
    {
        string server = _pki.Leaf("p3nocert", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
        using var csms = StartCsms(server);
        Configure(csms, "IOP-TLS-P3N", Password);
        using var s = new InteropStation(csms.Url, "IOP-TLS-P3N", Password, securityProfile: 3, csmsRootPem: _pki.Pem(_root));
        RunFor(s, 500);
        Assert.Equal(ConnectionState.Misconfigured, s.Station.Connection.State);
        Assert.True(s.Log.Contains("needs a client certificate"), string.Join("\n", s.Log.Lines));
        Assert.Empty(csms.Auths("IOP-TLS-P3N"));
    }

    public void Dispose() => _pki.Dispose();
}
