namespace Charger.Sim.Scenarios;

/// <summary>A parsed scenario: steps in time order, and the name the reports use.</summary>
public sealed class Scenario(string name, IReadOnlyList<ScenarioStep> steps)
{
    public string Name { get; } = name;

    public IReadOnlyList<ScenarioStep> Steps { get; } = steps;

    /// <summary>When the last step (or the last expectation's deadline) falls.</summary>
    public long EndMs => Steps.Count == 0 ? 0 : Steps.Max(s => s.AtMs + (s.Expect?.WithinMs ?? 0));
}
