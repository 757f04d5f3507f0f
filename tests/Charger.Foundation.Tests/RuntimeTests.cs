using System;
using System.Collections.Generic;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;
using Charger.Hal.Sim;

namespace Charger.Foundation.Tests;

public class RuntimeTests
{
    private sealed class RecordingStage(string name, List<string> trace, bool fail = false) : ITickStage
    {
        public string Name => name;

        public void Tick(long nowMs)
        {
            trace.Add($"{name}@{nowMs}");
            if (fail)
            {
                throw new InvalidOperationException("sensor bus stuck");
            }
        }
    }

    private sealed class RecordingDuty(List<long> runs, bool fail = false) : IPeriodicDuty
    {
        public void Run(long nowMs)
        {
            runs.Add(nowMs);
            if (fail)
            {
                throw new InvalidOperationException("meter bus timeout");
            }
        }
    }

    private sealed class RecordingFailSafe : IFailSafe
    {
        public List<string> Reasons { get; } = new();

        public void EnterSafeState(string reason) => Reasons.Add(reason);
    }

    private static (ChargerRuntime runtime, LogRing log, VirtualClock clock, SimWatchdog watchdog) Build()
    {
        var clock = new VirtualClock();
        var log = new LogRing(clock, 64);
        var watchdog = new SimWatchdog(clock);
        return (new ChargerRuntime(log, watchdog), log, clock, watchdog);
    }

    [Fact]
    public void StagesRunEveryTickInTheOrderTheyWereAdded()
    {
        var (runtime, _, _, _) = Build();
        var trace = new List<string>();
        runtime.AddStage(new RecordingStage("pilot", trace));
        runtime.AddStage(new RecordingStage("safety", trace));
        runtime.AddStage(new RecordingStage("charging", trace));

        runtime.Tick(0);
        runtime.Tick(10);

        Assert.Equal(new[] { "pilot@0", "safety@0", "charging@0", "pilot@10", "safety@10", "charging@10" }, trace);
        Assert.Equal(2, runtime.TickCount);
    }

    private sealed class CountingProfiler : ITickProfiler
    {
        private long _now;

        public List<string> Records { get; } = new();

        public long NowTicks() => _now += 7;

        public void Record(string name, bool isDuty, long elapsedTicks, long nowMs) =>
            Records.Add((isDuty ? "duty " : "stage ") + name + "@" + nowMs + "=" + elapsedTicks);
    }

    [Fact]
    public void AProfilerTimesEveryStageAndEveryDutyThatRanByName()
    {
        var (runtime, _, _, _) = Build();
        var trace = new List<string>();
        runtime.AddStage(new RecordingStage("pilot", trace));
        runtime.AddStage(new RecordingStage("safety", trace));
        runtime.Scheduler.Register("ocpp", new RecordingDuty(new List<long>()), 20, 0);
        var profiler = new CountingProfiler();
        runtime.Profiler = profiler;

        runtime.Tick(0);
        runtime.Tick(10);

        // The fake clock advances 7 per reading: each stage and duty is timed between two readings.
        Assert.Equal(new[] { "stage pilot@0=7", "stage safety@0=7", "duty ocpp@0=7", "stage pilot@10=7", "stage safety@10=7" }, profiler.Records);
    }

    [Fact]
    public void ThrowingStageEntersSafeStateAndLaterStagesStillRun()
    {
        var (runtime, log, _, _) = Build();
        var trace = new List<string>();
        var failSafe = new RecordingFailSafe();
        runtime.FailSafe = failSafe;
        runtime.AddStage(new RecordingStage("thermal", trace, fail: true));
        runtime.AddStage(new RecordingStage("outputs", trace));

        runtime.Tick(0);

        Assert.Equal(new[] { "thermal@0", "outputs@0" }, trace);
        Assert.Single(failSafe.Reasons);
        Assert.Contains("thermal", failSafe.Reasons[0]);
        Assert.Contains("sensor bus stuck", failSafe.Reasons[0]);
        Assert.Equal(1, runtime.StageFailureCount);
        var lines = new LogEntry[4];
        Assert.Equal(1, log.CopyNewest(lines, LogLevel.Error, "runtime"));
    }

    [Fact]
    public void TickThatGoesBackInTimeIsRefusedAndLogged()
    {
        var (runtime, log, _, _) = Build();
        var trace = new List<string>();
        runtime.AddStage(new RecordingStage("pilot", trace));

        runtime.Tick(100);
        runtime.Tick(90);

        Assert.Equal(new[] { "pilot@100" }, trace);
        var lines = new LogEntry[4];
        Assert.Equal(1, log.CopyNewest(lines, LogLevel.Error, null));
        Assert.Contains("time went back", lines[0].Message);
    }

