using System;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Hostile;

/// <summary>
/// Issue 13: our own fuzzer, run by the test command with a CI budget (20,000 OCPP frames, 20,000
/// Modbus answers, 5,000 console inputs). CHARGER_FUZZ_SCALE=N multiplies the budgets for a soak,
/// CHARGER_FUZZ_SEED=S replays another seed; the counts are printed in the test output.
/// </summary>
public class StationFuzzTests
{
    private const int OcppFrames = 20_000;
    private const int ModbusAnswers = 20_000;
    private const int ConsoleInputs = 5_000;

    private readonly ITestOutputHelper _output;

    public StationFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void FuzzedOcppFramesThroughTheLoopbackWebSocketCostOnlyThemselves()
    {
        var fuzzer = new StationFuzzer(StationFuzzer.SeedFromEnvironment(13001), meterLieProbability: 0.02);
        Run(fuzzer, () => fuzzer.RunOcpp(OcppFrames * StationFuzzer.Scale));
        Assert.True(fuzzer.FramesSent >= OcppFrames * StationFuzzer.Scale);
        Assert.True(fuzzer.CallsAnswered > OcppFrames / 4, fuzzer.Counts());
        Assert.True(fuzzer.StationCalls > 100, fuzzer.Counts());
    }

    [Fact]
    public void FuzzedModbusAnswersOnTheSerialLineCostOnlyTheBadReading()
    {
        var fuzzer = new StationFuzzer(StationFuzzer.SeedFromEnvironment(13002), meterLieProbability: 0.2);
        Run(fuzzer, () => fuzzer.RunModbus(ModbusAnswers * StationFuzzer.Scale));
        Assert.True(fuzzer.Rig.Tap.Answers >= ModbusAnswers * StationFuzzer.Scale);
        Assert.True(fuzzer.Rig.Tap.Lies > 1000, fuzzer.Counts());
        Assert.True(fuzzer.ReadingsAccepted > ModbusAnswers / 4, fuzzer.Counts());
    }

    [Fact]
    public void FuzzedConsoleInputCostsOnlyItself()
    {
        var fuzzer = new StationFuzzer(StationFuzzer.SeedFromEnvironment(13003), meterLieProbability: 0.02);
        Run(fuzzer, () => fuzzer.RunConsole(ConsoleInputs * StationFuzzer.Scale));
        Assert.True(fuzzer.ConsoleInputs >= ConsoleInputs * StationFuzzer.Scale);
    }

    [Fact]
    public void SameSeedGivesTheSameRun()
    {
        var a = new StationFuzzer(7, 0.1);
        var b = new StationFuzzer(7, 0.1);
        a.RunOcpp(300);
        b.RunOcpp(300);
        Assert.Equal(a.Counts().Replace(a.Rig.MaxTickAllocatedBytes.ToString(), "?"), b.Counts().Replace(b.Rig.MaxTickAllocatedBytes.ToString(), "?"));
    }

    private void Run(StationFuzzer fuzzer, Action run)
    {
        var watch = Stopwatch.StartNew();
        run();
        string counts = fuzzer.Counts() + $"; {watch.Elapsed.TotalSeconds:0.0} s";
        _output.WriteLine(counts);

        // The test command (tools/test.sh) names a file to collect the counts of every fuzz run.
        string report = Environment.GetEnvironmentVariable("CHARGER_FUZZ_REPORT");
        if (!string.IsNullOrEmpty(report))
        {
            System.IO.File.AppendAllText(report, counts + Environment.NewLine);
        }

        foreach (string v in fuzzer.Violations)
        {
            _output.WriteLine(v);
        }

        Assert.True(fuzzer.Violations.Count == 0, "seed " + fuzzer.Seed + ": " + string.Join("\n", fuzzer.Violations));
        Assert.Equal(0, fuzzer.Rig.StageFailures);
        Assert.True(fuzzer.Rig.MaxTickAllocatedBytes <= StationFuzzer.TickAllocationBudgetBytes,
            fuzzer.Rig.MaxTickAllocatedBytes + " B in one tick at " + fuzzer.Rig.MaxTickAllocatedAtMs + " ms");
    }
}
