using System.Text;
using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.Security;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Security;

/// <summary>Security events raised where they happen and sent when critical (A04), also after outages and power cuts.</summary>
public class SecurityEventNotificationTests
{
    private readonly StationHarness _h = new();

    private static List<JsonElement[]> Events(IEnumerable<JsonElement[]> calls) =>
        calls.Where(c => c[2].GetString() == "SecurityEventNotification").ToList();

    private static string TypeOf(JsonElement[] call) => call[3].GetProperty("type").GetString();

    private List<SecurityLogEntry> Logged()
    {
        var log = _h.Station.SecurityEvents.Log;
        var list = new List<SecurityLogEntry>();
        for (long s = log.FirstSequence; s <= log.LastSequence; s++)
        {
            var e = log.Read(s);
            if (e != null)
            {
                list.Add(e);
            }
        }

        return list;
    }

    [Fact]
    public void StartupAndTheFirstClockSettingAreSentAfterTheBootIsAccepted_A04_FR_02()
    {
        _h.Tick(2);
        Assert.Empty(Events(_h.Frames.Drain().Where(f => f[0].GetInt32() == 2).Skip(1)));
        _h.Restart();
        _h.Boot();
        var sent = Events(_h.AnswerAll());
        Assert.Equal(new[] { "StartupOfTheDevice", "StartupOfTheDevice", "SettingSystemTime" }, sent.Select(TypeOf));
        Assert.Contains("boot reason PowerUp", sent[0][3].GetProperty("techInfo").GetString());
        // Stamped before the clock was set, sent with the real time of this boot (issue 17 item 4).
        Assert.StartsWith("2026-11-21", sent[1][3].GetProperty("timestamp").GetString());
        Assert.Equal(_h.Station.SecurityEvents.Log.LastSequence, _h.Station.SecurityEvents.Log.AcknowledgedSequence);
    }

    [Fact]
    public void NonCriticalEventsAreLoggedButNotSent_A04_FR_01()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.InvalidCsmsCertificate, "expired", _h.Now);
        Assert.Empty(Events(_h.AnswerAll()));
        Assert.Contains(Logged(), e => e.Type == "InvalidCsmsCertificate" && !e.Critical && e.TechInfo == "expired");
    }

    [Fact]
    public void CriticalEventsRaisedOfflineAreSentOnceConnectedInOrder()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Socket.Server.Close(1001, "going away");
        _h.Tick();
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.TamperDetectionActivated, "lid", _h.Now);
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.MemoryExhaustion, "flash", _h.Now);
        _h.Run(80_000);
        var sent = Events(_h.AnswerAll());
        Assert.Equal(new[] { "TamperDetectionActivated", "MemoryExhaustion" }, sent.Select(TypeOf));
    }

    [Fact]
    public void EventsNotYetDeliveredSurviveAPowerCut()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Socket.Server.Close(1001, "going away");
        _h.Tick();
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.TamperDetectionActivated, "lid", _h.Now);
        _h.Restart(BootReason.PowerUp);
        _h.Boot();
        var sent = Events(_h.AnswerAll()).Select(TypeOf).ToList();
        Assert.Equal(new[] { "TamperDetectionActivated", "StartupOfTheDevice", "SettingSystemTime" }, sent);
    }

    [Fact]
    public void AnUnansweredNotificationIsSentAgainAndACsmsRefusalIsNotRepeatedForever()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.ResetOrReboot, "x", _h.Now);
        _h.Tick();
        var first = Events(_h.Frames.Drain());
        Assert.Single(first);
        _h.Run(30_000 + SecurityEventService.RetryDelayMs + 500);
        var again = Events(_h.Frames.Drain());
        Assert.Single(again);
        _h.Frames.SendCallError(again[0][1].GetString(), "FormatViolation", "no");
        _h.Run(60_000);
        Assert.Empty(Events(_h.Frames.Drain()));
        Assert.Equal(1, _h.Station.SecurityEvents.RefusedByCsms);
    }

    [Fact]
    public void ACsmsResetIsRecordedBeforeTheStationRestarts()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Request("Reset", "{\"type\":\"Immediate\"}");
        _h.Tick(2);
        Assert.Contains(Logged(), e => e.Type == "ResetOrReboot" && e.Critical && e.TechInfo.Contains("Immediate reset of the station"));
    }

    [Fact]
    public void RefusedBasicAuthenticationIsFailedToAuthenticateAtCsms()
    {
        _h.Socket.Server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:some-other-password"));
        _h.Tick(3);
        Assert.Contains(Logged(), e => e.Type == "FailedToAuthenticateAtCsms" && !e.Critical && e.TechInfo.Contains("HTTP 401"));
    }

    [Fact]
    public void GarbageFromTheCsmsIsOneInvalidMessagesEventPerMinute()
    {
        _h.Boot();
        _h.AnswerAll();
        for (int i = 0; i < 5; i++)
        {
            _h.Socket.Server.Send("this is not json " + i);
            _h.Tick();
        }

        _h.Run(2_000);
        var invalid = Logged().Where(e => e.Type == "InvalidMessages").ToList();
        Assert.Single(invalid);
        _h.Run(OcppStation.InvalidMessagesEventPeriodMs);
        invalid = Logged().Where(e => e.Type == "InvalidMessages").ToList();
        Assert.Equal(2, invalid.Count);
        Assert.Equal(5, invalid.Sum(e => int.Parse(e.TechInfo.Split(' ')[0])));
    }

    [Fact]
    public void ASecurityVariableChangeIsReconfigurationOfSecurityParametersWithoutTheValue()
    {
        _h.Boot();
        _h.AnswerAll();
        var reply = _h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"a-new-password-0123\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}}]}");
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        var e = Assert.Single(Logged(), x => x.Type == "ReconfigurationOfSecurityParameters");
        Assert.Equal("SecurityCtrlr.BasicAuthPassword changed", e.TechInfo);
        Assert.DoesNotContain(_h.Log.Lines, l => l.Contains("a-new-password-0123"));
    }

    [Fact]
    public void ATransactionQueueAtItsBoundIsMemoryExhaustionAtMostHourly()
    {
        var queue = _h.Station.Transactions.Queue;
        queue.Enqueue("TransactionEvent", "T1", 0, Charger.Ocpp.Transactions.TransactionEventType.Started, false, "{\"seqNo\":0}");
        for (int seqNo = 1; seqNo <= 505; seqNo++)
        {
            queue.Enqueue("TransactionEvent", "T1", seqNo, Charger.Ocpp.Transactions.TransactionEventType.Updated, false, "{\"seqNo\":" + seqNo + "}");
        }

        Assert.True(queue.DroppedUpdatedCount > 0);
        _h.Tick(2);
        var e = Assert.Single(Logged(), x => x.Type == "MemoryExhaustion");
        Assert.True(e.Critical);
        Assert.StartsWith("transaction queue at its bound", e.TechInfo);

        queue.Enqueue("TransactionEvent", "T1", 600, Charger.Ocpp.Transactions.TransactionEventType.Updated, false, "{\"seqNo\":600}");
        _h.Run(60_000, 1_000);
        Assert.Single(Logged(), x => x.Type == "MemoryExhaustion");
        _h.Run(OcppStation.MemoryExhaustionEventPeriodMs, 10_000);
        Assert.Equal(2, Logged().Count(x => x.Type == "MemoryExhaustion"));
    }
}
