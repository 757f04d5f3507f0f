using System.Text.Json;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.TxServices;
using Charger.Ocpp.Transactions;
using static Charger.Ocpp.Tests.TxServices.TxHarness;

namespace Charger.Ocpp.Tests.Conformance;

/// <summary>Issue 17 item 4: no event leaves with a time from before the clock was set.</summary>
public class ClockConformanceTests
{
    [Fact]
    public void EventsProducedBeforeTheClockIsSetLeaveWithTheirRealTime_E01()
    {
        var h = new TxHarness();
        bool csmsAnswers = false;
        h.Responder = (action, payload) => action == "BootNotification" && !csmsAnswers ? null : h.DefaultAnswer(action, payload);
        h.Set(CoreVariables.TxCtrlr, "TxStartPoint", "EVConnected");
        h.Run(2000);
        Assert.False(h.Station.Clock.IsSynchronized);

        long eventAtMs = h.Now;
        h.Tx.EvConnected(1, 1, h.Now);
        h.Run(1000);
        csmsAnswers = true;
        h.Run(90_000, 500);
        Assert.True(h.Station.Clock.IsSynchronized);

        var started = Assert.Single(h.Events());
        var stamp = DateTime.Parse(Str(started, "timestamp"), null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var expected = h.Station.Clock.UtcAt(eventAtMs);
        Assert.Equal(2026, stamp.Year);
        Assert.InRange((stamp - expected).Duration().TotalMilliseconds, 0, 1);
    }

    [Fact]
    public void ResolverLeavesRealStampsAloneAndRewritesOnlyUnsynchronisedOnes()
    {
        var clock = new StationClock();
        string before = "{\"timestamp\":\"" + Charger.Ocpp.Json.Rfc3339.Format(clock.UtcAt(5000)) + "\",\"x\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\"}}";
        Assert.Same(before, TimestampResolver.Resolve(before, clock));
        clock.Set(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc), 10_000);
        string after = TimestampResolver.Resolve(before, clock);
        Assert.Equal("{\"timestamp\":\"2026-11-21T09:59:55.000Z\",\"x\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\"}}", after);
    }
}
