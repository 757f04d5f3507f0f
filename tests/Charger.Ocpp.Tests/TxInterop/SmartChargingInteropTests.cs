using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.SmartCharging;
using Charger.Ocpp.Tests.Interop;
using Charger.Ocpp.Tests.TxServices;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.TxInterop;

/// <summary>
/// Issue 15 against the independent strict CSMS (npm ocpp-rpc, strict mode, official 2.0.1
/// schemas) over a real WebSocket: SetChargingProfile (accepted and rejected), GetCompositeSchedule
/// in A and W, GetChargingProfiles answered by paged ReportChargingProfiles, ClearChargingProfile,
/// a TxProfile during a transaction, RequestStartTransaction with a chargingProfile and
/// TransactionEvent ChargingRateChanged with Current.Offered. Every test ends with zero
/// strict-validation failures in either direction.
/// </summary>
[Trait("Category", "Interop")]
public class SmartChargingInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;

    public SmartChargingInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private sealed class Session : IDisposable
    {
        public InteropStation Station;
        public FakeEvseControl Control = new();
        public string Identity => Station.Identity;
        public TransactionService Tx => Station.Station.Transactions;
        public SmartChargingService Smart => Station.Station.SmartCharging;
        public long Now => Station.NowMs;

        public void Dispose() => Station.Dispose();
    }

    private Session Start(string identity)
    {
        var configure = new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password, ["bootInterval"] = 300 };
        var s = new Session();
        s.Station = new InteropStation(_csms.Url, identity, Password, evseControl: s.Control);
        _csms.WaitReply(_csms.Send(configure), () => { });
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

    private List<JsonElement> Calls(Session s, string method) =>
        _csms.Calls(s.Identity, method).Select(e => e.GetProperty("params")).ToList();

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

    private void AssertNoStrictFailures(Session s)
    {
        var end = DateTime.UtcNow.AddMilliseconds(200);
        while (DateTime.UtcNow < end)
        {
            s.Station.Tick();
            Thread.Sleep(5);
        }

        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    private static string Now(int plusSeconds = 0) =>
        DateTime.UtcNow.AddSeconds(plusSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Profile(int id, string purpose, int stack, string periods, string extra = "", string unit = "A", string kind = "Absolute", bool start = true) =>
        "{\"id\":" + id + ",\"stackLevel\":" + stack + ",\"chargingProfilePurpose\":\"" + purpose + "\",\"chargingProfileKind\":\"" + kind + "\"" + extra
        + ",\"chargingSchedule\":[{\"id\":" + id + (start ? ",\"startSchedule\":\"" + Now(-5) + "\"" : "") + ",\"chargingRateUnit\":\"" + unit
        + "\",\"chargingSchedulePeriod\":" + periods + "}]}";

    [Fact]
    public void SetGetCompositeReportAndClearProfilesAgainstTheStrictPeer_K01_K08_K09_K10()
    {
        using var s = Start("IOP-SMART-1");
        var set = Call(s, "SetChargingProfile", "{\"evseId\":0,\"chargingProfile\":" + Profile(1, "ChargingStationMaxProfile", 0,
            "[{\"startPeriod\":0,\"limit\":20.0},{\"startPeriod\":3600,\"limit\":10.0}]") + "}");
        Assert.Equal("Accepted", set.GetProperty("status").GetString());
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal("Accepted", Call(s, "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":" + Profile(10 + i, "TxDefaultProfile", i,
                "[{\"startPeriod\":0,\"limit\":11040.0,\"numberPhases\":3}]", unit: "W") + "}").GetProperty("status").GetString());
        }

        var rejected = Call(s, "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":" + Profile(2, "TxProfile", 0,
            "[{\"startPeriod\":0,\"limit\":8.0}]", ",\"transactionId\":\"none\"") + "}");
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("NoTransaction", rejected.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

        var composite = Call(s, "GetCompositeSchedule", "{\"duration\":7200,\"evseId\":1,\"chargingRateUnit\":\"A\"}");
        Assert.Equal("Accepted", composite.GetProperty("status").GetString());
        var periods = composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod");
        Assert.Equal(16.0, periods[0].GetProperty("limit").GetDouble());
        Assert.Equal(10.0, periods[periods.GetArrayLength() - 1].GetProperty("limit").GetDouble());
        var watts = Call(s, "GetCompositeSchedule", "{\"duration\":60,\"evseId\":0,\"chargingRateUnit\":\"W\"}");
        Assert.Equal(20 * 230 * 3, watts.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.Equal("Rejected", Call(s, "GetCompositeSchedule", "{\"duration\":60,\"evseId\":9}").GetProperty("status").GetString());

        var get = Call(s, "GetChargingProfiles", "{\"requestId\":7,\"chargingProfile\":{}}");
        Assert.Equal("Accepted", get.GetProperty("status").GetString());
        WaitUntil(s, () => Calls(s, "ReportChargingProfiles").Count == 3);
        var reports = Calls(s, "ReportChargingProfiles");
        Assert.Equal(6, reports.Sum(r => r.GetProperty("chargingProfile").GetArrayLength()));
        Assert.False(reports[2].TryGetProperty("tbc", out var tbc) && tbc.GetBoolean());

        Assert.Equal("Accepted", Call(s, "ClearChargingProfile", "{\"chargingProfileId\":1}").GetProperty("status").GetString());
        Assert.Equal("Accepted", Call(s, "ClearChargingProfile", "{\"chargingProfileCriteria\":{\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":2}}").GetProperty("status").GetString());
        Assert.Equal("Unknown", Call(s, "ClearChargingProfile", "{\"chargingProfileId\":1}").GetProperty("status").GetString());
        Assert.Equal("NoProfiles", Call(s, "GetChargingProfiles", "{\"requestId\":8,\"chargingProfile\":{\"chargingProfileId\":[1]}}").GetProperty("status").GetString());
        Assert.Equal(4, s.Smart.Store.Count);
        AssertNoStrictFailures(s);
    }

    [Fact]
    public void RemoteStartWithAProfileTxProfileDuringTheTransactionAndChargingRateChanged_K05_K01()
    {
        using var s = Start("IOP-SMART-2");
        var start = Call(s, "RequestStartTransaction", "{\"evseId\":1,\"remoteStartId\":3,\"idToken\":{\"idToken\":\"RFID-IOP-9\",\"type\":\"ISO14443\"},\"chargingProfile\":"
            + Profile(40, "TxProfile", 0, "[{\"startPeriod\":0,\"limit\":13.0}]", kind: "Relative", start: false) + "}");
        Assert.Equal("Accepted", start.GetProperty("status").GetString());
        WaitUntil(s, () => s.Control.LastAuthorization(1) == true);
        s.Tx.UpdateMeter(1, TxHarness.Reading(1000), s.Now);
        s.Tx.EvConnected(1, 1, s.Now);
        s.Tx.PowerPathClosed(1, s.Now);
        s.Tx.SetChargingState(1, ChargingState.Charging, s.Now);
        WaitUntil(s, () => s.Tx.TransactionIdOf(1) != null && s.Smart.Store.FindById(40)?.TransactionId != null);
        string tx = s.Tx.TransactionIdOf(1);
        Assert.Equal(130, s.Smart.LimitDaNow(1, s.Now));

        var set = Call(s, "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":" + Profile(41, "TxProfile", 1,
            "[{\"startPeriod\":0,\"limit\":9.0}]", ",\"transactionId\":\"" + tx + "\"") + "}");
        Assert.Equal("Accepted", set.GetProperty("status").GetString());
        Assert.Equal(90, s.Smart.LimitDaNow(1, s.Now));

        // The charger reports the offer it gives the EV (the firmware's smart-charging stage does this every tick).
        s.Smart.SetOfferedDa(1, 90);
        WaitUntil(s, () => Calls(s, "TransactionEvent").Any(e => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged"));
        var changed = Calls(s, "TransactionEvent").First(e => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged");
        Assert.Equal("Current.Offered", changed.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("measurand").GetString());

        s.Tx.EvDisconnected(1, s.Now);
        WaitUntil(s, () => s.Smart.Store.Count == 0);
        AssertNoStrictFailures(s);
    }
}
