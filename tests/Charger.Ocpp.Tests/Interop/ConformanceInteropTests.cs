using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Issue 17 items 8, 9 and 11 against the strict ocpp-rpc CSMS (tests/interop/ocpp/csms.js): bursts
/// and oversize frames, case-insensitive names, reconnection back-off.
/// </summary>
[Trait("Category", "Interop")]
public class ConformanceInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;

    public ConformanceInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private InteropStation Registered(string identity)
    {
        var station = new InteropStation(_csms.Url, identity, Password);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password }), () => { });
        _csms.WaitEvent(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == identity
            && e.GetProperty("method").GetString() == "StatusNotification", Wait, station.Tick);
        return station;
    }

    [Fact]
    public void BurstOfTenCallsIsAnsweredCallByCallWithCallErrorsWhereTheQueueIsFull_OcppJ_4_2()
    {
        using var s = Registered("IOP-BURST");
        var ids = Enumerable.Range(0, 10).Select(i => _csms.Send(new JsonObject
        {
            ["cmd"] = "raw", ["identity"] = s.Identity, ["text"] = "[2,\"burst-" + i + "\",\"ClearCache\",{}]", ["expectId"] = "burst-" + i,
        })).ToList();

        var replies = ids.Select(id => _csms.WaitReply(id, s.Tick)).ToList();
        var types = replies.Select(r => r.GetProperty("frame")[0].GetInt32()).ToList();
        Assert.Equal(10, types.Count);
        Assert.All(types, t => Assert.True(t == 3 || t == 4));
        Assert.All(replies.Where(r => r.GetProperty("frame")[0].GetInt32() == 4),
            r => Assert.Equal("GenericError", r.GetProperty("frame")[2].GetString()));
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void FrameOverTheSizeLimitClosesTheConnectionWithCode1009AndALogLine_OcppJ_RFC6455_7_4_1()
    {
        using var s = Registered("IOP-OVERSIZE");
        string big = "[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + new string('a', 200_000) + "\"}]";
        _csms.Send(new JsonObject { ["cmd"] = "raw", ["identity"] = s.Identity, ["text"] = big, ["expectId"] = "big-1" });
        var close = _csms.WaitEvent(e => e.GetProperty("event").GetString() == "close" && e.GetProperty("identity").GetString() == s.Identity, Wait, s.Tick);
        Assert.Equal(1009, close.GetProperty("code").GetInt32());
        long end = Environment.TickCount64 + 300;
        while (Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }

        Assert.True(s.Log.Contains("1009"), "no log line names the 1009 close");
    }

    [Fact]
    public void CaseInsensitiveComponentAndVariableNames_B06()
    {
        using var s = Registered("IOP-CASE");
        var reply = _csms.WaitReply(_csms.Send(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = "GetVariables",
            ["params"] = JsonNode.Parse("{\"getVariableData\":[{\"component\":{\"name\":\"ocppcommctrlr\"},\"variable\":{\"name\":\"heartbeatinterval\"}}]}"),
        }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        Assert.Equal("Accepted", reply.GetProperty("result").GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }
}
