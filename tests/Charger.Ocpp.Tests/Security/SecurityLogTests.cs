using Charger.Hal.Sim;
using Charger.Ocpp.Security;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Security;

/// <summary>The persistent security log (A04.FR.01): bounded, power-cut safe, and the queue of undelivered critical events.</summary>
public class SecurityLogTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
    private readonly MemoryFileStore _store = new();
    private readonly ListLog _log = new();

    private SecurityLog Open(int capacity = 4)
    {
        var log = new SecurityLog(_store, _log, capacity);
        log.Load();
        return log;
    }

    [Fact]
    public void EventsSurviveARebootWithTypeCriticalityTimeAndTechInfo()
    {
        var log = Open();
        log.Append("StartupOfTheDevice", true, "boot reason PowerUp", T0);
        log.Append("InvalidMessages", false, "3 frame(s) | refused", T0.AddSeconds(5));

        var again = Open();
        Assert.Equal(2, again.Count);
        var first = again.Read(1);
        Assert.Equal("StartupOfTheDevice", first.Type);
        Assert.True(first.Critical);
        Assert.Equal(T0, first.Timestamp);
        var second = again.Read(2);
        Assert.False(second.Critical);
        Assert.Equal("3 frame(s) | refused", second.TechInfo);
    }

    [Fact]
    public void AFullLogDropsTheOldestAndCountsIt()
    {
        var log = Open(capacity: 3);
        for (int i = 1; i <= 5; i++)
        {
            log.Append("InvalidMessages", false, "n" + i, T0.AddSeconds(i));
        }

        Assert.Equal(3, log.Count);
        Assert.Equal(2, log.Dropped);
        Assert.Null(log.Read(2));
        Assert.Equal("n3", log.Read(3).TechInfo);
        Assert.Equal(3, _store.List(SecurityLog.RecordPrefix).Length);

        var again = Open(capacity: 3);
        Assert.Equal(2, again.Dropped);
        Assert.Equal(3, again.FirstSequence);
        Assert.Equal(5, again.LastSequence);
    }

    [Fact]
    public void DroppingAnUndeliveredCriticalEventIsCounted()
    {
        var log = Open(capacity: 2);
        log.Append("ResetOrReboot", true, "", T0);
        log.Append("InvalidMessages", false, "", T0);
        log.Append("InvalidMessages", false, "", T0);
        Assert.Equal(1, log.DroppedUndelivered);
        Assert.True(_log.Contains("critical event #1 ResetOrReboot dropped"));
    }

    [Theory]
    [InlineData(1, false)] // cut while writing the new record, old content kept: the event is lost, nothing else
    [InlineData(1, true)]  // the new record committed, cut before the oldest was deleted
    [InlineData(2, true)]  // cut while deleting the oldest, delete committed
    [InlineData(2, false)] // cut while deleting the oldest, delete lost
    public void APowerCutDuringAnAppendLeavesAConsistentLog(int cutAtWrite, bool keepNew)
    {
        var log = Open(capacity: 3);
        for (int i = 1; i <= 3; i++)
        {
            log.Append("InvalidMessages", false, "n" + i, T0.AddSeconds(i));
        }

        _store.CutPowerAtWrite(cutAtWrite, keepNew);
        Assert.ThrowsAny<Exception>(() => log.Append("TamperDetectionActivated", true, "lid open", T0.AddSeconds(9)));
        _store.RestorePower();

        var again = Open(capacity: 3);
        bool newKept = cutAtWrite > 1 || keepNew;
        Assert.Equal(3, again.Count);
        Assert.Equal(3, _store.List(SecurityLog.RecordPrefix).Length);
        Assert.Equal(newKept ? 1 : 0, again.Dropped);
        Assert.Equal(newKept ? "TamperDetectionActivated" : "InvalidMessages", again.Read(again.LastSequence).Type);

        // And it goes on: the next event gets the next sequence and the count stays exact.
        var next = again.Append("InvalidMessages", false, "after", T0.AddSeconds(20));
        Assert.Equal(again.LastSequence, next.Sequence);
        Assert.Equal(3, again.Count);
        Assert.Equal(newKept ? 2 : 1, again.Dropped);
    }

    [Fact]
    public void UndeliveredCriticalEventsAreFoundInOrderAndTheDeliveryMarkSurvivesAReboot()
    {
        var log = Open(capacity: 10);
        log.Append("StartupOfTheDevice", true, "", T0);
        log.Append("InvalidMessages", false, "", T0);
        log.Append("ResetOrReboot", true, "", T0);

        Assert.Equal(1, log.NextUndelivered().Sequence);
        log.Acknowledge(1);
        Assert.Equal(3, log.NextUndelivered().Sequence);

        var again = Open(capacity: 10);
        Assert.Equal(1, again.AcknowledgedSequence);
        Assert.Equal(3, again.NextUndelivered().Sequence);
        again.Acknowledge(3);
        Assert.Null(again.NextUndelivered());
    }

    [Fact]
    public void ADamagedRecordIsSkippedNotFatal()
    {
        var log = Open(capacity: 10);
        log.Append("StartupOfTheDevice", true, "", T0);
        log.Append("ResetOrReboot", true, "", T0);
        var junk = System.Text.Encoding.UTF8.GetBytes("garbage");
        _store.WriteAtomic(SecurityLog.RecordPrefix + "000000000001", junk, junk.Length);

        var again = Open(capacity: 10);
        Assert.Null(again.Read(1));
        Assert.Equal(2, again.NextUndelivered().Sequence);
        Assert.True(_log.Contains("security log record 1 unreadable"));
    }

    [Fact]
    public void ClearingEmptiesTheLogAndKeepsNumbering()
    {
        var log = Open(capacity: 10);
        log.Append("ResetOrReboot", true, "", T0);
        log.Append("InvalidMessages", false, "", T0);
        Assert.Equal(2, log.Clear());
        Assert.Equal(0, log.Count);
        Assert.Equal(1, log.DroppedUndelivered);
        Assert.Null(log.NextUndelivered());
        Assert.Equal(3, log.Append("SecurityLogWasCleared", true, "", T0).Sequence);
    }

    [Fact]
    public void UploadLinesCarryTimeSequenceTypeAndCriticality()
    {
        var log = Open(capacity: 10);
        log.Append("StartupOfTheDevice", true, "boot reason PowerUp", T0);
        string line = log.NextLine(0, out long seq, out DateTime utc);
        Assert.Equal(1, seq);
        Assert.Equal(T0, utc);
        Assert.Equal("2026-12-07T08:00:00.000Z #1 StartupOfTheDevice critical boot reason PowerUp", line);
        Assert.Null(log.NextLine(1, out _, out _));
    }

    [Fact]
    public void TheSpecificationsTypesCarryTheAppendixCriticalFlag_A04()
    {
        Assert.Equal(20, SecurityEventTypes.Count);
        string[] critical = { "FirmwareUpdated", "SettingSystemTime", "StartupOfTheDevice", "ResetOrReboot", "SecurityLogWasCleared",
            "MemoryExhaustion", "TamperDetectionActivated", "MaintenanceLoginAccepted", "MaintenanceLoginFailed" };
        for (int i = 0; i < SecurityEventTypes.Count; i++)
        {
            string type = SecurityEventTypes.NameAt(i);
            Assert.Equal(critical.Contains(type), SecurityEventTypes.IsCritical(type));
            Assert.True(type.Length <= SecurityEventTypes.MaxTypeLength);
        }

        Assert.False(SecurityEventTypes.IsCritical("SomeVendorEvent"));
        Assert.False(SecurityEventTypes.IsStandard("SomeVendorEvent"));
    }
}
