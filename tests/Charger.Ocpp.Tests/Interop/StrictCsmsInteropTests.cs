using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// The client over a real WebSocket against an independent CSMS (npm ocpp-rpc, strict mode with
/// the official 2.0.1 schemas, refusing connections without the ocpp2.0.1 subprotocol). Every
/// test ends by asserting zero strict-validation failures for its station in either direction.
/// </summary>
[Trait("Category", "Interop")]
public class StrictCsmsInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;

    public StrictCsmsInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private InteropStation NewStation(string identity, string[] bootStatuses = null, int bootInterval = 300, string csmsPassword = Password,
        Action<CoreVariables, StationDeviceModel> configure = null)
    {
        var configure1 = new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = csmsPassword, ["bootInterval"] = bootInterval };
        if (bootStatuses != null)
        {
            configure1["bootStatuses"] = new JsonArray(bootStatuses.Select(s => (JsonNode)s).ToArray());
        }

        var station = new InteropStation(_csms.Url, identity, Password, configure);
        _csms.WaitReply(_csms.Send(configure1), () => { });
        return station;
    }

    private JsonElement Call(InteropStation s, string method, string paramsJson)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = method, ["params"] = JsonNode.Parse(paramsJson),
        }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    /// <summary>Waits for the (<paramref name="skip"/> + 1)-th call of <paramref name="method"/> from this station.</summary>
    private JsonElement WaitCall(InteropStation s, string method, int skip = 0)
    {
        _csms.WaitEvent(_ => _csms.Calls(s.Identity, method).Count > skip, Wait, s.Tick);
        return _csms.Calls(s.Identity, method)[skip];
    }

    private void RunFor(InteropStation s, int ms)
    {
        long end = Environment.TickCount64 + ms;
        while (Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }
    }

    private void AssertNoStrictFailures(InteropStation s)
    {
        RunFor(s, 200);
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void BootAcceptedThenStatusPerConnectorAndHeartbeat_B01()
    {
        using var s = NewStation("IOP-ACCEPT", bootInterval: 1);
        var boot = WaitCall(s, "BootNotification");
        Assert.Equal("PowerUp", boot.GetProperty("params").GetProperty("reason").GetString());
        WaitCall(s, "StatusNotification", skip: 1);
        WaitCall(s, "Heartbeat");
        Assert.Equal(RegistrationState.Accepted, s.Station.Registration.State);
        Assert.Equal(1, s.Station.Variables.HeartbeatInterval.IntValue);
        Assert.True(s.Station.Clock.IsSynchronized);
        AssertNoStrictFailures(s);
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Rejected")]
    public void BootPendingOrRejectedIsRetriedAfterTheIntervalThenAccepted_B02_B03(string first)
    {
        using var s = NewStation("IOP-" + first.ToUpperInvariant(), new[] { first, "Accepted" }, bootInterval: 1);
        var firstBoot = WaitCall(s, "BootNotification");
        var secondBoot = WaitCall(s, "BootNotification", skip: 1);
        Assert.Equal(first, firstBoot.GetProperty("answered").GetString());
        Assert.Equal("Accepted", secondBoot.GetProperty("answered").GetString());
        var status = WaitCall(s, "StatusNotification");

        // Nothing but BootNotification was sent before the second boot was accepted.
        var events = _csms.Events.Where(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == s.Identity).ToList();
        int secondIndex = events.FindIndex(e => e.GetProperty("method").GetString() == "BootNotification" && e.GetProperty("answered").GetString() == "Accepted");
        Assert.All(events.Take(secondIndex), e => Assert.Equal("BootNotification", e.GetProperty("method").GetString()));
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void GetAndSetVariablesRoundTrip_B05_B06()
    {
        using var s = NewStation("IOP-VARS");
        WaitCall(s, "StatusNotification", skip: 1);
        var set = Call(s, "SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"77\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}},{\"attributeValue\":\"1\",\"component\":{\"name\":\"DeviceDataCtrlr\"},\"variable\":{\"name\":\"ValueSize\"}}]}");
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Rejected", set.GetProperty("setVariableResult")[1].GetProperty("attributeStatus").GetString());
        var get = Call(s, "GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}},{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}},{\"component\":{\"name\":\"Nope\"},\"variable\":{\"name\":\"X\"}}]}");
        var results = get.GetProperty("getVariableResult");
        Assert.Equal("77", results[0].GetProperty("attributeValue").GetString());
        Assert.Equal("Rejected", results[1].GetProperty("attributeStatus").GetString());
        Assert.Equal("UnknownComponent", results[2].GetProperty("attributeStatus").GetString());
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void GetBaseReportIsAnsweredByPagedNotifyReport_B07()
    {
        using var s = NewStation("IOP-REPORT");
        WaitCall(s, "StatusNotification", skip: 1);
        var result = Call(s, "GetBaseReport", "{\"requestId\":9,\"reportBase\":\"FullInventory\"}");
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        var last = _csms.WaitEvent(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == s.Identity
            && e.GetProperty("method").GetString() == "NotifyReport" && !e.GetProperty("params").GetProperty("tbc").GetBoolean(), Wait, s.Tick);
        var pages = _csms.Calls(s.Identity, "NotifyReport");
        Assert.Equal(Enumerable.Range(0, pages.Count), pages.Select(p => p.GetProperty("params").GetProperty("seqNo").GetInt32()));
        Assert.Equal(s.Station.DeviceModel.Count, pages.Sum(p => p.GetProperty("params").GetProperty("reportData").GetArrayLength()));
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void ResetChangeAvailabilityAndTriggerMessage_B11_G03_F06()
    {
        using var s = NewStation("IOP-REMOTE");
        WaitCall(s, "StatusNotification", skip: 1);
        Assert.Equal("Accepted", Call(s, "ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":1}}").GetProperty("status").GetString());
        var unavailable = _csms.WaitEvent(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == s.Identity
            && e.GetProperty("method").GetString() == "StatusNotification"
            && e.GetProperty("params").GetProperty("connectorStatus").GetString() == "Unavailable", Wait, s.Tick);
        Assert.Equal(1, unavailable.GetProperty("params").GetProperty("evseId").GetInt32());

        Assert.Equal("Accepted", Call(s, "TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}").GetProperty("status").GetString());
        WaitCall(s, "Heartbeat");
        Assert.Equal("Rejected", Call(s, "TriggerMessage", "{\"requestedMessage\":\"BootNotification\"}").GetProperty("status").GetString());
        Assert.Equal("NotImplemented", Call(s, "TriggerMessage", "{\"requestedMessage\":\"SignV2GCertificate\"}").GetProperty("status").GetString());

        s.Hooks.RunningTransactions.Add(2);
        Assert.Equal("Scheduled", Call(s, "Reset", "{\"type\":\"OnIdle\"}").GetProperty("status").GetString());
        Assert.Equal("Rejected", Call(s, "Reset", "{\"type\":\"Immediate\",\"evseId\":1}").GetProperty("status").GetString());
        s.Hooks.RunningTransactions.Clear();
        RunFor(s, 100);
        Assert.Equal(new[] { (false, 0) }, s.Hooks.Resets);
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void WrongBasicAuthPasswordBacksOffByTheConfiguredRulesThenConnects()
    {
        using var s = NewStation("IOP-BADPW", csmsPassword: "some-other-password-xyz", configure: (vars, model) =>
            model.SetPersistent(vars.RetryBackOffRepeatTimes, AttributeType.Actual, "2"));
        _csms.WaitEvent(e => _csms.Auths(s.Identity).Count >= 5, TimeSpan.FromSeconds(30), s.Tick);
        var times = _csms.Auths(s.Identity).Select(a => a.GetProperty("at").GetInt64()).ToList();
        Assert.All(_csms.Auths(s.Identity), a => Assert.False(a.GetProperty("accepted").GetBoolean()));
        long[] expectedMs = { 1000, 2000, 4000, 4000 }; // 1 s doubled, capped after RetryBackOffRepeatTimes = 2
        for (int i = 0; i < expectedMs.Length; i++)
        {
            Assert.InRange(times[i + 1] - times[i], expectedMs[i] - 50, expectedMs[i] + 900);
        }

        Assert.True(s.Log.Contains("HTTP 401"), string.Join("\n", s.Log.Lines));
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["password"] = Password }), s.Tick);
        WaitCall(s, "BootNotification");
        Assert.Equal(ConnectionState.Connected, s.Station.Connection.State);
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void CsmsClosingMidSessionIsFollowedByReconnectionAndFreshStatuses()
    {
        using var s = NewStation("IOP-CLOSE");
        WaitCall(s, "StatusNotification", skip: 1);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "close", ["identity"] = s.Identity, ["code"] = 1001 }), s.Tick);
        _csms.WaitEvent(e => _csms.Auths(s.Identity).Count >= 2, Wait, s.Tick);
        WaitCall(s, "StatusNotification", skip: 3);
        Assert.Single(_csms.Calls(s.Identity, "BootNotification"));
        Assert.True(s.Log.Contains("connection lost"));
        AssertNoStrictFailures(s);
    }

    [Theory]
    [InlineData("[2,\"raw-1\",\"BrewCoffee\",{}]", "raw-1", "NotImplemented")]
    [InlineData("[2,\"raw-2\",\"Reset\",{\"type\":\"Sometimes\"}]", "raw-2", "PropertyConstraintViolation")]
    [InlineData("[2,\"raw-3\",\"Reset\",{}]", "raw-3", "OccurrenceConstraintViolation")]
    [InlineData("[2,\"raw-4\",\"GetVariables\",{\"getVariableData\":\"all\"}]", "raw-4", "TypeConstraintViolation")]
    [InlineData("[2,\"raw-5\",\"PublishFirmware\",{}]", "raw-5", "NotSupported")]
    [InlineData("[2,\"raw-6\",\"SetChargingProfile\",{}]", "raw-6", "OccurrenceConstraintViolation")]
    [InlineData("this is not json", "-1", "RpcFrameworkError")]
    public void MalformedOrUnknownCsmsCallsGetTheRightCallError(string frame, string expectId, string expectedCode)
    {
        using var s = NewStation("IOP-RAW-" + expectId);
        WaitCall(s, "StatusNotification", skip: 1);
        var reply = _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "raw", ["identity"] = s.Identity, ["text"] = frame, ["expectId"] = expectId }), s.Tick);
        var error = reply.GetProperty("frame");
        Assert.Equal(4, error[0].GetInt32());
        Assert.Equal(expectedCode, error[2].GetString());

        // The station is still in service afterwards.
        Assert.Equal("Accepted", Call(s, "TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}").GetProperty("status").GetString());
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void FrameOverTheLimitIsRefusedByTheRealTransportAndTheSessionGoesOn()
    {
        using var s = NewStation("IOP-OVERSIZE-1");
        WaitCall(s, "StatusNotification", skip: 1);
        string big = "[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + new string('z', 40_000) + "\"}]";
        _csms.Send(new JsonObject { ["cmd"] = "raw", ["identity"] = s.Identity, ["text"] = big, ["expectId"] = "big-1" });
        _csms.WaitEvent(_ => s.Station.Rpc.OversizeFrames == 1, Wait, s.Tick);
        Assert.True(s.Log.Contains("refused a frame of"));

        // Issue 17 item 11: the refusal closes the connection with 1009; the station reconnects
        // (no second boot) and the session goes on.
        var close = _csms.WaitEvent(e => e.GetProperty("event").GetString() == "close" && e.GetProperty("identity").GetString() == s.Identity, Wait, s.Tick);
        Assert.Equal(1009, close.GetProperty("code").GetInt32());
        WaitCall(s, "StatusNotification", skip: 3);
        Assert.Equal("Accepted", Call(s, "TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}").GetProperty("status").GetString());
        Assert.Single(_csms.Calls(s.Identity, "BootNotification"));
        AssertNoStrictFailures(s);
    }
}
