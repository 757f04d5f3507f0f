using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Charger.Sim.Realtime;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// Issue 8's end-to-end proof: the simulator started with --console, a terminal attached to the
/// pseudo-terminal path it prints, and a technician's session typed through it. No assertion is about
/// timing; every wait is a bounded timeout.
/// </summary>
[Collection(Charger.Sim.Tests.Conformance.WallClockCollection.Name)]
public sealed class ConsoleOverPseudoTerminalTests
{
    private static readonly string ChargingScenario = string.Join("\n",
        "# Plug in, charge, and keep charging while the technician looks. The session is started",
        "# remotely: the CSMS holds the call until the station is connected and Accepted over the real",
        "# socket, where a card swiped before registration would be refused as unknown-offline.",
        "0s      plug 32A",
        "+1s     ev charge",
        "+0s     csms remote-start RFID-0001",
        "+0s     expect contactor closed within 30s",
        "+10m    wait");

    private static readonly Regex LogLine = new(@"^\d+:\d\d:\d\d\.\d{3} (DEBUG|INFO |WARN |ERROR) ");

    [Fact]
    public void ConsoleFlagPrintsAPseudoTerminalPathThatATerminalProgramCanOpen()
    {
        using var sim = new RealtimeSimulator(new[] { "--console", "--quiet" });
        string path = sim.WaitForConsolePath();

        Assert.StartsWith("/dev/pts/", path);
        Assert.Contains($"screen {path} {RealtimeMode.ConsoleBaud}", sim.Output);
        using var terminal = new TerminalSession(path, RealtimeMode.ConsoleBaud);
        Assert.Contains("Charger service console", terminal.ReadUntil(TerminalSession.UserPrompt));
        Assert.Equal(0, sim.Stop());
    }

    [Fact]
    public void TechnicianReadsHelpStatusFaultsAndLogThroughTheTerminal()
    {
        using var sim = new RealtimeSimulator(new[] { "--console", "--quiet" });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);

        string help = terminal.Command("help");
        Assert.Contains("status", help);
        Assert.Contains("login", help);
        Assert.Contains("config", help);

        // No car on the idle station: pilot A, nothing offered, contactor open with its feedback.
        string status = terminal.Command("status");
        Assert.Contains("pilot A", status);
        Assert.Contains("contactor open (feedback open)", status);

        Assert.Contains("faults", terminal.Command("faults"));
        // At most five log lines, each with its time since boot and level.
        var logLines = terminal.Command("log 5").Split("\r\n").Where(l => LogLine.IsMatch(l)).ToList();
        Assert.InRange(logLines.Count, 1, 5);
        Assert.Contains("unknown command 'frobnicate'", terminal.Command("frobnicate"));
        Assert.Equal(0, sim.Stop());
    }

    [Fact]
    public void StatusOverTheTerminalShowsTheCarChargingWithTheContactorClosed()
    {
        string scenario = Path.Combine(Path.GetTempPath(), $"console-charging-{Guid.NewGuid():N}.scn");
        File.WriteAllText(scenario, ChargingScenario);
        try
        {
            using var sim = new RealtimeSimulator(new[] { "--console", "--quiet", "--scenario", scenario });
            using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
            terminal.ReadUntil(TerminalSession.UserPrompt);

            // The car needs a few real seconds to get to C; ask again until it has (bounded). Wait for
            // the feedback too: for the contactor's 20 ms travel the status reads "closed (feedback open)".
            string status = AskUntil(terminal, "status", "contactor closed (feedback closed)", timeoutMs: 20_000);
            Assert.Contains("pilot C2", status);
            Assert.Contains("contactor closed (feedback closed)", status);

            // Ctrl-C before the scenario's end: interrupted, not passed.
            Assert.Equal(RealtimeMode.InterruptedExitCode, sim.Stop());
            Assert.Contains("stopped by Ctrl-C", sim.Output);
            Assert.Contains("  result          INTERRUPTED (Ctrl-C before the scenario's end)", sim.Output);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public void PrivilegedCommandWithoutLoginIsRefusedOnOneLine()
    {
        using var sim = new RealtimeSimulator(new[] { "--console", "--quiet" });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);

        string answer = terminal.Command("config set OCPPCommCtrlr.HeartbeatInterval 30");

        Assert.Contains("config set: needs login first (type 'login')", answer);
        Assert.Equal(0, sim.Stop());
    }

    [Fact]
    public void LineEditingWorksThroughTheTerminalBackspaceCtrlCAndHistory()
    {
        using var sim = new RealtimeSimulator(new[] { "--console", "--quiet" });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);

        // "versiom", DEL, "n": the console runs "version".
        Assert.Contains("ChargerFirmware", terminal.Command("versiom\u007fn"));

        // Ctrl-C drops the half-typed line instead of running it.
        terminal.Press("frobni\u0003");
        string cancelled = terminal.ReadUntil(TerminalSession.UserPrompt);
        Assert.DoesNotContain("unknown command", cancelled);

        // Up-arrow (ESC [ A) recalls "version".
        Assert.Contains("ChargerFirmware", terminal.Command("\u001b[A"));
        Assert.Equal(0, sim.Stop());
    }

    private static string AskUntil(TerminalSession terminal, string command, string wanted, int timeoutMs)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string answer = "";
        while (watch.ElapsedMilliseconds < timeoutMs)
        {
            answer = terminal.Command(command);
            if (answer.Contains(wanted))
            {
                return answer;
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException($"'{command}' never showed '{wanted}' within {timeoutMs} ms; last answer:\n{answer}");
    }
}
