using System;
using System.Linq;
using Charger.Ocpp.Transactions;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>
/// Smart charging on the whole station (the board's composition on the simulated HAL, the
/// built-in CSMS): a profile's period boundary reaches the pilot in the tick in which the
/// station's clock reaches it, the change is reported as ChargingRateChanged, and profiles
/// survive a power cut and hold while the CSMS is unreachable.
/// </summary>
public class SmartChargingStationTests
{
    private static SimulatedStation Charging()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            0s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect contactor closed within 3s
            +5s  wait
            """));
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        return sim;
    }

    // The station's tick time at which its own clock reads the wall time utcMs.
    private static long TickAtUtc(SimulatedStation sim, long utcMs)
    {
        long nowUtc = EpochTime.ToUtcMs(sim.Station.Ocpp.Clock.UtcAt(sim.NowMs));
        return sim.NowMs + (utcMs - nowUtc);
    }

    [Fact]
    public void OfferFollowsAStationMaxProfileBoundaryInTheTickThatReachesIt_K01()
    {
        var sim = Charging();
        Assert.Equal(320, sim.Station.Controller.Offer.OfferDa);
        long startUtc = EpochTime.ToUtcMs(sim.Station.Ocpp.Clock.UtcAt(sim.NowMs)) / 1000 * 1000 + 1000;
        string start = CsmsClock.Format(EpochTime.FromUtcMs(startUtc));
        sim.Csms.Send(sim.Settings.Ocpp.StationId,
            CsmsRequests.SetChargingProfile(0, 1, "ChargingStationMaxProfile", 0, start, "A", new[] { (0, 32.0), (90, 10.0), (150, 20.0) }));
        long boundary = TickAtUtc(sim, startUtc + 90_000);
        int tick = sim.TickMs;

        sim.AdvanceTo(boundary - 1);
        Assert.Equal(320, sim.Station.Controller.Offer.OfferDa);
        sim.AdvanceTo(boundary - 1 + tick);
        Assert.Equal(100, sim.Station.Controller.Offer.OfferDa);
        Assert.Equal(100, sim.Station.SmartCharging.AppliedLimitDa);

        // Going up, the EV has had its 5 s since the last change: it follows at the boundary too.
        long up = TickAtUtc(sim, startUtc + 150_000);
        sim.AdvanceTo(up - 1);
        Assert.Equal(100, sim.Station.Controller.Offer.OfferDa);
        sim.AdvanceTo(up - 1 + tick);
        Assert.Equal(200, sim.Station.Controller.Offer.OfferDa);

        // Only boundaries cost a recomputation, not ticks: a few per change, not one per 10 ms.
        Assert.True(sim.Station.Ocpp.SmartCharging.RecomputeCount(1) < 20, "recomputed " + sim.Station.Ocpp.SmartCharging.RecomputeCount(1) + " times");

        sim.AdvanceTo(sim.NowMs + 1000);
        var rateChanges = sim.Csms.FrameLog.Where(f => f.Frame.Contains("\"ChargingRateChanged\"")).ToList();
        Assert.Equal(2, rateChanges.Count);
        Assert.Contains("\"Current.Offered\"", rateChanges[0].Frame);
    }

    [Fact]
    public void TheChartShowsTheOfferSteppingWithTheSiteLimit()
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", "smart-charging-site-limit.scn");
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("smart", System.IO.File.ReadAllText(path)));
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        string svg = sim.Chart.ToSvg();
        var offered = System.Text.RegularExpressions.Regex.Match(svg, "offered\" fill=\"none\"[^>]*points=\"([^\"]*)\"");
        Assert.True(offered.Success, "no offered-current line in the chart");
        var levels = offered.Groups[1].Value.Split(' ').Select(p => p.Split(',')[1]).Distinct().ToList();
        // 0 A, 32 A, 10 A, 16 A, 24 A: five levels of offered current.
        Assert.Equal(5, levels.Count);
    }

    [Fact]
    public void ProfilesSurviveAPowerCutAndHoldWhileTheCsmsIsUnreachable()
    {
        var sim = Charging();
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            10s  csms profile 1 station 12A
            +1s  expect offer <= 12A within 100ms
            +1s  network down
            +1s  power-cut for 3s
            +5s  swipe RFID-0001
            +0s  expect contactor closed within 5s
            +0s  expect connection offline
            +5s  expect offer <= 12A
            +0s  expect offer >= 11.5A
            """));
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(1, sim.Station.Ocpp.SmartCharging.Store.Count);
    }
}
