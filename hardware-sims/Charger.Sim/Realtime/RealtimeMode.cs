using Charger.Hal;
using Charger.Sim.Models.Serial;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Realtime;

/// <summary>
/// --realtime / --console / --csms: the simulated station run against the wall clock, so a technician
/// can type on its serial console through a pseudo-terminal and a CSMS can answer in real time.
/// With --scenario the steps play at their times and the run ends with the scenario; without one the
/// station idles (no car) until Ctrl-C. Writes --events and --chart like the virtual-time run.
/// </summary>
public static class RealtimeMode
{
    /// <summary>The baud rate a terminal program is told to use (the board's debug UART runs at this).</summary>
    public const int ConsoleBaud = 115200;

    /// <summary>Exit code when Ctrl-C stopped a scenario before its end (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Assumed when the terminal does not report its width: the classic VT100 line.</summary>
    private const int DefaultTerminalWidth = 80;

    /// <summary>The command-line entry: Ctrl-C (SIGINT) stops the run cleanly, a second one kills it.</summary>
    public static int Run(SimCommandLine options, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            return Run(options, output, Console.Error, terminal ? TerminalWidth() : 0, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    /// <summary>
    /// Runs until <paramref name="stop"/> or the scenario's end. <paramref name="terminalWidth"/> is the
    /// width of the terminal <paramref name="output"/> goes to (the status line is redrawn in place), or 0
    /// for a file or pipe (status lines are appended now and then).
    /// </summary>
    public static int Run(SimCommandLine options, TextWriter output, TextWriter errors, int terminalWidth, CancellationToken stop)
    {
        Scenario scenario = null;
        if (options.Scenario != null)
        {
            try
            {
                scenario = ScenarioParser.ParseFile(options.Scenario);
            }
            catch (ScenarioException ex)
            {
                errors.WriteLine($"error: {options.Scenario}: {ex.Message}");
                return 2;
            }
            catch (IOException ex)
            {
                errors.WriteLine($"error: cannot read scenario: {ex.Message}");
                return 2;
            }
        }

        if (options.CsmsUrl != null && !ExternalCsms.TryConnect(options, out string csmsError))
        {
            errors.WriteLine("error: " + csmsError);
            return 2;
        }

        PseudoTerminal pty = null;
        try
        {
            if (options.Console)
            {
                try
                {
                    pty = PseudoTerminal.Create(ConsoleBaud);
                }
                catch (IOException ex)
                {
                    errors.WriteLine($"error: --console: {ex.Message}");
                    return 2;
                }
            }

            return Run(options, scenario, pty, output, errors, terminalWidth, stop);
        }
        finally
        {
            pty?.Dispose();
        }
    }

    private static int Run(SimCommandLine options, Scenario scenario, ISerialPort consolePort, TextWriter output, TextWriter errors,
        int terminalWidth, CancellationToken stop)
    {
        var display = new LiveDisplay(output, terminalWidth > 0, terminalWidth > 0 ? terminalWidth : int.MaxValue);
        using var events = new EventLog(options.EventsFile == null ? null : new StreamWriter(options.EventsFile));
        if (!options.Quiet)
        {
            events.Added += new Timeline(display.Writer, options.Frames).Print;
        }

        using var sim = new SimulatedStation(new SimOptions
        {
            Seed = options.Seed,
            StationId = options.StationId,
            ConsolePort = consolePort,
            RealSockets = true,
            CsmsUrl = options.CsmsUrl?.TrimEnd('/'),
            CsmsPassword = options.Password,
            SecurityProfile = ExternalCsms.SecurityProfile(options),
            CsmsRootPem = ExternalCsms.ReadOrNull(options.CaFile),
            ClientCertificatePem = ExternalCsms.ReadOrNull(options.ClientCertFile),
            ClientKeyPem = ExternalCsms.ReadOrNull(options.ClientKeyFile),
        }, events);

        string name = scenario?.Name ?? "free run";
        output.WriteLine($"real time: {(scenario == null ? "no scenario, the station idles until Ctrl-C" : $"scenario {scenario.Name}, {scenario.Steps.Count} steps")}, station {options.StationId}, seed {options.Seed}");
        if (consolePort is PseudoTerminal pty)
        {
            output.WriteLine(ConsoleLine(pty.SlavePath));
        }

        output.WriteLine(sim.CsmsServer != null
            ? $"csms: built-in CSMS serving {sim.CsmsServer.Url}{options.StationId} (subprotocol ocpp2.0.1)"
            : $"csms: {options.CsmsUrl.TrimEnd('/')}/{options.StationId} (security profile {ExternalCsms.SecurityProfile(options)})");

        output.WriteLine("Ctrl-C stops the run.");
        output.Flush();

        var target = new WallClockTarget(sim, stop);
        target.Ticked += () => display.Refresh(() => StatusLine.Format(sim));
        var started = System.Diagnostics.Stopwatch.StartNew();
        ScenarioResult result;
        bool interrupted = false;
        int stepsRun = 0;
        try
        {
            if (scenario == null)
            {
                target.RunUntilStopped();
                result = null;
            }
            else
            {
                var runner = new ScenarioRunner(target);
                runner.StepApplied += _ => stepsRun++;
                result = runner.Run(scenario);
            }
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            result = null;
        }
        catch (ScenarioException ex)
        {
            display.Finish();
            errors.WriteLine($"error: {options.Scenario}: {ex.Message}");
            return 2;
        }

        started.Stop();
        display.Draw(StatusLine.Format(sim));
        display.Finish();
        if (interrupted)
        {
            output.WriteLine($"stopped by Ctrl-C at {Timeline.FormatTime(sim.NowMs).Trim()}" + (scenario == null ? "" : $", after {stepsRun} of {scenario.Steps.Count} steps"));
        }

        result ??= new ScenarioResult(name, stepsRun, 0, Array.Empty<ScenarioFailure>(), sim.NowMs);
        if (options.ChartFile != null)
        {
            sim.Chart.Title = $"{name} (real time): station {options.StationId}";
            sim.Chart.WriteSvg(options.ChartFile);
        }

        output.WriteLine();
        string summary = SessionSummary.Format(sim, result, started.Elapsed);
        output.WriteLine(interrupted ? MarkInterrupted(summary, scenario != null) : summary);
        foreach (var failure in result.Failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        output.Flush();
        if (interrupted && scenario != null)
        {
            return InterruptedExitCode;
        }

        return result.Passed ? 0 : 1;
    }

    /// <summary>
    /// A run stopped by Ctrl-C has no scenario verdict: the runner's counts ended with it, so the
    /// summary's expectation and result lines say so instead of a PASSED nobody earned.
    /// </summary>
    private static string MarkInterrupted(string summary, bool hadScenario)
    {
        var lines = summary.Split(Environment.NewLine);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("  expectations ", StringComparison.Ordinal))
            {
                lines[i] = "  expectations    not judged: stopped before the end";
            }
            else if (lines[i].StartsWith("  result ", StringComparison.Ordinal))
            {
                lines[i] = "  result          " + (hadScenario ? "INTERRUPTED (Ctrl-C before the scenario's end)" : "stopped by Ctrl-C");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The console window's width; 80 when the terminal will not say.</summary>
    private static int TerminalWidth()
    {
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : DefaultTerminalWidth;
        }
        catch (IOException)
        {
            return DefaultTerminalWidth;
        }
    }

    /// <summary>The line that tells a person how to attach a terminal program to the console.</summary>
    public static string ConsoleLine(string slavePath) =>
        $"console: {slavePath} at {ConsoleBaud} baud 8N1; attach with: screen {slavePath} {ConsoleBaud}  (or: picocom -b {ConsoleBaud} {slavePath})";
}
