using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Reporting;

/// <summary>The closing block of a simulator run.</summary>
public static class SessionSummary
{
    private static readonly string[] StationActions =
    {
        "BootNotification", "StatusNotification", "Heartbeat", "Authorize", "TransactionEvent", "MeterValues", "NotifyReport", "SecurityEventNotification",
    };

    private static string OcppCalls(SimulatedStation sim)
    {
        var parts = StationActions.Select(a => (a, n: sim.CountCallsFromStation(a))).Where(x => x.n > 0).Select(x => $"{x.a} {x.n}").ToList();
        return parts.Count == 0 ? "no calls" : string.Join(", ", parts);
    }

    public static string Format(SimulatedStation sim, ScenarioResult result, TimeSpan wall)
    {
        var faults = sim.FaultsRaised.Count == 0 ? "none" : string.Join(", ", sim.FaultsRaised.GroupBy(f => f).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key));
        return string.Join(Environment.NewLine, new[]
        {
            "session summary",
            $"  energy          {sim.MeteredEnergyWh / 1000.0:0.000} kWh (meter)",
            $"  duration        {Timeline.FormatTime(sim.SessionDurationMs).Trim()} (plug-in to unplug)",
            $"  peak current    {sim.PeakDrawnA:0.0} A per phase",
            $"  EV state        {sim.Ev.StateOfChargePercent:0.0} % of {sim.Ev.CapacityWh / 1000.0:0} kWh",
            $"  faults          {faults}",
            $"  power cuts      {sim.PowerCuts}",
            $"  OCPP            {sim.FramesFromStation} frames to the CSMS, {sim.FramesToStation} from it; {OcppCalls(sim)}",
            $"  expectations    {result.ExpectationsMet} met, {result.Failures.Count} failed",
            $"  virtual time    {Timeline.FormatTime(result.EndMs).Trim()} in {wall.TotalSeconds:0.00} s wall time",
            $"  result          {(result.Passed ? "PASSED" : "FAILED")}",
        });
    }
}
