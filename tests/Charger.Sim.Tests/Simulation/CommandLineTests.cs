using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace Charger.Sim.Tests.Simulation;

public class CommandLineTests
{
    [Fact]
    public void HelpDescribesEveryOption()
    {
        string help = SimCommandLine.HelpText();
        foreach (var flag in new[] { "--csms", "--id", "--password", "--scenario", "--realtime", "--events", "--chart", "--console" })
        {
            Assert.Contains(flag, help);
        }
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'; see --help")]
    [InlineData(new[] { "--scenario" }, "--scenario needs <file>")]
    [InlineData(new[] { "--events", "--chart", "x.svg" }, "--events needs <file>")]
    [InlineData(new[] { "--seed", "abc" }, "--seed needs a whole number, got 'abc'")]
    public void BadOptionsGetOnePreciseLine(string[] args, string expected)
    {
        Assert.Null(SimCommandLine.Parse(args, out string error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void OptionsAreParsed()
    {
        var o = SimCommandLine.Parse(new[] { "--scenario", "a.scn", "--events", "e.jsonl", "--chart", "c.svg", "--seed", "7", "--id", "ST-9", "--quiet" }, out _);
        Assert.Equal(("a.scn", "e.jsonl", "c.svg", 7UL, "ST-9", true), (o.Scenario, o.EventsFile, o.ChartFile, o.Seed, o.StationId, o.Quiet));
    }

    [Fact]
    public void DefaultRunPassesAndWritesEventsAndChart()
    {
        string dir = Directory.CreateTempSubdirectory("sim").FullName;
        try
        {
            string events = Path.Combine(dir, "events.jsonl");
            string chart = Path.Combine(dir, "session.svg");
            var output = new StringWriter();

            int exit = Program.Main(new[] { "--events", events, "--chart", chart, "--quiet" }) ;

            Assert.Equal(0, exit);
            var lines = File.ReadAllLines(events);
            Assert.True(lines.Length > 20);
            var kinds = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToHashSet();
            Assert.Contains("pilot", kinds);
            Assert.Contains("contactor.command", kinds);
            var svg = XDocument.Load(chart);
            Assert.Contains(svg.Descendants().Select(e => (string)e.Attribute("id")), id => id == "series-current-drawn");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FailedExpectationExitsOneAndNamesTheLine()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0s plug 32A\n+1s expect contactor closed within 1s\n");
            var output = new StringWriter();
            var options = SimCommandLine.Parse(new[] { "--quiet" }, out _);
            int exit = Program.Run(Charger.Sim.Scenarios.ScenarioParser.ParseFile(file), options, output);
            Assert.Equal(1, exit);
            Assert.Contains("FAILED line 2: expectation failed: '+1s expect contactor closed within 1s'", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ScriptMistakeExitsTwo()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0s plug 32A\n+1s fly away\n");
            Assert.Equal(2, Program.Main(new[] { "--scenario", file, "--quiet" }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void StepThatCannotRunExitsTwoNamingItsLine()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0s plug 32A\n+1s csms remote-stop\n");
            var output = new StringWriter();
            var options = SimCommandLine.Parse(new[] { "--quiet" }, out _);
            int exit = Program.Run(Charger.Sim.Scenarios.ScenarioParser.ParseFile(file), options, output);
            Assert.Equal(2, exit);
            Assert.Contains("line 2: csms remote-stop: the CSMS knows no transaction of this station yet", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
