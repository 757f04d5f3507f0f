using Charger.Firmware.Station;
using System;
using System.Linq;
using System.Threading;
using Charger.Sim.Models.Csms;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Issue 17 items 1 to 3: a station-level Reset or ChangeAvailability during a transaction is
/// Scheduled and applied when the transaction ends; a Reset's answer always reaches the CSMS.
/// </summary>
public class ResetAndAvailabilityTests
{
    private static readonly string StationId = new SimOptions().StationId;

    private static SimulatedStation Charging(EventLog events = null)
    {
        var sim = new SimulatedStation(new SimOptions(), events ?? new EventLog());
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +0s  expect drawn >= 31A within 15s
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        return sim;
    }

    private static CsmsCall SendAndWait(SimulatedStation sim, CsmsRequest request)
    {
        var call = sim.Csms.Send(StationId, request);
        for (int i = 0; i < 500 && !call.IsFinished; i++)
        {
            sim.AdvanceTo(sim.NowMs + 10);
        }

        Assert.True(call.IsFinished, request.Action + " was not answered");
        return call;
    }

    [Fact]
    public void StationResetOnIdleDuringATransactionIsScheduledAndWaitsForItsEnd_B12_FR_01_B12_FR_03()
    {
        var sim = Charging();
        var reset = SendAndWait(sim, CsmsRequests.Reset("OnIdle"));
        Assert.Equal("Scheduled", reset.ResultStatus);

        // The session goes on: no reboot, energy still flows.
        sim.AdvanceTo(sim.NowMs + 60_000);
        Assert.Equal(0, sim.PowerCuts);
        Assert.True(sim.Contactor.IsClosed);
        Assert.False(sim.Csms.Transactions.Single().Ended);

        // The driver ends it; the reset follows the Ended event.
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", $"""
            {sim.NowMs}ms swipe RFID-0001
            +0s  expect transaction ended within 10s
            +20s wait
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(1, sim.PowerCuts);
        Assert.Equal("RemoteReset", sim.Csms.Station(StationId).LastBootReason);
        var ended = sim.Csms.FrameLog.First(f => f.Direction == FrameDirection.In && f.Action == "TransactionEvent" && f.Frame.Contains("\"Ended\""));
        var secondBoot = sim.Csms.FrameLog.Where(f => f.Direction == FrameDirection.In && f.Action == "BootNotification").ElementAt(1);
        Assert.True(ended.TimeMs < secondBoot.TimeMs);
    }

    [Fact]
    public void StationInoperativeDuringATransactionIsScheduledAndAppliedWhenItEnds_G04_FR_06()
    {
        var sim = Charging();
        var change = SendAndWait(sim, CsmsRequests.ChangeAvailability("Inoperative"));
        Assert.Equal("Scheduled", change.ResultStatus);

        // Energy keeps flowing, the connector stays Occupied, the transaction stays open.
        sim.AdvanceTo(sim.NowMs + 60_000);
        Assert.True(sim.Contactor.IsClosed);
        Assert.Equal("Occupied", sim.Station.Ocpp.Availability.EffectiveStatus(1, 1).ToString());

        // The driver's card still stops the session; then the station becomes Unavailable.
        Assert.Equal("Stopped", sim.Station.PresentIdToken("RFID-0001"));
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", $"""
            {sim.NowMs}ms expect transaction ended within 10s
            +0s  expect contactor open within 5s
            +5s  wait
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal("Unavailable", sim.Station.Ocpp.Availability.EffectiveStatus(1, 1).ToString());
        Assert.Equal("Local", sim.Csms.Transactions.Single().StoppedReason);
    }
}
