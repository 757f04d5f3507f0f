using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Interop;
using Charger.Ocpp.Tests.TxServices;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.TxInterop;

/// <summary>
/// Issue 6 against the independent strict CSMS (npm ocpp-rpc, strict mode, official 2.0.1
/// schemas) over a real WebSocket: local start with RFID, remote start and stop, a session across
/// an outage with offline events, cache and local-list behaviour. Each test ends with zero
/// strict-validation failures in either direction.
/// </summary>
[Trait("Category", "Interop")]
public class TransactionInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;

    public TransactionInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private sealed class Session : IDisposable
    {
        public InteropStation Station;
        public FakeEvseControl Control = new();
        public string Identity => Station.Identity;
        public TransactionService Tx => Station.Station.Transactions;
        public AuthorizationService Auth => Station.Station.Authorization;
        public long Now => Station.NowMs;

        public void Dispose() => Station.Dispose();
    }

    private Session Start(string identity, JsonObject tokens = null)
    {
        var configure = new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password, ["bootInterval"] = 300 };
        if (tokens != null)
        {
            configure["tokens"] = tokens;
        }

        var s = new Session();
        s.Station = new InteropStation(_csms.Url, identity, Password, evseControl: s.Control);
        _csms.WaitReply(_csms.Send(configure), () => { });
        WaitCall(s, "BootNotification");
        WaitUntil(s, () => s.Station.Station.Registration.State == Charger.Ocpp.Rpc.RegistrationState.Accepted);
        return s;
    }

    private JsonElement Call(Session s, string method, string paramsJson)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = method, ["params"] = JsonNode.Parse(paramsJson),
        }), s.Station.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    private JsonElement WaitCall(Session s, string method, int skip = 0)
    {
        _csms.WaitEvent(_ => _csms.Calls(s.Identity, method).Count > skip, Wait, s.Station.Tick);
        return _csms.Calls(s.Identity, method)[skip].GetProperty("params");
    }

    private List<JsonElement> Events(Session s) =>
        _csms.Calls(s.Identity, "TransactionEvent").Select(e => e.GetProperty("params")).ToList();

    private JsonElement WaitEvent(Session s, string eventType)
    {
        _csms.WaitEvent(_ => Events(s).Any(e => e.GetProperty("eventType").GetString() == eventType), Wait, s.Station.Tick);
        return Events(s).Last(e => e.GetProperty("eventType").GetString() == eventType);
    }

    private static void WaitUntil(Session s, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            s.Station.Tick();
            Thread.Sleep(5);
        }
    }

    private void AssertCleanSequence(Session s, string transactionId)
    {
        var events = Events(s).Where(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId).ToList();
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Equal("Started", events[0].GetProperty("eventType").GetString());
        Assert.Equal("Ended", events[^1].GetProperty("eventType").GetString());
        var end = DateTime.UtcNow.AddMilliseconds(200);
        while (DateTime.UtcNow < end)
        {
            s.Station.Tick();
            Thread.Sleep(5);
        }

        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    private static void Charge(Session s, int evseId, long energyWh)
    {
        s.Tx.PowerPathClosed(evseId, s.Now);
        s.Tx.SetChargingState(evseId, ChargingState.Charging, s.Now);
        s.Tx.UpdateMeter(evseId, TxHarness.Reading(energyWh), s.Now);
    }

    [Fact]
    public void LocalStartWithRfidAuthorizesStartsAndEnds_C01_E01_E06()
    {
        using var s = Start("IOP-TX-LOCAL");
        s.Tx.UpdateMeter(1, TxHarness.Reading(1000), s.Now);
        s.Tx.EvConnected(1, 1, s.Now);
        Assert.Equal(PresentResult.Pending, s.Auth.PresentIdToken(1, "RFID-IOP-1", IdTokenType.ISO14443, s.Now));
        var authorize = WaitCall(s, "Authorize");
        Assert.Equal("RFID-IOP-1", authorize.GetProperty("idToken").GetProperty("idToken").GetString());
        WaitUntil(s, () => s.Control.LastAuthorization(1) == true);
        Charge(s, 1, 1500);
        var started = WaitEvent(s, "Started");
        Assert.Equal("RFID-IOP-1", started.GetProperty("idToken").GetProperty("idToken").GetString());
        s.Tx.UpdateMeter(1, TxHarness.Reading(2600), s.Now);
        Assert.Equal(PresentResult.Stopped, s.Auth.PresentIdToken(1, "RFID-IOP-1", IdTokenType.ISO14443, s.Now));
        var ended = WaitEvent(s, "Ended");
        Assert.Equal("Local", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        AssertCleanSequence(s, started.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
    }

    [Fact]
    public void RemoteStartAndRemoteStop_F01_F03()
    {
        using var s = Start("IOP-TX-REMOTE");
        var reply = Call(s, "RequestStartTransaction", "{\"evseId\":1,\"remoteStartId\":77,\"idToken\":{\"idToken\":\"RFID-IOP-2\",\"type\":\"ISO14443\"}}");
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        WaitCall(s, "Authorize");
        WaitUntil(s, () => s.Control.LastAuthorization(1) == true);
        s.Tx.EvConnected(1, 1, s.Now);
        Charge(s, 1, 10);
        var started = WaitEvent(s, "Started");
        Assert.Equal(77, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("RemoteStart", started.GetProperty("triggerReason").GetString());
        string tx = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString();

        var stop = Call(s, "RequestStopTransaction", "{\"transactionId\":\"" + tx + "\"}");
        Assert.Equal("Accepted", stop.GetProperty("status").GetString());
        var ended = WaitEvent(s, "Ended");
        Assert.Equal("Remote", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.Contains(1, s.Control.StopRequests);
        var status = Call(s, "GetTransactionStatus", "{\"transactionId\":\"" + tx + "\"}");
        Assert.False(status.GetProperty("ongoingIndicator").GetBoolean());
        AssertCleanSequence(s, tx);
    }

    [Fact]
    public void ASessionAcrossAnOutageDeliversItsOfflineEventsInOrder_E11_E12()
    {
        using var s = Start("IOP-TX-OUTAGE");
        s.Tx.EvConnected(1, 1, s.Now);
        s.Auth.PresentIdToken(1, "RFID-IOP-3", IdTokenType.ISO14443, s.Now);
        WaitUntil(s, () => s.Control.LastAuthorization(1) == true);
        Charge(s, 1, 100);
        var started = WaitEvent(s, "Started");
        string tx = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString();

        // The boot's security events (StartupOfTheDevice, SettingSystemTime) share the one outstanding CALL:
        // cut the link once the station has nothing in flight, so what is queued during the outage is exactly what it produces.
        WaitUntil(s, () => s.Station.Station.Rpc.Outstanding == null && s.Station.Station.Rpc.QueuedCalls == 0);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["refuse"] = true }), () => { });
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "close", ["identity"] = s.Identity, ["code"] = 1001 }), s.Station.Tick);
        WaitUntil(s, () => !s.Station.Station.Connection.IsConnected);
        int queuedBefore = s.Tx.Queue.Count;
        s.Tx.SetChargingState(1, ChargingState.SuspendedEV, s.Now);
        s.Tx.UpdateMeter(1, TxHarness.Reading(900), s.Now);
        s.Tx.SetChargingState(1, ChargingState.Charging, s.Now);
        s.Tx.EvDisconnected(1, s.Now);
        Assert.Equal(queuedBefore + 3, s.Tx.Queue.Count);

        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["refuse"] = false }), () => { });
        var ended = WaitEvent(s, "Ended");
        Assert.True(ended.GetProperty("offline").GetBoolean());
        var events = Events(s);
        var offline = events.Where(e => e.TryGetProperty("offline", out var o) && o.GetBoolean()).ToList();
        Assert.Equal(3, offline.Count); // the three produced during the outage, and only those
        Assert.Equal(offline.Select(e => e.GetRawText()), events.TakeLast(3).Select(e => e.GetRawText()));
        AssertCleanSequence(s, tx);
    }

    [Fact]
    public void LocalListAndCacheDecideAnOfflineSwipe_D01_C11_C15()
    {
        using var s = Start("IOP-TX-LIST", new JsonObject { ["RFID-IOP-BAD"] = "Blocked" });
        var sent = Call(s, "SendLocalList", "{\"versionNumber\":1,\"updateType\":\"Full\",\"localAuthorizationList\":["
            + "{\"idToken\":{\"idToken\":\"LIST-IOP-1\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\"}}]}");
        Assert.Equal("Accepted", sent.GetProperty("status").GetString());
        Assert.Equal(1, Call(s, "GetLocalListVersion", "{}").GetProperty("versionNumber").GetInt32());

        // The CSMS's answers fill the cache (C10): an Accepted and a Blocked token.
        s.Auth.PresentIdToken(2, "RFID-IOP-4", IdTokenType.ISO14443, s.Now);
        WaitUntil(s, () => s.Control.LastAuthorization(2) == true);
        Assert.Equal(PresentResult.Stopped, s.Auth.PresentIdToken(2, "RFID-IOP-4", IdTokenType.ISO14443, s.Now));
        s.Auth.PresentIdToken(2, "RFID-IOP-BAD", IdTokenType.ISO14443, s.Now);
        WaitUntil(s, () => s.Control.Rejections.Contains((2, "Blocked")));
        Assert.Equal(2, s.Auth.Cache.Count);

        // The boot's security events (StartupOfTheDevice, SettingSystemTime) share the one outstanding CALL:
        // cut the link once the station has nothing in flight, so what is queued during the outage is exactly what it produces.
        WaitUntil(s, () => s.Station.Station.Rpc.Outstanding == null && s.Station.Station.Rpc.QueuedCalls == 0);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["refuse"] = true }), () => { });
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "close", ["identity"] = s.Identity, ["code"] = 1001 }), s.Station.Tick);
        WaitUntil(s, () => !s.Station.Station.Connection.IsConnected);
        int authorizes = _csms.Calls(s.Identity, "Authorize").Count;
        Assert.Equal(PresentResult.Accepted, s.Auth.PresentIdToken(1, "LIST-IOP-1", IdTokenType.ISO14443, s.Now));
        Assert.Equal(PresentResult.Rejected, s.Auth.PresentIdToken(2, "RFID-IOP-BAD", IdTokenType.ISO14443, s.Now));
        Assert.Equal(PresentResult.Accepted, s.Auth.PresentIdToken(2, "RFID-IOP-4", IdTokenType.ISO14443, s.Now));
        Assert.Equal(authorizes, _csms.Calls(s.Identity, "Authorize").Count);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["refuse"] = false }), () => { });
        WaitUntil(s, () => s.Station.Station.Connection.IsConnected);

        Assert.Equal("Accepted", Call(s, "ClearCache", "{}").GetProperty("status").GetString());
        Assert.Equal(0, s.Auth.Cache.Count);
        var end = DateTime.UtcNow.AddMilliseconds(200);
        while (DateTime.UtcNow < end)
        {
            s.Station.Tick();
            Thread.Sleep(5);
        }

        Assert.Empty(_csms.StrictFailures(s.Identity));
    }
}
