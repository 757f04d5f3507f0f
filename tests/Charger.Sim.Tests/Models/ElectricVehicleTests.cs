using System;
using System.Collections.Generic;
using System.Linq;
using Charger.Sim.Models.Ev;

namespace Charger.Sim.Tests.Models;

public class ElectricVehicleTests
{
    private static void Run(ElectricVehicle ev, ref long now, long untilMs, double offerA, bool pwm, bool power)
    {
        for (; now <= untilMs; now += 10)
        {
            ev.Step(now, offerA, pwm, power);
        }
    }

    [Fact]
    public void PilotLoadFollowsConnectionIntentAndS2()
    {
        var ev = new ElectricVehicle();
        Assert.Equal(EvPilotLoad.None, ev.PilotLoad);
        ev.Plug();
        ev.Step(0, 0, pwmActive: false, powerOn: false);
        Assert.Equal(EvPilotLoad.Connected, ev.PilotLoad);
        ev.Step(10, 16, pwmActive: true, powerOn: false);
        Assert.Equal(EvPilotLoad.Charging, ev.PilotLoad);
        ev.Intent = EvIntent.Ventilate;
        Assert.Equal(EvPilotLoad.Ventilation, ev.PilotLoad);
        ev.Intent = EvIntent.Error;
        Assert.Equal(EvPilotLoad.Short, ev.PilotLoad);
        ev.Unplug();
        Assert.Equal(EvPilotLoad.None, ev.PilotLoad);
    }

    [Fact]
    public void FollowsANewOfferOnlyAfterItsDelayAndWithinTheStandardFiveSeconds()
    {
        var ev = new ElectricVehicle { FollowDelayMs = 2000 };
        Assert.True(ev.FollowDelayMs <= ElectricVehicle.StandardFollowLimitMs);
        ev.Plug();
        long now = 0;
        Run(ev, ref now, 5000, 32, true, true);
        Assert.Equal(32, ev.DrawnA);

        Run(ev, ref now, 6000, 16, true, true);
        Assert.Equal(32, ev.DrawnA);
        Run(ev, ref now, 7100, 16, true, true);
        Assert.Equal(16, ev.DrawnA);
    }

    [Fact]
    public void DrawsNothingWithoutPowerAndNeverMoreThanItsMaximum()
    {
        var ev = new ElectricVehicle { MaxCurrentA = 16 };
        ev.Plug();
        long now = 0;
        Run(ev, ref now, 3000, 32, true, false);
        Assert.Equal(0, ev.DrawnA);
        Run(ev, ref now, 6000, 32, true, true);
        Assert.Equal(16, ev.DrawnA);
    }

    [Fact]
    public void ChargingRaisesStateOfChargeByTheEnergyDrawn()
    {
        var ev = new ElectricVehicle { CapacityWh = 10_000, StateOfChargePercent = 10, FollowDelayMs = 0 };
        ev.Plug();
        long now = 0;
        Run(ev, ref now, 3_600_000, 10, true, true);

        // 10 A × 230 V × 3 phases for one hour = 6.9 kWh = 69 % of 10 kWh.
        Assert.InRange(ev.EnergyIntoBatteryWh, 6890, 6910);
        Assert.InRange(ev.StateOfChargePercent, 78.9, 79.1);
    }

    [Fact]
    public void TapersAboveItsThresholdAndGoesBackToBWhenFull()
    {
        var ev = new ElectricVehicle { CapacityWh = 2000, StateOfChargePercent = 85, FollowDelayMs = 0, MaxCurrentA = 16 };
        ev.Plug();
        long now = 0;
        ev.Step(now, 16, true, true);
        now += 10;
        ev.Step(now, 16, true, true);
        Assert.True(ev.DrawnA < 16 && ev.DrawnA > 0, $"drew {ev.DrawnA} A at 85 %");

        Run(ev, ref now, 4 * 3_600_000, 16, true, true);
        Assert.True(ev.IsFull);
        Assert.Equal(EvPilotLoad.Connected, ev.PilotLoad);
        Assert.Equal(0, ev.DrawnA);
    }

    [Fact]
    public void LeavesCAfterThePwmIsWithdrawnUnlessItIsStubborn()
    {
        var polite = new ElectricVehicle { StopResponseMs = 500 };
        var stubborn = new ElectricVehicle { StopResponseMs = long.MaxValue };
        foreach (var ev in new[] { polite, stubborn })
        {
            ev.Plug();
            long now = 0;
            Run(ev, ref now, 100, 16, true, false);
            Run(ev, ref now, 10_000, 0, false, false);
        }

        Assert.Equal(EvPilotLoad.Connected, polite.PilotLoad);
        Assert.Equal(EvPilotLoad.Charging, stubborn.PilotLoad);
    }

    [Fact]
    public void PausedVehicleOpensS2()
    {
        var ev = new ElectricVehicle();
        ev.Plug();
        long now = 0;
        Run(ev, ref now, 100, 16, true, false);
        ev.Intent = EvIntent.Pause;
        Run(ev, ref now, 200, 16, true, false);
        Assert.False(ev.S2Closed);
    }
}
