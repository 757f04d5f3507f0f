using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Charger.Ocpp.DeviceModel;
using Charger.Sim.Models.Csms;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Issue 17 item 12: <c>network down|up</c> cut and restore the real socket to an external CSMS,
/// and the summary counts frames whatever the CSMS.
/// </summary>
public class ExternalCsmsNetworkTests
{
    [Fact]
    public void NetworkDownClosesTheSocketToAnExternalCsmsAndAWholeSessionRunsOfflineThenIsDelivered()
    {
        var wall = Stopwatch.StartNew();
        var external = new BuiltInCsms(new CsmsOptions(), () => wall.ElapsedMilliseconds, SimulatedStation.EpochUtc);
        using var server = new CsmsWebSocketServer(external);
        using var sim = new SimulatedStation(new SimOptions { CsmsUrl = server.Url.TrimEnd('/') }, new EventLog());
        var vars = sim.Station.Ocpp.Variables;
        sim.Station.Ocpp.DeviceModel.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "1");
        sim.Station.Ocpp.DeviceModel.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "0");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var target = new WallClockTarget(sim, stop.Token);
        string id = new SimOptions().StationId;

        var result = new ScenarioRunner(target).Run(ScenarioParser.Parse("t", """
            0s     expect connection online within 10s
            +1s    plug 32A
            +1s    ev charge
            +1s    swipe RFID-0001
            +0s    expect transaction started within 5s
            +3s    swipe RFID-0001
            +0s    expect csms received 1 TransactionEvent:Ended within 5s
            +1s    unplug
            +1s    network down
            +0s    expect connection offline within 1s
            +1s    plug 32A
            +1s    ev charge
            +1s    swipe RFID-0001
            +0s    expect contactor closed within 3s
            +5s    swipe RFID-0001
            +0s    expect contactor open within 3500ms
            +1s    unplug
            +0s    expect connection offline
            +2s    network up
            +0s    expect connection online within 20s
            +0s    expect csms received 2 TransactionEvent:Ended within 20s
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));

        // The external CSMS saw the link go and come back, and both sessions complete.
        Assert.True(external.ConnectionAttempts.Count(a => a.StationId == id) >= 2, "the station never reconnected");
        Assert.Equal(2, external.Transactions.Count(t => t.Ended));
        Assert.True(external.Transactions.Last().OfflineEventCount > 0, "nothing was flagged offline");

        // The summary counts the frames that went over the real socket.
        Assert.True(sim.FramesFromStation >= 8 && sim.FramesToStation >= 8, $"{sim.FramesFromStation} / {sim.FramesToStation} frames counted");
        string summary = SessionSummary.Format(sim, result, wall.Elapsed);
        Assert.Contains($"{sim.FramesFromStation} frames to the CSMS", summary);
        Assert.Contains("TransactionEvent", summary);
    }
}
