using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Issue 16, profile 3 end to end against the strict ocpp-rpc CSMS behind real Node TLS servers:
/// the station, connected under profile 2, is triggered to make a key pair and a CSR
/// (SignCertificate, A02); openssl signs the CSR with a station CA; CertificateSigned installs
/// it; then the station moves to a profile-3 endpoint that admits only client certificates of
/// that CA, and connects with the new certificate (the CSMS sees its CN).
/// </summary>
[Trait("Category", "Interop")]
public sealed class StationCertificateInteropTests : IDisposable
{
    private const string Password = "interop-password-0016";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly OpensslPki _pki = new();

    public void Dispose() => _pki.Dispose();

    private static JsonElement Call(NodeCsms csms, InteropStation s, string method, JsonNode payload)
    {
        var reply = csms.WaitReply(csms.Send(new JsonObject { ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = method, ["params"] = payload }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    private string Openssl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = _pki.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        string all = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "openssl " + string.Join(' ', args) + ": " + all);
        return all;
    }

    [Fact]
    public void TriggeredCsrSignedByOpensslIsInstalledAndTheStationReconnectsUnderProfile3WithIt_A02()
    {
        const string id = "IOP-CSR-1";
        string root = _pki.Root("csms-root", "Interop CSMS Root");
        string stationCa = _pki.Root("station-ca", "Interop Station CA");
        string server = _pki.Leaf("server", root, "127.0.0.1", "IP:127.0.0.1", client: false);

        using var p2 = new NodeCsms(new[] { server + ".pem", server + ".key" });
        p2.WaitReply(p2.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = id, ["password"] = Password }), () => { });
        using var s = new InteropStation(p2.Url, id, Password, securityProfile: 2, csmsRootPem: _pki.Pem(root));
        p2.WaitEvent(_ => p2.Calls(id, "StatusNotification").Count >= 2, Wait, s.Tick);

        // The CSO's station CA becomes a trusted root of the station, and the CSO names itself.
        Assert.Equal("Accepted", Call(p2, s, "InstallCertificate", new JsonObject { ["certificateType"] = "CSMSRootCertificate", ["certificate"] = _pki.Pem(stationCa) }).GetProperty("status").GetString());
        var set = Call(p2, s, "SetVariables", new JsonObject
        {
            ["setVariableData"] = new JsonArray(new JsonObject
            {
                ["component"] = new JsonObject { ["name"] = "SecurityCtrlr" },
                ["variable"] = new JsonObject { ["name"] = "OrganizationName" },
                ["attributeValue"] = "Interop CPO",
            }),
        });
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        Assert.Equal("Accepted", Call(p2, s, "TriggerMessage", new JsonObject { ["requestedMessage"] = "SignChargingStationCertificate" }).GetProperty("status").GetString());
        var sign = p2.WaitEvent(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == id
            && e.GetProperty("method").GetString() == "SignCertificate", Wait, s.Tick);
        Assert.Equal("ChargingStationCertificate", sign.GetProperty("params").GetProperty("certificateType").GetString());
        File.WriteAllText(Path.Combine(_pki.Folder, "station.csr"), sign.GetProperty("params").GetProperty("csr").GetString());
        Assert.Contains("verify OK", Openssl("req", "-verify", "-in", "station.csr", "-noout"));
        Assert.Contains("O = Interop CPO, CN = " + id, Openssl("req", "-in", "station.csr", "-noout", "-subject", "-nameopt", "sep_comma_plus_space,space_eq"));

        File.WriteAllText(Path.Combine(_pki.Folder, "station.ext"), "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");
        Openssl("x509", "-req", "-in", "station.csr", "-CA", stationCa + ".pem", "-CAkey", stationCa + ".key", "-CAcreateserial",
            "-days", "10", "-extfile", "station.ext", "-out", "station.pem");
        string signedPem = File.ReadAllText(Path.Combine(_pki.Folder, "station.pem"));
        Assert.Equal("Accepted", Call(p2, s, "CertificateSigned", new JsonObject
        {
            ["certificateChain"] = signedPem,
            ["certificateType"] = "ChargingStationCertificate",
        }).GetProperty("status").GetString());
        Assert.NotNull(s.Station.StationCertificates.PendingCertificate);

        // The CSO moves the station to its profile-3 endpoint: client certificates of the station CA only.
        using var p3 = new NodeCsms(new[] { server + ".pem", server + ".key" }, stationCa + ".pem");
        p3.WaitReply(p3.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = id, ["password"] = "client-certificate" }), () => { });
        // The connection takes its URL and security profile from the network profile in use (B10); a CSMS
        // moves a station with SetNetworkProfile, NetworkConfigurationPriority and a reboot (NetworkProfileInteropTests).
        // Here the switch is made directly, so the reconnect itself is what the certificate switch-over rides on.
        s.Station.Connection.UseProfile(p3.Url, 3);
        s.Station.Connection.Disconnect(s.NowMs, "moved to security profile 3");

        var auth = p3.WaitEvent(e => e.GetProperty("event").GetString() == "auth" && e.GetProperty("identity").GetString() == id
            && e.GetProperty("accepted").GetBoolean(), Wait, s.Tick);
        Assert.Equal(id, auth.GetProperty("clientCn").GetString());
        Assert.True(auth.GetProperty("clientAuthorized").GetBoolean());
        p3.WaitEvent(_ => p3.Calls(id, "StatusNotification").Count >= 1, Wait, s.Tick);
        Assert.Equal(ConnectionState.Connected, s.Station.Connection.State);
        Assert.Null(s.Station.StationCertificates.PendingCertificate);
        Assert.Equal("Interop CPO", s.Station.StationCertificates.ActiveCertificate.Subject.Organization);
        string opensslSerial = Openssl("x509", "-in", "station.pem", "-noout", "-serial").Trim().Split('=')[1];
        Assert.Equal(opensslSerial.TrimStart('0').ToLowerInvariant(), s.Station.StationCertificates.ActiveCertificate.SerialNumberHex.TrimStart('0').ToLowerInvariant());
        Assert.Empty(p2.StrictFailures(id));
        Assert.Empty(p3.StrictFailures(id));
    }
}
