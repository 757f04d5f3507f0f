namespace Charger.Sim.Scenarios;

public sealed record ScenarioFailure(ScenarioStep Step, string Actual, long CheckedAtMs)
{
    public override string ToString() =>
        $"line {Step.LineNumber}: expectation failed: '{Step.Text}' (at {ScenarioParser.FormatMs(CheckedAtMs)}, saw {Actual})";
}

public sealed record ScenarioResult(string Name, int StepsRun, int ExpectationsMet, IReadOnlyList<ScenarioFailure> Failures, long EndMs)
{
    public bool Passed => Failures.Count == 0;
}
