using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// --realtime: a scenario played against the wall clock, its outputs, and how the run ends. Waits are
/// bounded timeouts; the only time figure asserted is a lower bound that real time guarantees.
/// </summary>
public sealed class RealtimeModeTests : IDisposable
{
    private const int RunTimeoutMs = 30_000;

    private static readonly string QuickScenario = string.Join("\n",
        "0s      plug 32A",
        "+0s     expect pilot B within 1s",
        "+300ms  unplug",
        "+0s     expect pilot A within 1s");

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "charger-realtime-" + Guid.NewGuid().ToString("N"));

    public RealtimeModeTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void ScenarioPlaysInRealTimeAndTheRunEndsWithItWritingEventsAndChart()
    {
        string scenario = Write("quick.scn", QuickScenario);
        string events = Path.Combine(_dir, "events.jsonl");
        string chart = Path.Combine(_dir, "chart.svg");

        using var sim = new RealtimeSimulator(new[] { "--realtime", "--scenario", scenario, "--events", events, "--chart", chart });
        int exit = sim.WaitForExit(RunTimeoutMs);

        Assert.Equal(0, exit);
        Assert.Contains("result          PASSED", sim.Output);
        Assert.Contains("pilot      pilot B -> A", sim.Output);
        var kinds = File.ReadAllLines(events).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Contains(SimEventKinds.Pilot, kinds);
        Assert.Contains(SimEventKinds.Step, kinds);
        Assert.Equal("svg", XDocument.Load(chart).Root!.Name.LocalName);
    }

    [Fact]
    public void LastStatusLineShowsPilotStateOfferDrawnEnergyContactorAndFaults()
    {
        string scenario = Write("quick.scn", QuickScenario);

        using var sim = new RealtimeSimulator(new[] { "--realtime", "--quiet", "--scenario", scenario });
        Assert.Equal(0, sim.WaitForExit(RunTimeoutMs));

        string status = sim.Output.Split('\n').Last(l => l.StartsWith("status  "));
        foreach (string part in new[] { "pilot A", "state A", "offer 0.0 A", "drawn 0.0 A", "energy 0.000 kWh", "contactor open/open", "faults none" })
        {
            Assert.Contains(part, status);
        }
    }

    [Fact]
    public void FailedExpectationEndsTheRunWithExitCodeOneAndNamesTheLine()
    {
        string scenario = Write("fails.scn", "0s      expect pilot C");

        using var sim = new RealtimeSimulator(new[] { "--realtime", "--quiet", "--scenario", scenario });

        Assert.Equal(1, sim.WaitForExit(RunTimeoutMs));
        string failed = sim.Output.Split('\n').Single(l => l.StartsWith("FAILED "));
        Assert.StartsWith("FAILED line 1: expectation failed:", failed);
        Assert.Contains("expect pilot C", failed);
    }

    [Fact]
    public void CtrlCEndsAFreeRunCleanlyWithExitCodeZero()
    {
        string chart = Path.Combine(_dir, "free.svg");
        using var sim = new RealtimeSimulator(new[] { "--realtime", "--quiet", "--chart", chart });
        sim.WaitForOutput("Ctrl-C stops the run.");

        Assert.Equal(0, sim.Stop());
        Assert.Contains("stopped by Ctrl-C", sim.Output);
        Assert.Contains("session summary", sim.Output);
        Assert.Contains("  result          stopped by Ctrl-C", sim.Output);
        Assert.DoesNotContain("PASSED", sim.Output);
        Assert.True(File.Exists(chart));
    }

    [Fact]
    public void BadScenarioFileIsRefusedWithExitCodeTwoBeforeAnythingRuns()
    {
        string scenario = Write("bad.scn", "0s      fly away");

        using var sim = new RealtimeSimulator(new[] { "--realtime", "--scenario", scenario });

        Assert.Equal(2, sim.WaitForExit(RunTimeoutMs));
        Assert.Contains("line 1", sim.Errors);
        Assert.Contains("unknown verb 'fly'", sim.Errors);
    }

    [Fact]
    public void CsmsUrlThatIsNotAWebSocketIsRefusedOnOneLine()
    {
        using var sim = new RealtimeSimulator(new[] { "--csms", "http://127.0.0.1:9000/ocpp" });

        Assert.Equal(2, sim.WaitForExit(RunTimeoutMs));
        Assert.Equal("error: --csms needs a ws:// or wss:// URL, got 'http://127.0.0.1:9000/ocpp'", sim.Errors.Trim());
    }

    [Fact]
    public void RealtimeRunReachesTheBuiltInCsmsOverARealWebSocket()
    {
        string scenario = Write("online.scn", "0s expect connection online within 10s\n+0s expect csms received 1 BootNotification within 5s");
        using var sim = new RealtimeSimulator(new[] { "--realtime", "--scenario", scenario });

        Assert.Equal(0, sim.WaitForExit(RunTimeoutMs));
        Assert.Matches(@"csms: built-in CSMS serving ws://127\.0\.0\.1:\d+/CF-SIM-001", sim.Output);
        Assert.Contains("result          PASSED", sim.Output);
    }

    [Fact]
    public void CsmsOptionConnectsTheStationToAnExternalCsmsWithItsIdAndPassword()
    {
        var external = new Charger.Sim.Models.Csms.BuiltInCsms(new Charger.Sim.Models.Csms.CsmsOptions { BasicAuthPassword = "ext-secret-1" },
            () => Environment.TickCount64, DateTime.UtcNow);
        using var server = new Charger.Sim.Models.Csms.CsmsWebSocketServer(external);
        using var sim = new RealtimeSimulator(new[] { "--csms", server.Url, "--id", "EXT-7", "--password", "ext-secret-1" });

        // A free run: wait (bounded) until the external CSMS has the boot and a connector status.
        var deadline = DateTime.UtcNow.AddMilliseconds(RunTimeoutMs);
        while (external.CountReceivedCalls("StatusNotification") == 0 && DateTime.UtcNow < deadline)
        {
            System.Threading.Thread.Sleep(50);
        }

        Assert.Equal(0, sim.Stop());
        Assert.Equal(1, external.Station("EXT-7").BootCount);
        Assert.Equal("Accepted", external.Station("EXT-7").RegistrationStatus);
        Assert.True(external.CountReceivedCalls("StatusNotification") >= 1);
        Assert.Contains("csms: ws://127.0.0.1:", sim.Output);
    }

    [Fact]
    public void WrongPasswordAtAnExternalCsmsLeavesTheStationOffline()
    {
        var external = new Charger.Sim.Models.Csms.BuiltInCsms(new Charger.Sim.Models.Csms.CsmsOptions { BasicAuthPassword = "ext-secret-1" },
            () => Environment.TickCount64, DateTime.UtcNow);
        using var server = new Charger.Sim.Models.Csms.CsmsWebSocketServer(external);
        string scenario = Write("refused.scn", "0s expect connection online within 3s");

        using var sim = new RealtimeSimulator(new[] { "--csms", server.Url, "--id", "EXT-8", "--password", "wrong-secret", "--scenario", scenario });

        Assert.Equal(1, sim.WaitForExit(RunTimeoutMs));
        Assert.Contains("saw offline", sim.Output);
        Assert.Null(external.Station("EXT-8")?.RegistrationStatus);
    }

    [Fact]
    public void WallClockTargetNeverRunsVirtualTimeAheadOfRealTime()
    {
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var station = new SimulatedStation(new SimOptions(), new EventLog());
        var target = new WallClockTarget(station, System.Threading.CancellationToken.None);
        int ticks = 0;
        target.Ticked += () => ticks++;

        target.AdvanceTo(200);

        // A lower bound only: real time cannot have passed faster than virtual time did.
        Assert.True(wall.ElapsedMilliseconds >= 200, $"virtual 200 ms reached after only {wall.ElapsedMilliseconds} ms of wall time");
        Assert.Equal(200, target.NowMs);
        Assert.Equal(200 / station.TickMs, ticks);
    }

    [Fact]
    public void WallClockTargetStopsAtOnceWhenCancelled()
    {
        var station = new SimulatedStation(new SimOptions(), new EventLog());
        using var stop = new System.Threading.CancellationTokenSource();
        stop.Cancel();
        var target = new WallClockTarget(station, stop.Token);

        Assert.Throws<OperationCanceledException>(() => target.AdvanceTo(60_000));
        Assert.Equal(0, target.NowMs);
    }

    [Fact]
    public void StatusLineNamesTheActiveFault()
    {
        var station = new SimulatedStation(new SimOptions(), new EventLog());
        station.AdvanceTo(100);
        station.Apply(new ScenarioStep(1, 100, "rcd", new[] { "trip" }, "rcd trip", null));
        station.AdvanceTo(300);

        string status = StatusLine.Format(station);

        Assert.Contains("faults RcdTrip", status);
        Assert.StartsWith("0:00:00.300", status);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
