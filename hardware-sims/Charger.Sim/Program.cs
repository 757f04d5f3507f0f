using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim;

public static class Program
{
    public const string DefaultScenario = "normal-rfid-session.scn";

    public static int Main(string[] args)
    {
        var options = SimCommandLine.Parse(args, out string error);
        if (options == null)
        {
            Console.Error.WriteLine("error: " + error);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(SimCommandLine.HelpText());
            return 0;
        }

        if (options.Realtime || options.CsmsUrl != null || options.Console)
        {
            return Realtime.RealtimeMode.Run(options, Console.Out);
        }

        Scenario scenario;
        try
        {
            string path = options.Scenario ?? Path.Combine(AppContext.BaseDirectory, "scenarios", DefaultScenario);
            scenario = ScenarioParser.ParseFile(path);
        }
        catch (ScenarioException ex)
        {
            Console.Error.WriteLine($"error: {options.Scenario}: {ex.Message}");
            return 2;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: cannot read scenario: {ex.Message}");
            return 2;
        }

        return Run(scenario, options, Console.Out);
    }

    public static int Run(Scenario scenario, SimCommandLine options, TextWriter output)
    {
        using var events = new EventLog(options.EventsFile == null ? null : new StreamWriter(options.EventsFile));
        if (!options.Quiet)
        {
            events.Added += new Timeline(output, options.Frames).Print;
        }

        var sim = new SimulatedStation(new SimOptions { Seed = options.Seed, StationId = options.StationId }, events);
        output.WriteLine($"scenario {scenario.Name}: {scenario.Steps.Count} steps, station {options.StationId}, seed {options.Seed}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        ScenarioResult result;
        try
        {
            result = new ScenarioRunner(sim).Run(scenario);
        }
        catch (ScenarioException ex)
        {
            // A step that cannot be carried out in this run (remote-stop with no transaction).
            output.WriteLine($"error: {scenario.Name}: {ex.Message}");
            return 2;
        }

        started.Stop();

        if (options.ChartFile != null)
        {
            sim.Chart.Title = $"{scenario.Name}: station {options.StationId}";
            sim.Chart.WriteSvg(options.ChartFile);
        }

        output.WriteLine();
        output.WriteLine(SessionSummary.Format(sim, result, started.Elapsed));
        foreach (var failure in result.Failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        return result.Passed ? 0 : 1;
    }
}
