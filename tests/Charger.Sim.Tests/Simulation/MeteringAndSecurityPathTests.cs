using System;
using System.Linq;
using Charger.Firmware.Safety;
using Charger.Firmware.Station;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

public class MeteringAndSecurityPathTests
{
    private static SimulatedStation Charging()
    {
        var sim = new SimulatedStation(new SimOptions { EvCapacityWh = 200_000, EvFollowDelayMs = 0 }, new EventLog());
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
    public void MeterReportedOverCurrentStopsChargingAfterItsSevenSecondWindow()
    {
        var sim = Charging();

        // 31.9 A offered: the limit is offer + 10 % + 0.5 A = 35.6 A; the faulty EV draws 39.9 A.
        sim.Ev.ExtraDrawA = 8;
        long start = sim.NowMs;
        sim.AdvanceTo(start + 5000);
        Assert.False(sim.Station.Controller.IsFaultActive(FaultCode.OverCurrent), "tripped inside the 7 s window");
        Assert.True(sim.Station.Controller.ContactorCommandedClosed);

        sim.AdvanceTo(start + 10_000);
        Assert.True(sim.Station.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.False(sim.Station.Controller.ContactorCommandedClosed);
    }

    [Fact]
    public void CurrentWithinTheMarginNeverTrips()
    {
        var sim = Charging();
        sim.Ev.ExtraDrawA = 3;
        sim.AdvanceTo(sim.NowMs + 60_000);
        Assert.False(sim.Station.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.True(sim.Station.Controller.ContactorCommandedClosed);
    }

    [Fact]
    public void ConsoleSecurityEventsReachTheCsmsAsSecurityEventNotification()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(2000);
        var events = new OcppSecurityEvents(sim.Station.Ocpp, sim.Station.Log);

        events.Raise("MaintenanceLoginFailed", "console: wrong password, 1 of 5", sim.NowMs);
        events.Raise("MaintenanceLoginAccepted", new string('x', 400), sim.NowMs);
        sim.AdvanceTo(sim.NowMs + 2000);

        Assert.Equal(2, events.Sent);
        // The station's own events of the boot (StartupOfTheDevice, SettingSystemTime) went first.
        var frames = sim.Csms.FrameLog.Where(f => f.Action == "SecurityEventNotification" && f.MessageTypeId == 2
            && f.Frame.Contains("\"type\":\"MaintenanceLogin")).Select(f => f.Frame).ToList();
        Assert.Equal(2, frames.Count);
        Assert.Contains("\"type\":\"MaintenanceLoginFailed\"", frames[0]);
        Assert.DoesNotContain(new string('x', 256), frames[1]);
        Assert.Empty(sim.Csms.Station(new SimOptions().StationId).ProtocolAnomalies);
    }
}
