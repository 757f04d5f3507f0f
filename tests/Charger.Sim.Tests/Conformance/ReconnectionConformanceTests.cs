using System;
using System.Linq;
using System.Text.Json;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>Issue 17 item 10: after reconnecting, queued transaction events go first and statuses carry the time of the change.</summary>
public class ReconnectionConformanceTests
{
    [Fact]
    public void AfterReconnectingQueuedEventsPrecedeStatusNotificationDatedAtTheChange_E12_G01()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            2s    plug 32A
            +1s   ev charge
            +1s   swipe RFID-0001
            +0s   expect transaction started within 3s
            +1m   network down
            +10m  swipe RFID-0001
            +10s  unplug
            +10m  network up
            +0s   expect transaction ended within 20m
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        sim.AdvanceTo(sim.NowMs + 60_000);

        long upAtMs = 3_000 + 60_000 + 600_000 + 10_000 + 600_000 + 1_000;
        var after = sim.Csms.FrameLog.Where(f => f.Direction == FrameDirection.In && f.MessageTypeId == 2 && f.TimeMs >= upAtMs - 1_000).ToList();
        int endedAt = after.FindIndex(f => f.Action == "TransactionEvent" && f.Frame.Contains("\"Ended\""));
        int firstStatus = after.FindIndex(f => f.Action == "StatusNotification");
        Assert.True(endedAt >= 0, "Ended not delivered after reconnection");
        Assert.True(firstStatus > endedAt, $"StatusNotification (#{firstStatus}) overtook the queued Ended (#{endedAt}): " + string.Join("\n", sim.Csms.FrameLog.Where(f => f.TimeMs >= upAtMs - 1_000).Select(f => f.ToString().Substring(0, Math.Min(160, f.ToString().Length)))));

        // The Available status is dated at the unplug, ten minutes before the reconnection.
        var status = JsonDocument.Parse(after[firstStatus].Frame).RootElement[3];
        Assert.Equal("Available", status.GetProperty("connectorStatus").GetString());
        var stamp = DateTime.Parse(status.GetProperty("timestamp").GetString(), null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var unplugUtc = SimulatedStation.EpochUtc.AddMilliseconds(3_000 + 60_000 + 600_000 + 10_000);
        Assert.InRange((stamp - unplugUtc).TotalSeconds, -1, 2);
    }
}
