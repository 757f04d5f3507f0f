using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Realtime;

/// <summary>
/// The simulated station paced by the wall clock: <see cref="AdvanceTo"/> runs one firmware tick at a
/// time and, when virtual time has caught up with real time, sleeps until the next tick is due (on the
/// stop signal's wait handle, so Ctrl-C wakes it at once and no core is kept spinning). A lag, e.g.
/// after the process was suspended, is caught up tick by tick rather than skipped, so the firmware
/// still sees every tick. The <see cref="ScenarioRunner"/> drives it exactly as it drives virtual time.
/// </summary>
public sealed class WallClockTarget : ISimulationTarget
{
    private readonly SimulatedStation _sim;
    private readonly CancellationToken _stop;
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();
    private readonly long _startMs;

    public WallClockTarget(SimulatedStation sim, CancellationToken stop)
    {
        _sim = sim;
        _stop = stop;
        _startMs = sim.NowMs;
    }

    /// <summary>Raised after every tick, on the simulation thread (the live display refreshes here).</summary>
    public event Action Ticked;

    public long NowMs => _sim.NowMs;

    public int TickMs => _sim.TickMs;

    /// <summary>Virtual time that real time says should have passed by now.</summary>
    public long WallNowMs => _startMs + _wall.ElapsedMilliseconds;

    /// <summary>Advances to <paramref name="ms"/> no faster than real time.</summary>
    /// <exception cref="OperationCanceledException">When the stop signal is raised (Ctrl-C).</exception>
    public void AdvanceTo(long ms)
    {
        while (_sim.NowMs < ms)
        {
            _stop.ThrowIfCancellationRequested();
            long next = Math.Min(ms, _sim.NowMs + _sim.TickMs);
            long aheadMs = next - WallNowMs;
            if (aheadMs > 0)
            {
                _stop.WaitHandle.WaitOne((int)Math.Min(aheadMs, _sim.TickMs));
                continue;
            }

            _sim.AdvanceTo(next);
            Ticked?.Invoke();
        }
    }

    /// <summary>Runs ticks against the wall clock until the stop signal (a free run with no scenario).</summary>
    public void RunUntilStopped()
    {
        while (true)
        {
            AdvanceTo(_sim.NowMs + _sim.TickMs);
        }
    }

    public void Apply(ScenarioStep step) => _sim.Apply(step);

    public bool Check(Expectation expectation, out string actual) => _sim.Check(expectation, out actual);
}
