namespace Charger.Sim.Scenarios;

/// <summary>One timed line of a scenario script.</summary>
public sealed record ScenarioStep(int LineNumber, long AtMs, string Verb, string[] Args, string Text, Expectation Expect)
{
    public override string ToString() => $"line {LineNumber}: {Text}";
}
