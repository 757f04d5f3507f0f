using System;
using System.Linq;
using System.Text;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Security;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>The whole station in virtual time: security events across an outage and a power cut (A04), GetLog to the built-in CSMS (N01).</summary>
public class SecurityEventsAndLogUploadTests
{
    private static void Do(SimulatedStation sim, string line) => sim.Apply(ScenarioParser.Parse("t", "0s " + line).Steps[0]);

    private static string[] SecurityEventTypesReceived(SimulatedStation sim, long afterMs = 0) => sim.Csms.FrameLog
        .Where(f => f.Direction == FrameDirection.In && f.MessageTypeId == 2 && f.Action == "SecurityEventNotification" && f.TimeMs >= afterMs)
        .Select(f => System.Text.Json.JsonDocument.Parse(f.Frame).RootElement[3].GetProperty("type").GetString())
        .ToArray();

    [Fact]
    public void EventsRaisedDuringAnOutageSurviveAPowerCutAndReachTheCsmsAfterIt()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(5_000);
        Assert.Equal(new[] { "StartupOfTheDevice", "SettingSystemTime" }, SecurityEventTypesReceived(sim));

        Do(sim, "network down");
        sim.AdvanceTo(sim.NowMs + 120_000);
        sim.Station.Ocpp.SecurityEvents.Raise(SecurityEventTypes.TamperDetectionActivated, "enclosure opened", sim.NowMs);
        sim.AdvanceTo(sim.NowMs + 10_000);
        long cutAt = sim.NowMs;
        Do(sim, "power-cut for 5s");
        sim.AdvanceTo(sim.NowMs + 60_000);
        Assert.Empty(SecurityEventTypesReceived(sim, cutAt - 130_000).Where(t => t == "TamperDetectionActivated"));

        long upAt = sim.NowMs;
        Do(sim, "network up");
        sim.AdvanceTo(sim.NowMs + 300_000);
        var after = SecurityEventTypesReceived(sim, upAt);
        Assert.Equal("TamperDetectionActivated", after[0]);
        Assert.Contains("StartupOfTheDevice", after);
        Assert.Equal(1, after.Count(t => t == "TamperDetectionActivated"));
        Assert.Empty(sim.Csms.Station(new SimOptions().StationId).ProtocolAnomalies);
    }

    [Fact]
    public void GetLogUploadsTheDiagnosticsLogToTheCsmsHttpServer()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(5_000);
        sim.Csms.Send(new SimOptions().StationId, CsmsRequests.GetLog("DiagnosticsLog", 21, BuiltInCsms.LogUploadUrl));
        sim.AdvanceTo(sim.NowMs + 10_000);

        Assert.Equal(1, sim.Csms.HttpServer.UploadCount);
        string body = Encoding.UTF8.GetString(sim.Csms.HttpServer.UploadAt(0).Body);
        Assert.Contains("filename=\"" + new SimOptions().StationId + "-diagnostics-21.log\"", body);
        Assert.Contains("ChargerFirmware", body);
        Assert.Contains("GetLog 21: DiagnosticsLog", body);
        Assert.Equal("Uploaded", sim.Csms.Station(new SimOptions().StationId).LastLogStatus);
    }

    [Fact]
    public void AnUploadThatKeepsFailingEndsInUploadFailureAfterItsRetries()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(5_000);
        sim.Csms.HttpServer.FailNext(100, 500);
        sim.Csms.Send(new SimOptions().StationId, CsmsRequests.GetLog("SecurityLog", 22, BuiltInCsms.LogUploadUrl, retries: 2, retryInterval: 20));
        sim.AdvanceTo(sim.NowMs + 30_000);
        Assert.Equal("Uploading", sim.Csms.Station(new SimOptions().StationId).LastLogStatus);
        sim.AdvanceTo(sim.NowMs + 30_000);
        Assert.Equal(3, sim.Csms.HttpServer.Requests);
        Assert.Equal("UploadFailure", sim.Csms.Station(new SimOptions().StationId).LastLogStatus);
    }
}
