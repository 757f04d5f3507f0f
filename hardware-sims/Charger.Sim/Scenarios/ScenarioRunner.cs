namespace Charger.Sim.Scenarios;

/// <summary>
/// Plays a scenario against a target: steps at their times, expectations checked at once or, with
/// a deadline, after every tick until they hold or their deadline passes. A deadline is measured
/// from the step's own time, so "expect contactor open within 100ms" right after "rcd trip"
/// measures the reaction to the trip.
/// </summary>
public sealed class ScenarioRunner(ISimulationTarget target)
{
    private readonly List<(ScenarioStep Step, long DeadlineMs)> _pending = new();
    private readonly List<ScenarioFailure> _failures = new();
    private int _met;

    /// <summary>Called after each step is applied (the simulator's timeline prints it).</summary>
    public event Action<ScenarioStep> StepApplied;

    public ScenarioResult Run(Scenario scenario)
    {
        int run = 0;
        foreach (var step in scenario.Steps)
        {
            AdvanceChecking(step.AtMs);
            run++;
            if (step.Expect == null)
            {
                target.Apply(step);
                StepApplied?.Invoke(step);
                continue;
            }

            if (target.Check(step.Expect, out string actual))
            {
                _met++;
            }
            else if (step.Expect.WithinMs == 0)
            {
                _failures.Add(new ScenarioFailure(step, actual, target.NowMs));
            }
            else
            {
                _pending.Add((step, step.AtMs + step.Expect.WithinMs));
            }

            StepApplied?.Invoke(step);
        }

        // After the last step, run only until every open expectation has held or missed its deadline.
        while (_pending.Count > 0)
        {
            target.AdvanceTo(target.NowMs + target.TickMs);
            CheckPending();
        }

        return new ScenarioResult(scenario.Name, run, _met, _failures.OrderBy(f => f.Step.LineNumber).ToList(), target.NowMs);
    }

    private void AdvanceChecking(long untilMs)
    {
        while (target.NowMs < untilMs)
        {
            long next = _pending.Count == 0 ? untilMs : Math.Min(untilMs, target.NowMs + target.TickMs);
            target.AdvanceTo(next);
            CheckPending();
        }

        CheckPending();
    }

    private void CheckPending()
    {
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var (step, deadline) = _pending[i];
            if (target.Check(step.Expect, out string actual))
            {
                _met++;
                _pending.RemoveAt(i);
            }
            else if (target.NowMs >= deadline)
            {
                _failures.Add(new ScenarioFailure(step, actual, target.NowMs));
                _pending.RemoveAt(i);
            }
        }
    }
}
