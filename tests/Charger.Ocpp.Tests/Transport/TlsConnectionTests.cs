using System.Text.Json;
using Charger.Crypto.Tests;
using Charger.Hal;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Transport;

/// <summary>
/// Issue 16, profiles 2 and 3 in virtual time on the loopback socket, whose simulated handshake
/// applies the rules every adapter shares (TlsSettings): a trusted root is required, the server's
/// root must be among them, and the material is read at every attempt.
/// </summary>
public class TlsConnectionTests
{
    internal const string RootA = "-----BEGIN CERTIFICATE-----\nQUFBQQ==\n-----END CERTIFICATE-----\n";
    internal const string RootB = "-----BEGIN CERTIFICATE-----\nQkJCQg==\n-----END CERTIFICATE-----\n";
    private const string ClientCert = "-----BEGIN CERTIFICATE-----\nQ0xJRU5U\n-----END CERTIFICATE-----\n";
    private const string ClientKey = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";

    private static StationHarness Harness(int profile, string roots, string cert = null, string key = null)
    {
        var h = new StationHarness(config: new StationConfig
        {
            CsmsUrl = "wss://csms.test",
            SecurityProfile = profile,
            BasicAuthPassword = StationHarness.Password,
            CsmsRootCertificatesPem = roots,
            ClientCertificatePem = cert,
            ClientPrivateKeyPem = key,
        });
        h.Socket.Server.ServerRootPem = RootA;
        return h;
    }

