using System;
using System.Linq;
using Charger.Ota.Slots;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;
using Charger.Sim.Tests.Simulation;

namespace Charger.Sim.Tests.Ota;

/// <summary>The simulated station boots its slots with the board's Charger.Ota code and reports the booted bundle's version.</summary>
public class SimulatedBootTests
{
    [Fact]
    public void BootNotificationCarriesTheVersionOfTheConfirmedUpdate()
    {
        var (result, sim, _) = ShippedScenarioTests.Run("""
            0s   firmware install 0.9.1
            +1s  power-cut for 2s
            +3m  expect slot B
            +0s  power-cut for 2s
            +5s  expect connection online within 5s
            """);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal("0.9.1", sim.Csms.Stations.Single().FirmwareVersion);
        Assert.Equal("0.9.1", sim.Boot.RunningVersion);
        Assert.Equal("B", sim.Boot.RunningSlot);
    }

    [Fact]
    public void AnImageThrowingOnStartNeverReachesTheCsms()
    {
        var (result, sim, events) = ShippedScenarioTests.Run("""
            0s   firmware install 0.9.2 throws
            +1s  power-cut for 2s
            +5s  expect firmware 0.1.0
            +0s  expect rollback StartThrew
            """);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal("0.1.0", sim.Csms.Stations.Single().FirmwareVersion);
        Assert.Equal(SlotImageState.Failed, sim.Boot.State.ImageOf(1));
        Assert.Contains(events.Events, e => e.Text.Contains("slot B (trial) threw on start"));
    }

    [Fact]
    public void AnUnconfirmedTrialCutByPowerUsesUpItsAttemptsAndIsRolledBack()
    {
        // Each power cut before the 2-minute self-test is one used boot attempt (3 allowed).
        var (result, sim, _) = ShippedScenarioTests.Run("""
            0s   firmware install 0.9.3
            +1s  power-cut for 1s
            +30s power-cut for 1s
            +30s power-cut for 1s
            +30s expect firmware 0.9.3
            +0s  power-cut for 1s
            +30s expect firmware 0.1.0
            +0s  expect rollback NotConfirmed
            +0s  expect slot A
            """);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(1u, sim.Boot.State.RollbackCount);
    }

    [Theory]
    [InlineData("0s firmware install")]
    [InlineData("0s firmware install 1.0 sometimes")]
    [InlineData("0s firmware update 1.0")]
    [InlineData("0s expect slot C")]
    [InlineData("0s expect rollback Maybe")]
    [InlineData("0s expect firmware")]
    public void MistakesInTheFirmwareVerbsAreReportedBeforeTheRun(string line)
    {
        Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("t", line));
    }
}
