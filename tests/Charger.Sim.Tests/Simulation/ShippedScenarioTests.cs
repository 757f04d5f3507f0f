using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>Every scenario shipped in hardware-sims/scenarios runs against the real firmware and holds.</summary>
public class ShippedScenarioTests
{
    private static string ScenarioDir => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<object[]> Scenarios() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.scn").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

    internal static (ScenarioResult Result, SimulatedStation Sim, EventLog Events) Run(string text, string name = "t", SimOptions options = null)
    {
        var events = new EventLog();
        var sim = new SimulatedStation(options ?? new SimOptions(), events);
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse(name, text));
        return (result, sim, events);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ShippedScenarioHoldsAgainstTheFirmware(string file)
    {
        var (result, _, _) = Run(File.ReadAllText(Path.Combine(ScenarioDir, file)), file);
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.True(result.ExpectationsMet >= 3, $"{file} checks only {result.ExpectationsMet} expectations");
    }

    [Fact]
    public void TheRequiredScenariosAreShipped()
    {
        var names = Directory.GetFiles(ScenarioDir, "*.scn").Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var required in new[]
        {
            "normal-rfid-session", "ev-pauses-and-resumes", "cable-yanked-while-charging", "thermal-derating",
            "rcd-trip-auto-retry", "welded-contactor", "meter-loss", "power-cut-mid-session",
            "firmware-update-and-confirm", "firmware-bad-signature-rejected", "firmware-download-interrupted-resumed",
            "firmware-power-cut-during-update", "firmware-new-image-fails-rolled-back", "firmware-update-waits-for-transaction",
            "network-profile-migrate-to-second-csms", "network-profile-unreachable-falls-back",
        })
        {
            Assert.Contains(required, names);
        }
    }

    [Fact]
    public void AWrongExpectationAgainstTheFirmwareFailsNamingItsLine()
    {
        var (result, _, _) = Run("""
            0s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect contactor closed within 3s
            +1m  rcd trip
            +1s  expect contactor closed
            """);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(6, failure.Step.LineNumber);
        Assert.Equal("contactor open", failure.Actual);
    }

    [Fact]
    public void AStationGivenAnUnreachableProfileIsNotOnItAndTheScenarioSaysSo()
    {
        var (result, _, _) = Run("""
            0s   expect connection online within 1s
            +1s  csms network-profile 1 ws://csms2.sim/ocpp
            +1s  csms set OCPPCommCtrlr.NetworkConfigurationPriority 1,0
            +1s  csms reset immediate
            +15m expect network-profile 1
            """);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(5, failure.Step.LineNumber);
        Assert.StartsWith("network profile slot 0", failure.Actual);
    }

    [Fact]
    public void WithoutAuthorizationTheContactorNeverCloses()
    {
        var (result, sim, _) = Run("""
            0s   plug 32A
            +1s  ev charge
            +1m  expect contactor open
            +0s  expect pilot B
            """);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(0, sim.MeteredEnergyWh);
    }

    [Fact]
    public void MeterIntegratesThePowerTheEvActuallyDrew()
    {
        var (result, sim, _) = Run("""
            0s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +1h  swipe RFID-0001
            +5s  unplug
            """, options: new SimOptions { EvCapacityWh = 200_000, EvStateOfChargePercent = 20 });

        Assert.True(result.Passed);

        // 31.9 A (what the PWM advertises for 32 A) x 230 V x 3 phases for an hour, less the EV's follow delay;
        // a large battery so the EV never tapers.
        Assert.InRange(sim.MeteredEnergyWh, 21_500, 22_200);
        Assert.InRange(sim.Ev.EnergyIntoBatteryWh, sim.MeteredEnergyWh - 50, sim.MeteredEnergyWh + 50);
    }

    [Fact]
    public void EventLogRecordsTheKindsTheIssueNames()
    {
        var (_, _, events) = Run(File.ReadAllText(Path.Combine(ScenarioDir, "rcd-trip-auto-retry.scn")));
        foreach (var kind in new[] { SimEventKinds.Pilot, SimEventKinds.Offer, SimEventKinds.ContactorCommand, SimEventKinds.ContactorFeedback, SimEventKinds.Fault, SimEventKinds.Meter, SimEventKinds.Step })
        {
            Assert.True(events.Count(kind) > 0, $"no '{kind}' events");
        }

        Assert.All(events.Events.Zip(events.Events.Skip(1)), pair => Assert.True(pair.Second.TimeMs >= pair.First.TimeMs));
    }

    [Fact]
    public void SameSeedReplaysTheSameSession()
    {
        string script = File.ReadAllText(Path.Combine(ScenarioDir, "meter-loss.scn"));
        var a = Run(script).Events.Events.Select(EventLog.ToJsonLine).ToList();
        var b = Run(script).Events.Events.Select(EventLog.ToJsonLine).ToList();
        Assert.Equal(a, b);
    }
}