    [Fact]
    public void Profile2WithoutAnInstalledRootNeverSendsAnHttpRequest_A00()
    {
        var h = Harness(2, null);
        h.Tick(3);
        Assert.NotEqual(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(0, h.Socket.Server.OpenRequests);
        Assert.Equal(1, h.Station.Connection.TlsFailures);
        Assert.Contains("no CSMS root certificate installed", h.Station.Connection.LastTlsFailure);
        Assert.Contains("(code 1015)", h.Station.Connection.LastTlsFailure);
        Assert.True(h.Log.Contains("refused the CSMS in the TLS handshake"));
    }

    [Fact]
    public void Profile2RefusesAServerWhoseRootIsNotInstalledAndAcceptsItsOwn()
    {
        var wrong = Harness(2, RootB);
        wrong.Tick(3);
        Assert.Equal(0, wrong.Socket.Server.OpenRequests);
        Assert.Equal(1, wrong.Socket.Server.TlsRefusals);
        Assert.Contains("does not chain", wrong.Station.Connection.LastTlsFailure);

        var both = Harness(2, RootB + RootA); // any installed root will do
        both.Tick(3);
        Assert.Equal(ConnectionState.Connected, both.Station.Connection.State);
        Assert.Equal(0, both.Station.Connection.TlsFailures);
    }

    [Fact]
    public void ARefusedCsmsCertificateIsAnInvalidCsmsCertificateSecurityEvent_A04()
    {
        var h = Harness(2, RootB); // the server's root (RootA) is not installed
        h.Tick(3);
        var log = h.Station.SecurityEvents.Log;
        bool found = false;
        for (long q = log.FirstSequence; q <= log.LastSequence; q++)
        {
            var e = log.Read(q);
            if (e != null && e.Type == "InvalidCsmsCertificate")
            {
                found = true;
                Assert.Contains("does not chain", e.TechInfo);
            }
        }

        Assert.True(found, "no InvalidCsmsCertificate in the security log");
    }

    [Fact]
    public void Profile2RefusesAnExpiredServerCertificate()
    {
        var h = Harness(2, RootA);
        h.Socket.Server.ServerCertificateExpired = true;
        h.Tick(3);
        Assert.Equal(0, h.Socket.Server.OpenRequests);
        Assert.Contains("expired", h.Station.Connection.LastTlsFailure);
    }

    [Fact]
    public void TheTlsMaterialIsReadAtEveryAttemptSoAnInstalledRootCountsFromTheNextOne()
    {
        var h = Harness(2, RootB);
        var source = new SwitchableTls { Current = new TlsSettings(RootB, null, null) };
        h.Station.Connection.TlsSource = source;
        h.Tick(3);
        Assert.Equal(1, h.Station.Connection.TlsFailures);
        source.Current = new TlsSettings(RootA, null, null);
        h.Run(70_000); // the back-off of OCPPCommCtrlr passes
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(1, h.Station.Connection.TlsFailures);
    }

    [Fact]
    public void Profile2NeverPresentsTheClientCertificateEvenWhenOneIsInstalled()
    {
        var h = Harness(2, RootA, ClientCert, ClientKey);
        h.Tick(3);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Null(h.Socket.Tls.ClientCertificatePem);
        Assert.StartsWith("Basic ", h.Socket.Server.RequestedAuthorization);
    }

    [Fact]
    public void Profile3PresentsTheClientCertificateAndSendsNoPassword_A00()
    {
        var h = Harness(3, RootA, ClientCert, ClientKey);
        h.Tick(3);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(ClientCert, h.Socket.Tls.ClientCertificatePem);
        Assert.Null(h.Socket.Server.RequestedAuthorization);
    }

    [Fact]
    public void Profile3WithoutAClientCertificateIsMisconfigured()
    {
        var h = Harness(3, RootA);
        h.Tick(3);
        Assert.Equal(ConnectionState.Misconfigured, h.Station.Connection.State);
        Assert.Equal(0, h.Socket.Server.OpenRequests);
        Assert.True(h.Log.Contains("needs a client certificate"));
    }

    [Fact]
    public void Profile3RefusesPlainWebSockets()
    {
        var h = new StationHarness(config: new StationConfig
        {
            CsmsUrl = "ws://csms.test", SecurityProfile = 3, CsmsRootCertificatesPem = RootA,
            ClientCertificatePem = ClientCert, ClientPrivateKeyPem = ClientKey,
        });
        h.Tick(3);
        Assert.Equal(ConnectionState.Misconfigured, h.Station.Connection.State);
    }

    [Fact]
    public void ACsmsRootInstalledByTheCsmsIsTrustedFromTheNextConnection_M05()
    {
        using var ca = new OpenSslCa();
        var stationNow = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc); // the harness's boot answer
        ca.Key("new-root", "ec:P-256");
        ca.Cert("new-root", "/CN=New CSMS Root", null, OpenSslCa.CaExtensions, stationNow.AddDays(-1), stationNow.AddYears(1));
        string newRoot = ca.Pem("new-root");

        var h = Harness(2, RootA);
        h.Boot();
        h.AnswerAll();
        var answer = h.Request("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "CSMSRootCertificate", certificate = newRoot }));
        Assert.Equal("Accepted", answer[2].GetProperty("status").GetString());

        // The CSMS moves to a server certificate from the new hierarchy and drops the connection.
        h.Socket.Server.ServerRootPem = newRoot;
        h.Socket.Server.Close(1001, "CSMS moved to a new certificate");
        h.Run(70_000);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(0, h.Station.Connection.TlsFailures);

        // Deleting it makes the next handshake fail again (a spare root is installed first: the
        // store never deletes the last CSMS root).
        ca.Key("spare-root", "ec:P-256");
        ca.Cert("spare-root", "/CN=Spare CSMS Root", null, OpenSslCa.CaExtensions, stationNow.AddDays(-1), stationNow.AddYears(1));
        var spare = h.Request("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "CSMSRootCertificate", certificate = ca.Pem("spare-root") }));
        Assert.Equal("Accepted", spare[2].GetProperty("status").GetString());
        string serial = ca.Openssl("x509", "-in", "new-root.pem", "-noout", "-serial").Trim().Split('=')[1].TrimStart('0').ToLowerInvariant();
        JsonElement ids = default;
        foreach (var entry in h.Request("GetInstalledCertificateIds", "{}")[2].GetProperty("certificateHashDataChain").EnumerateArray())
        {
            if (entry.GetProperty("certificateHashData").GetProperty("serialNumber").GetString()!.ToLowerInvariant() == serial)
            {
                ids = entry.GetProperty("certificateHashData");
            }
        }

        Assert.Equal(JsonValueKind.Object, ids.ValueKind);
        var deleted = h.Request("DeleteCertificate", JsonSerializer.Serialize(new { certificateHashData = ids }));
        Assert.Equal("Accepted", deleted[2].GetProperty("status").GetString());
        h.Socket.Server.Close(1001, "again");
        h.Run(70_000);
        Assert.NotEqual(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Contains("does not chain", h.Station.Connection.LastTlsFailure);
    }

    private sealed class SwitchableTls : ITlsSource
    {
        public TlsSettings Current { get; set; }

        TlsSettings ITlsSource.Current() => Current;
    }
}
