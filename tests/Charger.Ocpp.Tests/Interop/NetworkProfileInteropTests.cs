using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Hal.Sim;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// B09/B10 against the strict ocpp-rpc CSMS (official 2.0.1 schemas both ways): the CSMS stores a
/// second CSMS in slot 1, puts it first in NetworkConfigurationPriority and resets the station,
/// which comes back on a second csms.js; and the same with a second CSMS that is not there, where
/// the station falls back to the first one after NetworkProfileConnectionAttempts.
/// </summary>
[Trait("Category", "Interop")]
public class NetworkProfileInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly NodeCsms _csms;

    public NetworkProfileInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private static bool IsCall(JsonElement e, string identity, string method) =>
        e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == identity && e.GetProperty("method").GetString() == method;

    private static void Configure(NodeCsms csms, string identity) =>
        csms.WaitReply(csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password }), () => { });

    private JsonElement Call(InteropStation s, string method, JsonObject payload)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = method, ["params"] = payload }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    /// <summary>SetNetworkProfile(slot 1, url) + SetVariables(NetworkConfigurationPriority 1,0) + Reset, then the reboot.</summary>
    private InteropStation MigrateAndReset(InteropStation s, string url)
    {
        var stored = Call(s, "SetNetworkProfile", new JsonObject
        {
            ["configurationSlot"] = 1,
            ["connectionData"] = new JsonObject
            {
                ["ocppVersion"] = "OCPP20", ["ocppTransport"] = "JSON", ["ocppCsmsUrl"] = url, ["messageTimeout"] = 30,
                ["securityProfile"] = 1, ["ocppInterface"] = "Wired0",
            },
        });
        Assert.Equal("Accepted", stored.GetProperty("status").GetString());
        var set = Call(s, "SetVariables", new JsonObject
        {
            ["setVariableData"] = new JsonArray(new JsonObject
            {
                ["attributeValue"] = "1,0",
                ["component"] = new JsonObject { ["name"] = "OCPPCommCtrlr" },
                ["variable"] = new JsonObject { ["name"] = "NetworkConfigurationPriority" },
            }),
        });
        Assert.Equal("RebootRequired", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", Call(s, "Reset", new JsonObject { ["type"] = "Immediate" }).GetProperty("status").GetString());
        for (int i = 0; i < 20; i++)
        {
            s.Tick();
            Thread.Sleep(10);
        }

        Assert.True(s.Hooks.Resets.Count > 0, "the station never asked the firmware to reboot");
        s.Dispose();
        return new InteropStation(_csms.Url, s.Identity, Password, store: s.Store, reason: BootReason.RemoteReset);
    }

    private InteropStation Registered(string identity)
    {
        Configure(_csms, identity);
        var s = new InteropStation(_csms.Url, identity, Password);
        _csms.WaitEvent(e => IsCall(e, identity, "StatusNotification"), Wait, s.Tick);
        return s;
    }

    [Fact]
    public void TheStationMovesToASecondCsmsAfterReset_B09_B10()
    {
        using var second = new NodeCsms();
        const string id = "IOP-NETPROF-MOVE";
        Configure(second, id);
        using var first = Registered(id);
        using var rebooted = MigrateAndReset(first, second.Url);

        var boot = second.WaitEvent(e => IsCall(e, id, "BootNotification"), Wait, rebooted.Tick);
        Assert.Equal("RemoteReset", boot.GetProperty("params").GetProperty("reason").GetString());
        second.WaitEvent(e => IsCall(e, id, "StatusNotification"), Wait, rebooted.Tick);
        Assert.Equal(1, rebooted.Station.NetworkProfiles.ActiveSlot);
        Assert.Single(_csms.Calls(id, "BootNotification")); // the first CSMS saw only the original boot
        Assert.Empty(_csms.StrictFailures(id));
        Assert.Empty(second.StrictFailures(id));
    }

    [Fact]
    public void AnUnreachableNewCsmsFallsBackToTheFirstOne_B10_FR_03()
    {
        const string id = "IOP-NETPROF-FALLBACK";
        using var first = Registered(id);
        using var rebooted = MigrateAndReset(first, "ws://127.0.0.1:" + ClosedPort());
        var vars = rebooted.Station.Variables;
        rebooted.Station.DeviceModel.SetPersistent(vars.NetworkProfileConnectionAttempts, Charger.Ocpp.DeviceModel.AttributeType.Actual, "2");

        _csms.WaitEvent(e => IsCall(e, id, "BootNotification") && e.GetProperty("params").GetProperty("reason").GetString() == "RemoteReset",
            TimeSpan.FromSeconds(60), rebooted.Tick);
        Assert.Equal(0, rebooted.Station.NetworkProfiles.ActiveSlot);
        Assert.True(rebooted.Log.Contains("network profile slot 1 failed 2 attempt(s)"));
        Assert.Empty(_csms.StrictFailures(id));
    }

    /// <summary>A local port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
