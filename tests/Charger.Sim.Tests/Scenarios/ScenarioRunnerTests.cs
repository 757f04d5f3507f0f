using System;
using System.Collections.Generic;
using System.Linq;
using Charger.Sim.Scenarios;

namespace Charger.Sim.Tests.Scenarios;

public class ScenarioRunnerTests
{
    /// <summary>A target whose contactor opens a fixed time after "rcd trip".</summary>
    private sealed class FakeStation(long openDelayMs) : ISimulationTarget
    {
        private long _tripAtMs = -1;

        public long NowMs { get; private set; }

        public int TickMs => 10;

        public List<string> Applied { get; } = new();

        public List<long> AdvancedTo { get; } = new();

        public void AdvanceTo(long ms)
        {
            Assert.True(ms >= NowMs);
            NowMs = ms;
            AdvancedTo.Add(ms);
        }

        public void Apply(ScenarioStep step)
        {
            Applied.Add($"{NowMs}:{step.Verb}");
            if (step.Verb == "rcd")
            {
                _tripAtMs = NowMs;
            }
        }

        public bool Check(Expectation e, out string actual)
        {
            bool open = _tripAtMs >= 0 && NowMs - _tripAtMs >= openDelayMs;
            actual = open ? "contactor open" : "contactor closed";
            return e.Word == (open ? "open" : "closed");
        }
    }

    private const string Script = """
        0s   plug
        +5s  rcd trip
        +0s  expect contactor open within 30ms
        +1s  unplug
        """;

    [Fact]
    public void StepsRunAtTheirTimesAndAMetDeadlinePasses()
    {
        var station = new FakeStation(openDelayMs: 20);
        var result = new ScenarioRunner(station).Run(ScenarioParser.Parse("rcd", Script));

        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(new[] { "0:plug", "5000:rcd", "6000:unplug" }, station.Applied);
        Assert.Equal(1, result.ExpectationsMet);
        Assert.Equal(4, result.StepsRun);
    }

    [Fact]
    public void AMissedDeadlineFailsAtTheDeadlineNamingTheLine()
    {
        var station = new FakeStation(openDelayMs: 50);
        var result = new ScenarioRunner(station).Run(ScenarioParser.Parse("rcd", Script));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(3, failure.Step.LineNumber);
        Assert.Equal(5030, failure.CheckedAtMs);
        Assert.Equal("contactor closed", failure.Actual);
        Assert.Equal("line 3: expectation failed: '+0s  expect contactor open within 30ms' (at 5030ms, saw contactor closed)", failure.ToString());
    }

    [Fact]
    public void ExpectationWithoutDeadlineIsCheckedImmediately()
    {
        var station = new FakeStation(openDelayMs: 0);
        var result = new ScenarioRunner(station).Run(ScenarioParser.Parse("t", "0s expect contactor open\n+1s rcd trip\n+0s expect contactor open"));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.Step.LineNumber);
        Assert.Equal(1, result.ExpectationsMet);
    }

    [Fact]
    public void PendingDeadlinesAreCheckedEveryTick()
    {
        var station = new FakeStation(openDelayMs: 20);
        new ScenarioRunner(station).Run(ScenarioParser.Parse("t", "0s rcd trip\n+0s expect contactor open within 100ms"));
        Assert.Equal(new long[] { 10, 20 }, station.AdvancedTo);
    }

    [Fact]
    public void RunContinuesToTheLastDeadline()
    {
        var station = new FakeStation(openDelayMs: 10_000);
        var result = new ScenarioRunner(station).Run(ScenarioParser.Parse("t", "0s rcd trip\n+0s expect contactor open within 3s"));
        Assert.False(result.Passed);
        Assert.Equal(3000, result.EndMs);
    }
}
