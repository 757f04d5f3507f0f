using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Crypto.Tests;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// InstallCertificate, GetInstalledCertificateIds and DeleteCertificate (M03-M05) sent by the
/// strict ocpp-rpc CSMS (official schemas both ways), with openssl-made roots; the hash data the
/// station reports is what .NET computes for the same certificate, and the CSMS deletes with it.
/// </summary>
[Trait("Category", "Interop")]
public class CertificateManagementInteropTests : IClassFixture<NodeCsmsFixture>, IDisposable
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;
    private readonly OpenSslCa _ca = new();

    public CertificateManagementInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    public void Dispose() => _ca.Dispose();

    private InteropStation Registered(string identity)
    {
        var station = new InteropStation(_csms.Url, identity, Password);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password }), () => { });
        _csms.WaitEvent(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == identity
            && e.GetProperty("method").GetString() == "StatusNotification", Wait, station.Tick);
        return station;
    }

    private JsonElement Call(InteropStation s, string method, JsonNode payload)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = method, ["params"] = payload }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    private string Root(string name, string kind)
    {
        _ca.Key(name, kind);
        _ca.Cert(name, "/CN=" + name + "/O=Interop", null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddYears(3));
        return _ca.Pem(name);
    }

    [Fact]
    public void InstallListAndDeleteAgainstTheStrictCsms_M03_M04_M05()
    {
        using var s = Registered("IOP-CERTS");
        string csmsRoot = Root("csms-root", "rsa:2048");
        string makerRoot = Root("maker-root", "ec:P-256");

        Assert.Equal("Accepted", Call(s, "InstallCertificate", new JsonObject { ["certificateType"] = "CSMSRootCertificate", ["certificate"] = csmsRoot }).GetProperty("status").GetString());
        Assert.Equal("Accepted", Call(s, "InstallCertificate", new JsonObject { ["certificateType"] = "ManufacturerRootCertificate", ["certificate"] = makerRoot }).GetProperty("status").GetString());
        var rejected = Call(s, "InstallCertificate", new JsonObject { ["certificateType"] = "V2GRootCertificate", ["certificate"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" });
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());

        var list = Call(s, "GetInstalledCertificateIds", new JsonObject { ["certificateType"] = new JsonArray("ManufacturerRootCertificate") });
        Assert.Equal("Accepted", list.GetProperty("status").GetString());
        var hashData = list.GetProperty("certificateHashDataChain")[0].GetProperty("certificateHashData");
        var maker = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_ca.Dir, "maker-root.pem"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(maker.IssuerName.RawData)), hashData.GetProperty("issuerNameHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(maker.PublicKey.EncodedKeyValue.RawData)), hashData.GetProperty("issuerKeyHash").GetString());
        Assert.Equal(maker.SerialNumber.TrimStart('0').ToLowerInvariant(), hashData.GetProperty("serialNumber").GetString());

        var delete = new JsonObject { ["certificateHashData"] = JsonNode.Parse(hashData.GetRawText()) };
        Assert.Equal("Accepted", Call(s, "DeleteCertificate", delete).GetProperty("status").GetString());
        Assert.Equal("NotFound", Call(s, "DeleteCertificate", JsonNode.Parse(delete.ToJsonString())!).GetProperty("status").GetString());

        var csmsList = Call(s, "GetInstalledCertificateIds", new JsonObject());
        Assert.Equal(1, csmsList.GetProperty("certificateHashDataChain").GetArrayLength());
        var lastRoot = new JsonObject { ["certificateHashData"] = JsonNode.Parse(csmsList.GetProperty("certificateHashDataChain")[0].GetProperty("certificateHashData").GetRawText()) };
        Assert.Equal("Failed", Call(s, "DeleteCertificate", lastRoot).GetProperty("status").GetString());
        Assert.Equal("NotFound", Call(s, "GetInstalledCertificateIds", new JsonObject { ["certificateType"] = new JsonArray("ManufacturerRootCertificate") }).GetProperty("status").GetString());

        long end = Environment.TickCount64 + 200;
        while (Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }

        Assert.Empty(_csms.StrictFailures(s.Identity));
    }
}
