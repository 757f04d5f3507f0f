using Charger.Firmware.Safety;
using Charger.Metering.Service;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>
/// Issue 12 item 6: the supervisor sees the time of the last successful meter read, never a re-dated
/// old reading, and over-current supervision that is blind stops charging whatever the billing policy.
/// </summary>
public class MeterTruthTests
{
    private static SimulatedStation Charging(MeterLossPolicy policy)
    {
        var sim = new SimulatedStation(new SimOptions { EvCapacityWh = 200_000, EvFollowDelayMs = 0 }, new EventLog());
        sim.Station.Meter.LossPolicy = policy;
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            0s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect contactor closed within 3s
            +10s expect drawn >= 31A
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        return sim;
    }

    [Fact]
    public void SupervisorSeesTheTimeOfTheLastSuccessfulReadNotOfTheFailedPolls()
    {
        var sim = Charging(MeterLossPolicy.ContinueAndFlag);
        sim.Meter.Slave.Silent = true;
        sim.AdvanceTo(sim.NowMs + 1500);
        long lastGoodMs = sim.Station.Meter.PhaseCurrentsReadAtMs;
        sim.AdvanceTo(sim.NowMs + 3000);
        Assert.True(sim.Station.Meter.PollsFailed > 0);
        Assert.Equal(lastGoodMs, sim.Station.Controller.Safety.MeterReportMs);
        Assert.False(sim.Station.Controller.Safety.MeterFresh(sim.NowMs + 2000));
    }

    [Fact]
    public void SilentMeterUnderContinueAndFlagStillStopsChargingWhenOverCurrentSupervisionIsBlind()
    {
        var sim = Charging(MeterLossPolicy.ContinueAndFlag);
        sim.Meter.Slave.Silent = true;
        long silentAt = sim.NowMs;
        // A faulty EV draws far more than offered while the meter is silent.
        sim.Ev.ExtraDrawA = 40;
        sim.AdvanceTo(silentAt + 3000);
        Assert.True(sim.Station.Controller.ContactorCommandedClosed, "stopped before the stale window");
        sim.AdvanceTo(silentAt + SafetySettings.DefaultMeterBlindMs + 1000);
        Assert.False(sim.Station.Controller.ContactorCommandedClosed, "still closed a second after the blind time");
        Assert.True(sim.Station.Controller.IsFaultActive(FaultCode.MeterFault));
        Assert.Contains("blind", sim.Station.Controller.Safety.GetReason(FaultCode.MeterFault));

        // A fresh reading ends the blindness and charging resumes.
        sim.Meter.Slave.Silent = false;
        sim.Ev.ExtraDrawA = 0;
        sim.AdvanceTo(sim.NowMs + 10_000);
        Assert.False(sim.Station.Controller.IsFaultActive(FaultCode.MeterFault));
        Assert.True(sim.Station.Controller.ContactorCommandedClosed);
    }

    [Fact]
    public void FrozenHighReadingIsNotAFreshOverCurrentAfterTheOfferIsLowered()
    {
        var sim = Charging(MeterLossPolicy.ContinueAndFlag);
        sim.Meter.Slave.Silent = true;
        sim.Station.Controller.SetExternalLimitA(10.0);
        // Longer than the slow stage's 7 s: the last good 32 A is stale by then and must not count as over-current.
        sim.AdvanceTo(sim.NowMs + 9000);
        Assert.False(sim.Station.Controller.IsFaultActive(FaultCode.OverCurrent));
    }
}
