namespace Charger.Sim.Scenarios;

/// <summary>A script mistake, always naming the line and what was expected there.</summary>
public sealed class ScenarioException(int lineNumber, string message)
    : Exception($"line {lineNumber}: {message}")
{
    public int LineNumber { get; } = lineNumber;
}
