using System;
using System.Linq;
using Charger.Firmware.Console;
using Charger.Firmware.Station;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>The station's OCPP glue, exercised through the simulator against the built-in CSMS.</summary>
public class StationOcppGlueTests
{
    private static SimulatedStation Booted()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(2000);
        return sim;
    }

    private static string[] StatusesSent(SimulatedStation sim) =>
        sim.Csms.FrameLog
            .Where(f => f.Frame.Contains("\"StatusNotification\""))
            .Select(f => System.Text.Json.JsonDocument.Parse(f.Frame).RootElement[3].GetProperty("connectorStatus").GetString())
            .ToArray();

    [Fact]
    public void BootIsAcceptedAndTheConnectorReportedAvailable()
    {
        var sim = Booted();
        Assert.True(sim.Link.Connected);
        Assert.Equal(1, sim.Csms.CountReceivedCalls("BootNotification"));
        Assert.Equal(new[] { "Available" }, StatusesSent(sim));
    }

    [Fact]
    public void ConnectorStatusFollowsPlugFaultAndAvailability()
    {
        var sim = Booted();
        var runner = new ScenarioRunner(sim);
        var result = runner.Run(ScenarioParser.Parse("t", """
            3s   plug 32A
            +2s  estop press
            +2s  estop release
            +2s  unplug
            +2s  csms availability inoperative
            +5s  wait
            """));

        Assert.True(result.Passed);

        // The e-stop latches until a manual reset, so the connector stays Faulted after unplugging;
        // Unavailable (ChangeAvailability) wins over the fault.
        Assert.Equal(new[] { "Available", "Occupied", "Faulted", "Unavailable" }, StatusesSent(sim));
    }

    [Fact]
    public void ConnectorStatusIsWorkedOutByTheOcppDutyNotInsideTheSafetyStages()
    {
        var sim = Booted();
        var bridge = sim.Station.OcppBridge;
        Assert.Equal(Charger.Ocpp.ConnectorStatus.Available, bridge.ReportedStatus);

        // The e-stop is seen by the safety stage in the next tick; the connector status follows in
        // the OCPP duty (every 50 ms), not inside that stage: no OCPP work in the safety path.
        var press = ScenarioParser.Parse("t", "0s estop press").Steps[0];
        sim.Apply(press);
        int ticks = 0;
        while (!sim.Station.Controller.IsFaultActive(Charger.Firmware.Safety.FaultCode.EmergencyStop) && ticks < 10)
        {
            sim.AdvanceTo(sim.NowMs + sim.TickMs);
            ticks++;
        }

        Assert.True(sim.Station.Controller.IsFaultActive(Charger.Firmware.Safety.FaultCode.EmergencyStop));
        long faultAt = sim.NowMs;
        long statusAt = -1;
        for (int i = 0; i < 10 && statusAt < 0; i++)
        {
            if (bridge.ReportedStatus == Charger.Ocpp.ConnectorStatus.Faulted)
            {
                statusAt = sim.NowMs;
            }
            else
            {
                sim.AdvanceTo(sim.NowMs + sim.TickMs);
            }
        }

        Assert.True(statusAt >= 0, "the Faulted status never followed");
        Assert.True(statusAt - faultAt <= 50, $"status followed {statusAt - faultAt} ms after the fault, more than one OCPP period");
        Assert.True(statusAt > faultAt || faultAt % 50 == 0,
            "the status changed in the tick of the fault although the OCPP duty was not due: the safety stage did OCPP work");
    }

    [Fact]
    public void ConsoleConfigReadsAndWritesTheDeviceModelWithGetSetVariablesRules()
    {
        var sim = Booted();
        var config = new StationConfigAccess(sim.Station.Ocpp.DeviceModel);

        Assert.Equal(ConfigStatus.Accepted, config.Set("OCPPCommCtrlr", "HeartbeatInterval", "60").Status);
        var read = config.Get("OCPPCommCtrlr", "HeartbeatInterval");
        Assert.Equal((ConfigStatus.Accepted, "60"), (read.Status, read.Value));

        var bad = config.Set("OCPPCommCtrlr", "HeartbeatInterval", "soon");
        Assert.Equal(ConfigStatus.Rejected, bad.Status);
        Assert.NotEqual("", bad.Reason);
        Assert.Equal(ConfigStatus.UnknownComponent, config.Get("NoSuchCtrlr", "X").Status);
        Assert.Equal(ConfigStatus.UnknownVariable, config.Get("OCPPCommCtrlr", "NoSuchVariable").Status);
    }

    [Fact]
    public void HeartbeatIntervalSetOnTheConsoleIsWhatTheStationThenUses()
    {
        var sim = Booted();
        new StationConfigAccess(sim.Station.Ocpp.DeviceModel).Set("OCPPCommCtrlr", "HeartbeatInterval", "20");
        int before = sim.Csms.CountReceivedCalls("Heartbeat");
        sim.AdvanceTo(sim.NowMs + 61_000);
        Assert.InRange(sim.Csms.CountReceivedCalls("Heartbeat") - before, 2, 4);
    }

    [Fact]
    public void MaintenancePasswordIsWriteOnlyAndVerifiedAgainstItsHash()
    {
        var sim = Booted();
        var config = new StationConfigAccess(sim.Station.Ocpp.DeviceModel);
        var verifier = new OcppPasswordVerifier(sim.Station.Ocpp);
        Assert.False(verifier.IsConfigured);

        Assert.Equal(ConfigStatus.Accepted, config.Set("SecurityCtrlr", "MaintenancePassword", "field-tech-42").Status);

        Assert.True(verifier.IsConfigured);
        Assert.Equal(ConfigStatus.Rejected, config.Get("SecurityCtrlr", "MaintenancePassword").Status);
        byte[] good = System.Text.Encoding.ASCII.GetBytes("field-tech-42");
        byte[] wrong = System.Text.Encoding.ASCII.GetBytes("field-tech-43");
        Assert.True(verifier.Verify(good, good.Length));
        Assert.False(verifier.Verify(wrong, wrong.Length));
        Assert.Equal(ConfigStatus.Rejected, config.Set("SecurityCtrlr", "MaintenancePassword", "short").Status);
    }

    [Fact]
    public void CardIsRefusedWhileTheConnectorIsUnavailable()
    {
        var sim = Booted();
        sim.Station.OcppBridge.SetOperative(1, 1, false);
        Assert.Equal("refused: connector unavailable", sim.Station.PresentIdToken("RFID-0001"));
        Assert.False(sim.Station.Controller.Authorized);
        sim.Station.OcppBridge.SetOperative(1, 1, true);

        // Online, the card goes to the CSMS (Authorize) before charging is allowed.
        Assert.Equal("Pending", sim.Station.PresentIdToken("RFID-0001"));
        sim.AdvanceTo(sim.NowMs + 1000);
        Assert.True(sim.Station.Controller.Authorized);
        Assert.Equal(1, sim.Csms.CountReceivedCalls("Authorize"));
    }

    [Fact]
    public void CsmsResetRebootsTheFirmwareWhichBootsAgain()
    {
        var sim = Booted();
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            3s   csms reset immediate
            +0s  expect csms received 2 BootNotification within 5s
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(1, sim.PowerCuts);
        Assert.Equal("RemoteReset", sim.Csms.Station(new SimOptions().StationId).LastBootReason);
    }

    [Fact]
    public void FramesInBothDirectionsReachTheEventLog()
    {
        var events = new EventLog();
        var sim = new SimulatedStation(new SimOptions(), events);
        sim.AdvanceTo(1000);
        Assert.Contains(events.Events, e => e.Kind == SimEventKinds.OcppOut && (string)e.Fields["action"] == "BootNotification");
        Assert.Contains(events.Events, e => e.Kind == SimEventKinds.OcppIn && (string)e.Fields["action"] == "result");
    }

    [Fact]
    public void PowerCutEndsTheInterruptedTransactionOnceWithPowerLoss()
    {
        var sim = Booted();
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            3s    plug 32A
            +1s   ev charge
            +1s   swipe RFID-0001
            +0s   expect transaction started within 2s
            +5m   power-cut for 5s
            +1m   expect transaction ended
            +10m  wait
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));

        var tx = Assert.Single(sim.Csms.Transactions);
        Assert.Equal("PowerLoss", tx.StoppedReason);
        Assert.Equal(1, tx.StartedCount);
        Assert.Equal(1, tx.EndedCount);
        Assert.Empty(tx.DuplicateSeqNos);
        Assert.Equal(0, sim.Csms.MissingSeqNoCount);
        Assert.True(sim.Csms.EnergyNeverDecreases);
    }

    [Fact]
    public void EventsProducedOfflineAreDeliveredInOrderAfterReconnection()
    {
        var sim = Booted();
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", """
            3s    plug 32A
            +1s   ev charge
            +1s   swipe RFID-0001
            +0s   expect transaction started within 2s
            +1m   network down
            +20m  swipe RFID-0001
            +10s  unplug
            +10m  network up
            +0s   expect transaction ended within 15m
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));

        var tx = Assert.Single(sim.Csms.Transactions);
        Assert.True(tx.OfflineEventCount > 0, "no event was flagged offline");
        Assert.Equal(1, tx.EndedCount);
        Assert.Equal(0, tx.OutOfOrderCount);
        Assert.Empty(tx.DuplicateSeqNos);
        Assert.Equal(0, sim.Csms.MissingSeqNoCount);
        Assert.True(tx.EnergyDeliveredWh > 7000, $"only {tx.EnergyDeliveredWh} Wh recorded");
    }
}
