using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Security profile 2 (OCPP 2.0.1 part 2 A00): wss:// with HTTP Basic auth, the CSMS certificate
/// checked against the configured CSMS root, against the strict ocpp-rpc CSMS on TLS 1.2+.
/// </summary>
[Trait("Category", "Interop")]
public sealed class SecurityProfile2InteropTests : IDisposable
{
    private const string Password = "interop-password-0002";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ocpp-sp2-" + Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 _root;
    private readonly NodeCsms _csms;

    public SecurityProfile2InteropTests()
    {
        Directory.CreateDirectory(_dir);
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Interop CSMS Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var server = serverRequest.Create(_root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), new byte[] { 1, 2, 3, 4 });

        string certPath = Path.Combine(_dir, "server.crt");
        string keyPath = Path.Combine(_dir, "server.key");
        File.WriteAllText(certPath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        _csms = new NodeCsms(new[] { certPath, keyPath });
    }

    private void Configure(string identity) =>
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password }), () => { });

    [Fact]
    public void Profile2ConnectsOverTlsTrustingTheCsmsRootAndBoots()
    {
        Configure("IOP-SP2");
        using var s = new InteropStation(_csms.Url, "IOP-SP2", Password, securityProfile: 2, csmsRootPem: _root.ExportCertificatePem());
        _csms.WaitEvent(_ => _csms.Calls("IOP-SP2", "StatusNotification").Count >= 2, TimeSpan.FromSeconds(20), s.Tick);
        Assert.StartsWith("wss://", s.Station.Connection.Url);
        Assert.Equal(ConnectionState.Connected, s.Station.Connection.State);
        Assert.True(_csms.Auths("IOP-SP2")[0].GetProperty("passwordOk").GetBoolean());
        Assert.Empty(_csms.StrictFailures("IOP-SP2"));
    }

    [Fact]
    public void Profile2RefusesACsmsWhoseCertificateDoesNotChainToTheConfiguredRoot()
    {
        Configure("IOP-SP2-BADROOT");
        using var otherKey = RSA.Create(2048);
        var other = new CertificateRequest("CN=Some Other Root", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var s = new InteropStation(_csms.Url, "IOP-SP2-BADROOT", Password, securityProfile: 2, csmsRootPem: other.ExportCertificatePem());
        long end = Environment.TickCount64 + 3000;
        while (Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }

        Assert.NotEqual(ConnectionState.Connected, s.Station.Connection.State);
        Assert.True(s.Log.Contains("does not chain to an installed CSMS root"), string.Join("\n", s.Log.Lines));
        Assert.Empty(_csms.Auths("IOP-SP2-BADROOT")); // refused before any HTTP request reached the CSMS
    }

    public void Dispose()
    {
        _csms.Dispose();
        _root.Dispose();
        Directory.Delete(_dir, true);
    }
}