    [Fact]
    public void LateTicksAreCountedAsOverruns()
    {
        var (runtime, _, _, _) = Build();
        runtime.Tick(0);
        runtime.Tick(10);
        runtime.Tick(35); // exactly 2.5 periods: still on time
        runtime.Tick(65); // 3 periods: overrun
        runtime.Tick(75);

        Assert.Equal(1, runtime.OverrunCount);
    }

    [Fact]
    public void WatchdogIsFedOncePerTick()
    {
        var (runtime, _, clock, watchdog) = Build();
        watchdog.Start(50);
        for (int i = 0; i < 10; i++)
        {
            clock.Advance(10);
            runtime.Tick(clock.NowMs);
        }

        Assert.Equal(10, watchdog.FeedCount);
        Assert.False(watchdog.HasExpired);
        clock.Advance(60);
        Assert.True(watchdog.HasExpired);
    }

    [Fact]
    public void DutiesRunOnTheirOwnPeriods()
    {
        var (runtime, _, _, _) = Build();
        var meter = new List<long>();
        var heartbeat = new List<long>();
        runtime.Scheduler.Register("meter", new RecordingDuty(meter), 1000, 0);
        runtime.Scheduler.Register("ocpp", new RecordingDuty(heartbeat), 250, 50);

        for (long t = 0; t <= 2000; t += 10)
        {
            runtime.Tick(t);
        }

        Assert.Equal(new long[] { 0, 1000, 2000 }, meter);
        Assert.Equal(new long[] { 50, 300, 550, 800, 1050, 1300, 1550, 1800 }, heartbeat);
    }

    [Fact]
    public void StalledDutyRunsOnceAndCountsTheMissedPeriods()
    {
        var (runtime, _, _, _) = Build();
        var runs = new List<long>();
        runtime.Scheduler.Register("meter", new RecordingDuty(runs), 100, 0);

        runtime.Tick(0);
        runtime.Tick(550);
        runtime.Tick(600);
        runtime.Tick(650);

        Assert.Equal(new long[] { 0, 550, 650 }, runs);
        Assert.Equal(4, runtime.Scheduler.MissedPeriods);
    }

    [Fact]
    public void FailingDutyIsLoggedAndDoesNotStopOtherDuties()
    {
        var (runtime, log, _, _) = Build();
        var failing = new List<long>();
        var healthy = new List<long>();
        int failingIndex = runtime.Scheduler.Register("meter", new RecordingDuty(failing, fail: true), 10, 0);
        runtime.Scheduler.Register("ocpp", new RecordingDuty(healthy), 10, 0);

        runtime.Tick(0);
        runtime.Tick(10);

        Assert.Equal(2, healthy.Count);
        Assert.Equal(2, runtime.Scheduler.GetFailureCount(failingIndex));
        var lines = new LogEntry[4];
        Assert.Equal(2, log.CopyNewest(lines, LogLevel.Error, "runtime"));
        Assert.Contains("duty meter failed: meter bus timeout", lines[0].Message);
    }

    [Fact]
    public void ChangingADutyPeriodTakesEffectFromItsLastRun()
    {
        var (runtime, _, _, _) = Build();
        var runs = new List<long>();
        int index = runtime.Scheduler.Register("heartbeat", new RecordingDuty(runs), 1000, 0);
        runtime.Tick(0);
        runtime.Scheduler.SetPeriod(index, 300);
        for (long t = 10; t <= 700; t += 10)
        {
            runtime.Tick(t);
        }

        Assert.Equal(new long[] { 0, 300, 600 }, runs);
    }

    [Fact]
    public void SchedulerRefusesBadRegistrationsWithReasons()
    {
        var clock = new VirtualClock();
        var scheduler = new DutyScheduler(1, new LogRing(clock, 4));
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Register("meter", new RecordingDuty(new()), 0, 0));
        Assert.Contains("meter", e1.Message);
        scheduler.Register("meter", new RecordingDuty(new()), 10, 0);
        var e2 = Assert.Throws<InvalidOperationException>(() => scheduler.Register("ocpp", new RecordingDuty(new()), 10, 0));
        Assert.Contains("ocpp", e2.Message);
    }

    [Fact]
    public void RuntimeRefusesMoreStagesThanItsCapacity()
    {
        var clock = new VirtualClock();
        var runtime = new ChargerRuntime(new LogRing(clock, 4), null, 10, 1, 1);
        runtime.AddStage(new RecordingStage("a", new()));
        var e = Assert.Throws<InvalidOperationException>(() => runtime.AddStage(new RecordingStage("b", new())));
        Assert.Contains("b", e.Message);
    }
}
