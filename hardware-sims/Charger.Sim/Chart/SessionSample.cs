namespace Charger.Sim.Chart;

/// <summary>One point of the session chart, taken by the simulator at a fixed virtual-time step.</summary>
public sealed record SessionSample(
    long TimeMs,
    char PilotState,
    double OfferedA,
    double DrawnA,
    double PowerW,
    double EnergyWh,
    IReadOnlyDictionary<string, double> TemperaturesC);
