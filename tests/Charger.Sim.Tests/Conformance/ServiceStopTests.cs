using System;
using System.Linq;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Issue 12 item 2: service stops (Reset, reboot, meter loss, availability) withdraw the PWM
/// offer and open the contactor only once the EV has let go (left C, current below 1 A, or 3 s),
/// unlike safety trips; a reboot waits for that and for the OCPP answer and Ended event.
/// </summary>
public class ServiceStopTests
{
    private sealed record Timeline(long OfferWithdrawnMs, long ContactorOpenMs, long PilotLeftCMs, long RebootMs);

    private static (SimulatedStation Sim, EventLog Events) ChargingAt32A(SimOptions options = null)
    {
        var events = new EventLog();
        var sim = new SimulatedStation(options ?? new SimOptions(), events);
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +0s  expect drawn >= 31A within 15s
            +30s wait
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        return (sim, events);
    }

    private static Timeline After(EventLog events, long fromMs)
    {
        long First(string kind, Func<SimEvent, bool> match) =>
            events.Events.Where(e => e.TimeMs >= fromMs && e.Kind == kind && match(e)).Select(e => e.TimeMs).DefaultIfEmpty(-1).First();

        return new Timeline(
            First(SimEventKinds.Offer, e => Convert.ToDouble(e.Fields["offerA"]) == 0),
            First(SimEventKinds.ContactorCommand, e => !(bool)e.Fields["closed"]),
            First(SimEventKinds.Pilot, e => (string)e.Fields["from"] == "C"),
            First(SimEventKinds.Power, e => e.Text.StartsWith("firmware reboot")));
    }

    [Fact]
    public void ResetImmediateWithEvDrawing32AWithdrawsPwmThenOpensAfterEvLeavesCThenReboots_B12_FR_02()
    {
        var (sim, events) = ChargingAt32A();
        long resetAt = sim.NowMs;
        sim.Csms.Send(new SimOptions().StationId, CsmsRequests.Reset("Immediate"));
        sim.AdvanceTo(resetAt + 10_000);

        var t = After(events, resetAt);
        Assert.True(t.OfferWithdrawnMs >= 0, "PWM offer never withdrawn");
        Assert.True(t.ContactorOpenMs > t.OfferWithdrawnMs, $"contactor opened at {t.ContactorOpenMs} ms, offer withdrawn at {t.OfferWithdrawnMs} ms");
        Assert.True(t.PilotLeftCMs >= 0 && t.ContactorOpenMs >= t.PilotLeftCMs, $"contactor opened at {t.ContactorOpenMs} ms before the EV left C at {t.PilotLeftCMs} ms");
        Assert.True(t.RebootMs > t.ContactorOpenMs, $"reboot at {t.RebootMs} ms, contactor opened at {t.ContactorOpenMs} ms");

        // The answer and the Ended event reached the CSMS before the station went down.
        var reset = sim.Csms.Calls.Single(c => c.Action == "Reset");
        Assert.Equal("Accepted", reset.ResultStatus);
        Assert.True(reset.FinishedAtMs < t.RebootMs);
        var tx = Assert.Single(sim.Csms.Transactions);
        Assert.Equal("ImmediateReset", tx.StoppedReason);
        var ended = sim.Csms.FrameLog.First(f => f.Direction == FrameDirection.In && f.Action == "TransactionEvent" && f.Frame.Contains("\"Ended\""));
        Assert.True(ended.TimeMs < t.RebootMs, $"Ended at {ended.TimeMs} ms, reboot at {t.RebootMs} ms");
        Assert.Equal(1, sim.PowerCuts);
    }

    [Fact]
    public void ResetImmediateWithEvStillInCOpensAfterAtMost3sOrWhenCurrentFallsBelow1A_B12_FR_02()
    {
        // An EV that never leaves C after the offer is withdrawn, and keeps drawing for 10 s.
        var (sim, events) = ChargingAt32A(new SimOptions { EvFollowDelayMs = 10_000 });
        sim.Ev.StopResponseMs = long.MaxValue;
        long resetAt = sim.NowMs;
        sim.Csms.Send(new SimOptions().StationId, CsmsRequests.Reset("Immediate"));
        sim.AdvanceTo(resetAt + 15_000);

        var t = After(events, resetAt);
        Assert.True(t.OfferWithdrawnMs >= 0);
        long heldMs = t.ContactorOpenMs - t.OfferWithdrawnMs;
        Assert.InRange(heldMs, 2_990, 3_050);
        Assert.True(t.RebootMs > t.ContactorOpenMs);
    }

    [Fact]
    public void ConsoleRebootWhileChargingIsAServiceStopNotALoadBreak()
    {
        var (sim, events) = ChargingAt32A();
        long at = sim.NowMs;
        sim.Station.ServiceStop.Reboot("console: reboot by technician");
        sim.AdvanceTo(at + 10_000);

        var t = After(events, at);
        Assert.True(t.OfferWithdrawnMs >= 0 && t.ContactorOpenMs > t.OfferWithdrawnMs);
        Assert.True(t.ContactorOpenMs >= t.PilotLeftCMs && t.PilotLeftCMs >= 0);
        Assert.True(t.RebootMs > t.ContactorOpenMs);
    }

    [Fact]
    public void MeterLossWhileChargingWithdrawsPwmBeforeOpening()
    {
        var (sim, events) = ChargingAt32A();
        long at = sim.NowMs;
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", $"""
            {at}ms meter fail
            +30s   expect contactor open
            +0s    expect fault MeterFault present
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));

        var t = After(events, at);
        Assert.True(t.OfferWithdrawnMs >= 0 && t.ContactorOpenMs > t.OfferWithdrawnMs,
            $"offer withdrawn at {t.OfferWithdrawnMs} ms, contactor opened at {t.ContactorOpenMs} ms");
        Assert.True(t.ContactorOpenMs >= t.PilotLeftCMs && t.PilotLeftCMs >= 0);
        long faultAt = events.Events.First(e => e.TimeMs >= at && e.Kind == SimEventKinds.Fault).TimeMs;
        Assert.True(faultAt >= t.ContactorOpenMs, "MeterFault was raised (a safety trip) while load flowed");
    }
}
