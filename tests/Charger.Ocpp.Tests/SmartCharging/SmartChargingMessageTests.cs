using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.SmartCharging;
using Charger.Ocpp.Tests.TxServices;

namespace Charger.Ocpp.Tests.SmartCharging;

/// <summary>
/// Functional block K through the RPC, on a station with two EVSEs whose every frame is checked
/// against the official schemas: SetChargingProfile (K01) and every rejection, ClearChargingProfile
/// (K10), GetChargingProfiles with paged ReportChargingProfiles (K09), GetCompositeSchedule (K08),
/// RequestStartTransaction with a chargingProfile (K05), persistence across reboots and power
/// cuts, ChargingRateChanged with LimitChangeSignificance.
/// </summary>
public class SmartChargingMessageTests
{
    private readonly TxHarness _h = new();

    // The harness's CSMS sets the clock to this at boot.
    private const string BootTime = "2026-11-21T10:00:00.000Z";

    public SmartChargingMessageTests()
    {
        _h.Boot();
    }

    private SmartChargingService Smart => _h.Station.SmartCharging;

    public static string Profile(int id = 1, string purpose = "ChargingStationMaxProfile", int stack = 0, string kind = "Absolute",
        string start = "2026-11-21T09:00:00.000Z", string unit = "A", string periods = "[{\"startPeriod\":0,\"limit\":16.0}]",
        string extra = "", string scheduleExtra = "")
    {
        string startSchedule = start == null ? "" : ",\"startSchedule\":\"" + start + "\"";
        return "{\"id\":" + id + ",\"stackLevel\":" + stack + ",\"chargingProfilePurpose\":\"" + purpose + "\",\"chargingProfileKind\":\"" + kind + "\""
               + extra + ",\"chargingSchedule\":[{\"id\":" + id + startSchedule + ",\"chargingRateUnit\":\"" + unit + "\",\"chargingSchedulePeriod\":"
               + periods + scheduleExtra + "}]}";
    }

    private JsonElement Set(long evseId, string profile) =>
        _h.Request("SetChargingProfile", "{\"evseId\":" + evseId + ",\"chargingProfile\":" + profile + "}");

    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString();

    private static string Reason(JsonElement reply) =>
        reply.TryGetProperty("statusInfo", out var info) ? info.GetProperty("reasonCode").GetString() : null;

    private void AssertRejected(string reason, JsonElement reply)
    {
        Assert.Equal("Rejected", Status(reply));
        Assert.Equal(reason, Reason(reply));
    }

    private string StartTransaction(int evseId = 1)
    {
        _h.PlugAndCharge(evseId, "RFID-" + evseId, 1000);
        string tx = _h.Tx.TransactionIdOf(evseId);
        Assert.NotNull(tx);
        return tx;
    }

    [Fact]
    public void AcceptedStationMaxProfileLimitsEveryEvseAtOnce_K01()
    {
        Assert.Equal(ScheduleEvaluator.Unlimited, Smart.LimitDaNow(1, _h.Now));
        var reply = Set(0, Profile(periods: "[{\"startPeriod\":0,\"limit\":16.0}]"));
        Assert.Equal("Accepted", Status(reply));
        Assert.Equal(160, Smart.LimitDaNow(1, _h.Now));
        Assert.Equal(160, Smart.LimitDaNow(2, _h.Now));
        Assert.Equal(160, Smart.LimitDaNow(0, _h.Now));
        Assert.Equal("1", Variable("Entries"));
    }

    private string Variable(string name) =>
        Enumerable.Range(0, _h.Station.DeviceModel.Count).Select(i => _h.Station.DeviceModel.At(i))
            .Single(v => v.ComponentName == "SmartChargingCtrlr" && v.Name == name).Value;

