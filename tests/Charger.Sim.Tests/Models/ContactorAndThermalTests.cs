using System;
using System.Collections.Generic;
using System.Linq;
using Charger.Hal.Sim;
using Charger.Sim.Models.Power;
using Charger.Sim.Models.Thermal;

namespace Charger.Sim.Tests.Models;

public class ContactorAndThermalTests
{
    [Fact]
    public void AuxiliaryContactFollowsTheCoilAfterTheActuationDelay()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        var k = new ContactorModel(coil, aux) { ActuationDelayMs = 20 };
        coil.Write(true);
        k.Step(0);
        k.Step(10);
        Assert.False(aux.Level);
        k.Step(20);
        Assert.True(aux.Level);
        Assert.True(k.IsClosed);
        coil.Write(false);
        k.Step(30);
        Assert.True(aux.Level);
        k.Step(50);
        Assert.False(aux.Level);
    }

    [Fact]
    public void WeldedContactorStaysClosedAndStuckOneNeverCloses()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        var k = new ContactorModel(coil, aux) { ActuationDelayMs = 0, Welded = true };
        coil.Write(true);
        k.Step(0);
        coil.Write(false);
        k.Step(1000);
        Assert.True(aux.Level);

        k.Repair();
        k.Step(1010);
        Assert.False(aux.Level);

        k.StuckOpen = true;
        coil.Write(true);
        k.Step(2000);
        Assert.False(aux.Level);
    }

    [Fact]
    public void TemperatureRisesWithCurrentSquaredToItsSteadyState()
    {
        var half = new ThermalModel("connector", 30, 32, 600, 25);
        var full = new ThermalModel("connector", 30, 32, 600, 25);
        for (int i = 0; i < 3600 * 3; i++)
        {
            half.Step(16, 1000);
            full.Step(32, 1000);
        }

        Assert.InRange(full.TemperatureC, 54.9, 55.1);
        Assert.InRange(half.TemperatureC, 32.4, 32.6);
    }

    [Fact]
    public void TemperatureCoolsTowardsAmbient()
    {
        var t = new ThermalModel("internal", 20, 32, 300, 35) { TemperatureC = 80 };
        t.Step(0, 3_600_000);
        Assert.InRange(t.TemperatureC, 35, 35.1);
    }
}
