using System;
using System.Linq;
using Charger.Firmware.Console;
using Charger.Firmware.Station;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

public class StationConsoleOcppTests
{
    private static SimulatedStation Booted(EventLog events = null, long untilMs = 2000)
    {
        var sim = new SimulatedStation(new SimOptions(), events ?? new EventLog());
        sim.AdvanceTo(untilMs);
        return sim;
    }

    [Fact]
    public void PlainVariableNamesReachTheirDefaultInstance()
    {
        var sim = Booted();
        var config = new StationConfigAccess(sim.Station.Ocpp.DeviceModel);

        var timeout = config.Get("OCPPCommCtrlr", "MessageTimeout");
        Assert.Equal(ConfigStatus.Accepted, timeout.Status);
        Assert.Equal(ConfigStatus.Accepted, config.Set("OCPPCommCtrlr", "MessageTimeout", "45").Status);
        Assert.Equal("45", config.Get("OCPPCommCtrlr", "MessageTimeout").Value);
        Assert.Equal(ConfigStatus.UnknownVariable, config.Get("OCPPCommCtrlr", "NoSuchVariable").Status);
    }

    [Fact]
    public void OcppTopicListsTheLastMessagesAndTraceLogsWholeFrames()
    {
        // Read the topic as soon as the boot is answered: the security events of the boot follow it
        // and push older lines out of the 8 recent messages.
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        var lines = new string[16];
        string text = "";
        for (long t = 50; t <= 2000 && !text.Contains("< RESULT"); t += 10)
        {
            sim.AdvanceTo(t);
            int n = sim.Station.Status.ReadLines(ConsoleTopic.Ocpp, lines);
            text = string.Join("\n", lines.Take(n));
        }

        Assert.Contains("last messages", text);
        Assert.Matches(@"0:00:00\.\d{3} > CALL BootNotification (\S+)\n0:00:00\.\d{3} < RESULT \1", text);
        Assert.Contains("> connect ws://csms.sim/ocpp/CF-SIM-001", text);

        sim.Station.OcppTrace.SetEnabled(true);
        sim.Station.Ocpp.Registration.TriggerHeartbeat();
        sim.AdvanceTo(sim.NowMs + 1000);
        var logged = new Charger.Firmware.Diagnostics.LogEntry[32];
        int count = sim.Station.Log.CopyNewest(logged, Charger.Hal.LogLevel.Debug, "ocpp");
        Assert.Contains(logged.Take(count), e => e.Message.StartsWith("> [2,") && e.Message.Contains("\"Heartbeat\""));
    }

    [Fact]
    public void SecretsAreMaskedInTraceAndInTheSimulatorEventLog()
    {
        var events = new EventLog();
        var sim = Booted(events);
        sim.Station.OcppTrace.SetEnabled(true);
        new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", "3s csms set SecurityCtrlr.MaintenancePassword s3cret-pass-42\n+6s wait"));

        Assert.True(new OcppPasswordVerifier(sim.Station.Ocpp).IsConfigured);
        Assert.DoesNotContain(events.Events, e => e.Text.Contains("s3cret-pass-42"));
        Assert.Contains(events.Events, e => e.Kind == SimEventKinds.OcppIn && e.Text.Contains("\"attributeValue\":\"***\""));
        var logged = new Charger.Firmware.Diagnostics.LogEntry[64];
        int count = sim.Station.Log.CopyNewest(logged, Charger.Hal.LogLevel.Debug, null);
        Assert.DoesNotContain(logged.Take(count), e => e.Message.Contains("s3cret-pass-42"));
    }

    [Theory]
    [InlineData("[2,\"1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"pw\\\"x\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}]}]", false)]
    [InlineData("[2,\"1\",\"SetVariables\",{\"setVariableData\":[{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"},\"attributeValue\":\"pw\\\"x\"}]}]", true)]
    public void MaskHidesThePasswordValueWhicheverComesFirst(string frame, bool valueAfterName)
    {
        string masked = TracingWebSocket.Mask(frame);
        Assert.DoesNotContain("pw", masked);
        Assert.Contains("\"attributeValue\":\"***\"", masked);
        Assert.Contains(valueAfterName ? "BasicAuthPassword" : "MaintenancePassword", masked);
    }

    [Fact]
    public void FramesWithoutSecretsAreLeftAlone()
    {
        string frame = "[2,\"1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"60\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}]";
        Assert.Equal(frame, TracingWebSocket.Mask(frame));
    }

    [Fact]
    public void TransactionTopicShowsTheTransactionIdAndChargingState()
    {
        var sim = Booted();
        var lines = new string[4];
        Assert.Equal(1, sim.Station.Status.ReadLines(ConsoleTopic.Transaction, lines));
        Assert.Equal("transaction: none", lines[0]);

        new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", "3s plug 32A\n+1s ev charge\n+1s swipe RFID-0001\n+10s wait"));

        sim.Station.Status.ReadLines(ConsoleTopic.Transaction, lines);
        string id = sim.Csms.LatestTransaction(new SimOptions().StationId).TransactionId;
        Assert.Equal($"transaction {id}, Charging", lines[0]);
    }
}