    public static IEnumerable<object[]> Rejections()
    {
        // evseId, profile, reasonCode
        yield return new object[] { 5, Profile(), "UnknownEvse" };
        yield return new object[] { 4294967297L, Profile(), "UnknownEvse" }; // 2^32 + 1: never wrapped onto EVSE 1
        yield return new object[] { 1, Profile(purpose: "ChargingStationMaxProfile"), "MaxProfileNotEvse0" };
        yield return new object[] { 0, Profile(purpose: "ChargingStationExternalConstraints"), "ExternalConstraints" };
        yield return new object[] { 0, Profile(purpose: "ChargingStationMaxProfile", kind: "Relative", start: null), "RelativeMaxProfile" };
        yield return new object[] { 0, Profile(purpose: "TxDefaultProfile", kind: "Relative"), "RelativeWithStart" };
        yield return new object[] { 0, Profile(purpose: "TxDefaultProfile", start: null), "MissingStartSchedule" };
        yield return new object[] { 0, Profile(kind: "Recurring"), "MissingRecurrency" };
        yield return new object[] { 0, Profile(extra: ",\"recurrencyKind\":\"Daily\""), "UnexpectedRecurrency" };
        yield return new object[] { 0, Profile(kind: "Recurring", extra: ",\"recurrencyKind\":\"Daily\"", scheduleExtra: ",\"duration\":90000"), "DurationOverPeriod" };
        yield return new object[] { 0, Profile(extra: ",\"validFrom\":\"2026-11-22T00:00:00Z\",\"validTo\":\"2026-11-21T00:00:00Z\""), "InvalidValidity" };
        yield return new object[] { 0, Profile(stack: 9), "StackLevelTooHigh" };
        yield return new object[] { 0, Profile(periods: "[{\"startPeriod\":60,\"limit\":16.0}]"), "FirstPeriodNotZero" };
        yield return new object[] { 0, Profile(periods: "[{\"startPeriod\":0,\"limit\":16.0},{\"startPeriod\":0,\"limit\":10.0}]"), "PeriodsNotIncreasing" };
        yield return new object[] { 0, Profile(periods: "[{\"startPeriod\":0,\"limit\":-1.0}]"), "NegativeLimit" };
        yield return new object[] { 0, Profile(periods: "[{\"startPeriod\":0,\"limit\":16.0,\"numberPhases\":4}]"), "InvalidPhases" };
        yield return new object[] { 0, Profile(periods: "[{\"startPeriod\":0,\"limit\":16.0,\"numberPhases\":1,\"phaseToUse\":2}]"), "NoPhaseSwitching" };
        yield return new object[] { 0, Profile(periods: "[" + string.Join(",", Enumerable.Range(0, 25).Select(i => "{\"startPeriod\":" + i * 60 + ",\"limit\":16.0}")) + "]"), "TooManyPeriods" };
        yield return new object[] { 0, Profile(scheduleExtra: ",\"minChargingRate\":-2.0"), "InvalidMinRate" };
        yield return new object[] { 0, Profile(purpose: "TxDefaultProfile", extra: ",\"transactionId\":\"T-1\""), "TxIdNotTxProfile" };
        yield return new object[] { 0, Profile(purpose: "TxProfile", extra: ",\"transactionId\":\"T-1\""), "TxProfileOnEvse0" };
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void InvalidProfilesAreRejectedWithTheirReasonAndChangeNothing_K01(long evseId, string profile, string reason)
    {
        long writes = _h.Store.WriteCount;
        AssertRejected(reason, Set(evseId, profile));
        Assert.Equal(0, Smart.Store.Count);
        Assert.False(_h.Store.Exists(ChargingProfileStore.RecordName));
        Assert.Equal(ScheduleEvaluator.Unlimited, Smart.LimitDaNow(1, _h.Now));
        Assert.True(_h.Store.WriteCount - writes <= 2, "a rejected profile wrote the store"); // the transaction journal may write
    }

    [Fact]
    public void TwoSchedulesInOneProfileAreRejectedNotPartlyApplied()
    {
        string two = "{\"id\":3,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":["
                     + "{\"id\":1,\"startSchedule\":\"2026-11-21T09:00:00Z\",\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":8.0}]},"
                     + "{\"id\":2,\"startSchedule\":\"2026-11-21T09:00:00Z\",\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":10.0}]}]}";
        AssertRejected("TooManySchedules", Set(0, two));
        Assert.Equal(0, Smart.Store.Count);
    }

    [Fact]
    public void TxProfileWithoutARunningTransactionIsRejected_K01_FR_09()
    {
        AssertRejected("NoTransaction", Set(1, Profile(purpose: "TxProfile", extra: ",\"transactionId\":\"T-1\"")));
    }

    [Fact]
    public void TxProfileWithoutTransactionIdOrForAnotherTransactionIsRejected_K01_FR_03()
    {
        string tx = StartTransaction();
        AssertRejected("MissingTransactionId", Set(1, Profile(purpose: "TxProfile")));
        AssertRejected("UnknownTransaction", Set(1, Profile(purpose: "TxProfile", extra: ",\"transactionId\":\"not-" + tx + "\"")));
        Assert.Equal("Accepted", Status(Set(1, Profile(purpose: "TxProfile", extra: ",\"transactionId\":\"" + tx + "\"", periods: "[{\"startPeriod\":0,\"limit\":10.0}]"))));
        Assert.Equal(100, Smart.LimitDaNow(1, _h.Now));
        Assert.Equal(ScheduleEvaluator.Unlimited, Smart.LimitDaNow(2, _h.Now));
    }

    [Fact]
    public void SameStackLevelPurposeAndEvseWithOverlappingValidityIsRejected_K01_FR_06()
    {
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 1, purpose: "TxDefaultProfile", stack: 2))));
        AssertRejected("DuplicateStackLevel", Set(0, Profile(id: 2, purpose: "TxDefaultProfile", stack: 2)));
        // Another EVSE, another stack level, or validity windows that do not overlap are fine.
        Assert.Equal("Accepted", Status(Set(1, Profile(id: 3, purpose: "TxDefaultProfile", stack: 2))));
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 4, purpose: "TxDefaultProfile", stack: 3))));
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 5, purpose: "TxDefaultProfile", stack: 5, extra: ",\"validTo\":\"2026-11-22T00:00:00Z\""))));
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 6, purpose: "TxDefaultProfile", stack: 5, extra: ",\"validFrom\":\"2026-11-22T00:00:00Z\""))));
        AssertRejected("DuplicateStackLevel", Set(0, Profile(id: 7, purpose: "TxDefaultProfile", stack: 5, extra: ",\"validFrom\":\"2026-11-21T23:00:00Z\",\"validTo\":\"2026-11-22T01:00:00Z\"")));
        Assert.Equal(5, Smart.Store.Count);
    }

    [Fact]
    public void TxProfileWithTheStackLevelOfAnotherForTheSameTransactionIsRejected_K01_FR_39()
    {
        string tx = StartTransaction();
        Assert.Equal("Accepted", Status(Set(1, Profile(id: 1, purpose: "TxProfile", stack: 1, extra: ",\"transactionId\":\"" + tx + "\""))));
        AssertRejected("DuplicateStackLevel", Set(1, Profile(id: 2, purpose: "TxProfile", stack: 1, extra: ",\"transactionId\":\"" + tx + "\"")));
    }

    [Fact]
    public void AProfileWithAnInstalledIdReplacesIt_K01_FR_05()
    {
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 7, periods: "[{\"startPeriod\":0,\"limit\":20.0}]"))));
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 7, periods: "[{\"startPeriod\":0,\"limit\":12.5}]"))));
        Assert.Equal(1, Smart.Store.Count);
        Assert.Equal(125, Smart.LimitDaNow(1, _h.Now));
        // An invalid replacement leaves the installed one as it was.
        AssertRejected("NegativeLimit", Set(0, Profile(id: 7, periods: "[{\"startPeriod\":0,\"limit\":-3.0}]")));
        Assert.Equal(125, Smart.LimitDaNow(1, _h.Now));
    }

    [Fact]
    public void MoreProfilesThanEntriesAllowsAreRejected_SmartChargingCtrlr_Entries()
    {
        for (int i = 1; i <= 8; i++)
        {
            Assert.Equal("Accepted", Status(Set(0, Profile(id: i, purpose: "TxDefaultProfile", stack: i - 1))));
        }

        AssertRejected("TooManyProfiles", Set(1, Profile(id: 9, purpose: "TxDefaultProfile")));
        Assert.Equal("8", Variable("Entries"));
    }

    [Fact]
    public void UnitOutsideRateUnitIsRejected_SmartChargingCtrlr_RateUnit()
    {
        _h.Config.SmartCharging.RateUnits = "A";
        _h.Reboot();
        _h.Boot();
        Assert.Equal("A", Variable("RateUnit"));
        AssertRejected("UnsupportedRateUnit", Set(0, Profile(unit: "W", periods: "[{\"startPeriod\":0,\"limit\":11000.0}]")));
        var composite = _h.Request("GetCompositeSchedule", "{\"duration\":60,\"evseId\":1,\"chargingRateUnit\":\"W\"}");
        AssertRejected("UnsupportedRateUnit", composite);
    }

    [Fact]
    public void SmartChargingDisabledRejectsProfilesAndLiftsLimits_SmartChargingCtrlr_Enabled()
    {
        Assert.Equal("Accepted", Status(Set(0, Profile())));
        _h.Set("SmartChargingCtrlr", "Enabled", "false");
        AssertRejected("SmartChargingOff", Set(0, Profile(id: 2, stack: 1)));
        Assert.Equal(ScheduleEvaluator.Unlimited, Smart.LimitDaNow(1, _h.Now));
    }

    [Fact]
    public void WattsAreConvertedWithThePhasesAndTheNominalVoltage_K01()
    {
        // 11040 W on 3 phases at 230 V = 16 A; 3680 W on 1 phase = 16 A; 4000 W on 3 phases = 5.7 A (rounded down).
        Assert.Equal("Accepted", Status(Set(0, Profile(unit: "W", periods: "[{\"startPeriod\":0,\"limit\":11040.0}]"))));
        Assert.Equal(160, Smart.LimitDaNow(1, _h.Now));
        Assert.Equal("Accepted", Status(Set(0, Profile(unit: "W", periods: "[{\"startPeriod\":0,\"limit\":3680.0,\"numberPhases\":1}]"))));
        Assert.Equal(160, Smart.LimitDaNow(1, _h.Now));
        Assert.Equal("Accepted", Status(Set(0, Profile(unit: "W", periods: "[{\"startPeriod\":0,\"limit\":4000.0}]"))));
        Assert.Equal(57, Smart.LimitDaNow(1, _h.Now));
    }

    [Fact]
    public void BelowMinChargingRateTheLimitIsZeroSoTheStationPauses_K01_MinChargingRate()
    {
        Assert.Equal("Accepted", Status(Set(0, Profile(scheduleExtra: ",\"minChargingRate\":8.0", periods: "[{\"startPeriod\":0,\"limit\":7.0}]"))));
        Assert.Equal(0, Smart.LimitDaNow(1, _h.Now));
    }

    [Fact]
    public void ClearByIdByCriteriaAndUnknown_K10()
    {
        Set(0, Profile(id: 1, purpose: "TxDefaultProfile", stack: 0));
        Set(1, Profile(id: 2, purpose: "TxDefaultProfile", stack: 1));
        Set(2, Profile(id: 3, purpose: "TxDefaultProfile", stack: 1));
        Set(0, Profile(id: 4, purpose: "ChargingStationMaxProfile", stack: 1));
        Assert.Equal(4, Smart.Store.Count);

        Assert.Equal("Accepted", Status(_h.Request("ClearChargingProfile", "{\"chargingProfileId\":2}")));
        Assert.Null(Smart.Store.FindById(2));
        Assert.Equal("Unknown", Status(_h.Request("ClearChargingProfile", "{\"chargingProfileId\":2}")));

        Assert.Equal("Accepted", Status(_h.Request("ClearChargingProfile",
            "{\"chargingProfileCriteria\":{\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":1}}")));
        Assert.Null(Smart.Store.FindById(3));
        Assert.NotNull(Smart.Store.FindById(1));
        Assert.Equal("Unknown", Status(_h.Request("ClearChargingProfile", "{\"chargingProfileCriteria\":{\"evseId\":2}}")));

        Assert.Equal("Accepted", Status(_h.Request("ClearChargingProfile", "{}")));
        Assert.Equal(0, Smart.Store.Count);
        Assert.Equal("0", Variable("Entries"));
    }

    [Fact]
    public void GetChargingProfilesIsAnsweredWithPagedReports_K09()
    {
        Set(0, Profile(id: 10, purpose: "TxDefaultProfile", stack: 0));
        for (int i = 0; i < 5; i++)
        {
            Set(1, Profile(id: 20 + i, purpose: "TxDefaultProfile", stack: i));
        }

        _h.Calls.Clear();
        Assert.Equal("Accepted", Status(_h.Request("GetChargingProfiles", "{\"requestId\":42,\"chargingProfile\":{\"chargingProfilePurpose\":\"TxDefaultProfile\"}}")));
        _h.Run(1000);
        var reports = _h.Calls.Where(c => c.Action == "ReportChargingProfiles").Select(c => c.Payload).ToList();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(42, r.GetProperty("requestId").GetInt32()));
        Assert.Equal(new[] { 0, 1, 1 }, reports.Select(r => r.GetProperty("evseId").GetInt32()));
        Assert.Equal(new[] { 1, 4, 1 }, reports.Select(r => r.GetProperty("chargingProfile").GetArrayLength()));
        Assert.Equal(new[] { true, true, false }, reports.Select(r => r.TryGetProperty("tbc", out var t) && t.GetBoolean()));
        var ids = reports.SelectMany(r => r.GetProperty("chargingProfile").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())).OrderBy(i => i);
        Assert.Equal(new[] { 10, 20, 21, 22, 23, 24 }, ids);

        _h.Calls.Clear();
        Assert.Equal("Accepted", Status(_h.Request("GetChargingProfiles", "{\"requestId\":43,\"evseId\":1,\"chargingProfile\":{\"chargingProfileId\":[22,10]}}")));
        _h.Run(500);
        var only = _h.Calls.Single(c => c.Action == "ReportChargingProfiles").Payload;
        Assert.Equal(22, only.GetProperty("chargingProfile")[0].GetProperty("id").GetInt32());

        Assert.Equal("NoProfiles", Status(_h.Request("GetChargingProfiles", "{\"requestId\":44,\"chargingProfile\":{\"stackLevel\":7}}")));
        Assert.Equal("NoProfiles", Status(_h.Request("GetChargingProfiles", "{\"requestId\":45,\"chargingProfile\":{\"chargingLimitSource\":[\"EMS\"]}}")));
    }

    [Fact]
    public void CompositeScheduleCombinesStationAndTransactionLimitsInEitherUnit_K08()
    {
        // Station: 20 A, then 10 A from 10:30. Default for EVSE 1: 16 A, then 25 A from 10:15.
        Set(0, Profile(id: 1, start: BootTime, periods: "[{\"startPeriod\":0,\"limit\":20.0},{\"startPeriod\":1800,\"limit\":10.0}]"));
        Set(1, Profile(id: 2, purpose: "TxDefaultProfile", start: BootTime, periods: "[{\"startPeriod\":0,\"limit\":16.0},{\"startPeriod\":900,\"limit\":25.0}]"));
        var reply = _h.Request("GetCompositeSchedule", "{\"duration\":3600,\"evseId\":1}");
        Assert.Equal("Accepted", Status(reply));
        var schedule = reply.GetProperty("schedule");
        Assert.Equal("A", schedule.GetProperty("chargingRateUnit").GetString());
        Assert.Equal(1, schedule.GetProperty("evseId").GetInt32());
        var periods = schedule.GetProperty("chargingSchedulePeriod").EnumerateArray()
            .Select(p => (p.GetProperty("startPeriod").GetInt32(), p.GetProperty("limit").GetDouble())).ToList();
        // The harness's boot took a second or two: the periods are relative to "now".
        int late = 1800 - periods[2].Item1;
        Assert.Equal(new[] { (0, 16.0), (900 - late, 20.0), (1800 - late, 10.0) }, periods);

        var watts = _h.Request("GetCompositeSchedule", "{\"duration\":600,\"evseId\":1,\"chargingRateUnit\":\"W\"}").GetProperty("schedule");
        Assert.Equal(16 * 230 * 3, watts.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());

        var station = _h.Request("GetCompositeSchedule", "{\"duration\":600,\"evseId\":0}").GetProperty("schedule");
        Assert.Equal(20.0, station.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());

        AssertRejected("UnknownEvse", _h.Request("GetCompositeSchedule", "{\"duration\":600,\"evseId\":3}"));
        AssertRejected("UnknownEvse", _h.Request("GetCompositeSchedule", "{\"duration\":600,\"evseId\":4294967297}"));
    }

    [Fact]
    public void CompositeWithoutProfilesIsTheHardwareMaximum_K08()
    {
        var schedule = _h.Request("GetCompositeSchedule", "{\"duration\":0,\"evseId\":2}").GetProperty("schedule");
        var only = schedule.GetProperty("chargingSchedulePeriod").EnumerateArray().Single();
        Assert.Equal(32.0, only.GetProperty("limit").GetDouble());
    }

    [Fact]
    public void RemoteStartWithATxProfileInstallsItForTheTransactionAndItEndsWithIt_K05()
    {
        var rejected = _h.Request("RequestStartTransaction", "{\"idToken\":{\"idToken\":\"REMOTE-1\",\"type\":\"Central\"},\"remoteStartId\":5,\"evseId\":1,\"chargingProfile\":"
                                                              + Profile(id: 30, purpose: "TxDefaultProfile") + "}");
        AssertRejected("NotTxProfile", rejected);
        Assert.Equal(0, Smart.Store.Count);

        var reply = _h.Request("RequestStartTransaction", "{\"idToken\":{\"idToken\":\"REMOTE-1\",\"type\":\"Central\"},\"remoteStartId\":6,\"evseId\":1,\"chargingProfile\":"
                                                           + Profile(id: 31, purpose: "TxProfile", kind: "Relative", start: null,
                                                               periods: "[{\"startPeriod\":0,\"limit\":8.0},{\"startPeriod\":600,\"limit\":12.0}]") + "}");
        Assert.Equal("Accepted", Status(reply));
        Assert.Null(Smart.Store.FindById(31).TransactionId);
        Assert.Equal(80, Smart.LimitDaNow(1, _h.Now));

        _h.Run(500);
        _h.Tx.EvConnected(1, 1, _h.Now);
        _h.Tx.PowerPathClosed(1, _h.Now);
        _h.Run(500);
        string tx = _h.Tx.TransactionIdOf(1);
        Assert.NotNull(tx);
        Assert.Equal(tx, Smart.Store.FindById(31).TransactionId);
        Assert.Equal(80, Smart.LimitDaNow(1, _h.Now));
        _h.Run(600_000, 1000);
        Assert.Equal(120, Smart.LimitDaNow(1, _h.Now));

        _h.Tx.EvDisconnected(1, _h.Now);
        _h.Run(500);
        Assert.Null(_h.Tx.TransactionIdOf(1));
        Assert.Null(Smart.Store.FindById(31));
        Assert.Equal(ScheduleEvaluator.Unlimited, Smart.LimitDaNow(1, _h.Now));
    }

    [Fact]
    public void ProfilesSurviveARebootAndApplyOfflineUntilTheClockIsSet()
    {
        Set(0, Profile(id: 1, start: BootTime, periods: "[{\"startPeriod\":0,\"limit\":20.0},{\"startPeriod\":7200,\"limit\":9.0}]"));
        Set(1, Profile(id: 2, purpose: "TxDefaultProfile", stack: 1, periods: "[{\"startPeriod\":0,\"limit\":16.0}]"));
        Assert.Equal(160, Smart.LimitDaNow(1, _h.Now));

        _h.Reboot();
        // No CSMS yet: the clock cannot place the schedules, so the lowest limit any of them holds applies.
        Assert.Equal(2, Smart.Store.Count);
        Assert.Equal(90, Smart.LimitDaNow(1, _h.Now));
        _h.Boot();
        Assert.Equal(160, Smart.LimitDaNow(1, _h.Now));
        Assert.Equal(16.0, Smart.Store.FindById(2).PeriodLimitTenths[0] / 10.0);
    }

    [Fact]
    public void APowerCutDuringAnyProfileWriteLeavesTheOldSetOrTheNewOne()
    {
        for (int cutAt = 1; cutAt <= 3; cutAt++)
        {
            foreach (bool keep in new[] { false, true })
            {
                var store = new MemoryFileStore();
                var profiles = new ChargingProfileStore(store, new Support.ListLog(), 8);
                var settings = new SmartChargingSettings();
                var states = new List<string> { Ids(profiles) };
                store.CutPowerAtWrite(cutAt, keep);
                try
                {
                    Assert.Null(profiles.Install(Parse(Profile(id: 1), settings)));
                    states.Add(Ids(profiles));
                    Assert.Null(profiles.Install(Parse(Profile(id: 2, stack: 1), settings)));
                    states.Add(Ids(profiles));
                    var c = new ProfileCriteria { Ids = new[] { 1 } };
                    Assert.Equal(1, profiles.Clear(c));
                    states.Add(Ids(profiles));
                }
                catch (Exception e) when (e.GetType().Name.Contains("PowerCut") || e.GetType().Name.Contains("PowerFail") || store.PowerIsCut)
                {
                }

                store.RestorePower();
                var reloaded = new ChargingProfileStore(store, new Support.ListLog(), 8);
                reloaded.Load();
                string after = Ids(reloaded);
                string[] allowed = { "", "1", "1,2", "2" };
                int last = states.Count - 1;
                // What was durable before the cut, or the write that was in flight.
                Assert.Contains(after, new[] { states[last], allowed[Math.Min(last + 1, allowed.Length - 1)] });
            }
        }
    }

    private static string Ids(ChargingProfileStore s) => string.Join(",", s.Profiles.Take(s.Count).Select(p => p.Id).OrderBy(i => i));

    private static ChargingProfile Parse(string json, SmartChargingSettings settings)
    {
        var value = new Charger.Ocpp.Json.JsonParser().Parse(json);
        var p = ChargingProfileJson.Read(value, 0, settings, out string reason);
        Assert.Null(reason);
        return p;
    }

    [Fact]
    public void ChargingRateChangedIsReportedOnlyForSignificantChangesWithCurrentOffered_K01_LimitChangeSignificance()
    {
        StartTransaction();
        Smart.SetOfferedDa(1, 320);
        _h.Run(200);
        _h.Calls.Clear();

        Smart.SetOfferedDa(1, 300); // 6 % below 32 A: under the 10 % significance
        _h.Run(200);
        Assert.DoesNotContain(_h.Events(), e => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged");

        Smart.SetOfferedDa(1, 160);
        _h.Run(200);
        var changed = _h.Events().Single(e => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged");
        Assert.Equal("Updated", changed.GetProperty("eventType").GetString());
        var sample = changed.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
        Assert.Equal("Current.Offered", sample.GetProperty("measurand").GetString());
        Assert.Equal(16.0, sample.GetProperty("value").GetDouble());

        _h.Set("SmartChargingCtrlr", "LimitChangeSignificance", "60.0");
        _h.Calls.Clear();
        Smart.SetOfferedDa(1, 100); // 37 % below 16 A: under 60 %
        _h.Run(200);
        Assert.Empty(_h.Events());
        Smart.SetOfferedDa(1, 0); // a pause is always reported
        _h.Run(200);
        Assert.Single(_h.Events());
    }

    [Fact]
    public void TheLimitAllocatesNothingPerTickEvenAcrossBoundaries()
    {
        // A daily schedule that changes every 10 s for its first 4 minutes: an hour of 10 ms ticks
        // (360,000 of them) crosses its 24 boundaries, and only those cost a recomputation.
        string periods = "[" + string.Join(",", Enumerable.Range(0, 24).Select(i => "{\"startPeriod\":" + i * 10 + ",\"limit\":" + (6 + i) + ".0}")) + "]";
        Assert.Equal("Accepted", Status(Set(0, Profile(id: 1, kind: "Recurring", extra: ",\"recurrencyKind\":\"Daily\"", start: BootTime,
            periods: periods, scheduleExtra: ",\"duration\":240"))));
        long now = _h.Now;
        Smart.LimitDaNow(1, now);
        long recomputesBefore = Smart.RecomputeCount(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int tick = 0; tick < 360_000; tick++)
        {
            now += 10;
            Smart.LimitDaNow(1, now);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        long recomputes = Smart.RecomputeCount(1) - recomputesBefore;
        Assert.InRange(recomputes, 22, 26);
    }

    [Fact]
    public void CurrentOfferedIsASampledMeasurandWhenConfigured_J02()
    {
        _h.Set("SampledDataCtrlr", "TxUpdatedMeasurands", "Energy.Active.Import.Register,Current.Offered");
        _h.Set("SampledDataCtrlr", "TxUpdatedInterval", "10");
        StartTransaction();
        var reading = TxHarness.Reading(1500);
        reading.HasOffered = true;
        reading.OfferedA = 13.0;
        _h.Tx.UpdateMeter(1, reading, _h.Now);
        _h.Calls.Clear();
        _h.Run(11_000);
        var periodic = _h.Events().First(e => e.GetProperty("triggerReason").GetString() == "MeterValuePeriodic");
        var offered = periodic.GetProperty("meterValue").EnumerateArray().SelectMany(m => m.GetProperty("sampledValue").EnumerateArray())
            .Single(v => v.GetProperty("measurand").GetString() == "Current.Offered");
        Assert.Equal(13.0, offered.GetProperty("value").GetDouble());
        Assert.Equal("A", offered.GetProperty("unitOfMeasure").GetProperty("unit").GetString());
    }

    [Fact]
    public void SmartChargingCtrlrVariablesAreInTheDeviceModel()
    {
        foreach (string name in new[] { "Enabled", "Available", "Entries", "LimitChangeSignificance", "PeriodsPerSchedule", "ProfileStackLevel", "RateUnit", "ACPhaseSwitchingSupported" })
        {
            Assert.NotNull(Variable(name));
        }

        var reply = _h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"SmartChargingCtrlr\"},\"variable\":{\"name\":\"PeriodsPerSchedule\"}},"
                                                + "{\"component\":{\"name\":\"SmartChargingCtrlr\"},\"variable\":{\"name\":\"Entries\",\"instance\":\"ChargingProfiles\"}}]}");
        var results = reply.GetProperty("getVariableResult").EnumerateArray().ToList();
        Assert.Equal("24", results[0].GetProperty("attributeValue").GetString());
        Assert.Equal("0", results[1].GetProperty("attributeValue").GetString());
    }
}
