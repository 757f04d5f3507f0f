namespace Charger.Sim.Scenarios;

/// <summary>What a scenario drives: the simulated station with its models, in virtual time.</summary>
public interface ISimulationTarget
{
    long NowMs { get; }

    /// <summary>The firmware's tick period; expectations are checked after every tick.</summary>
    int TickMs { get; }

    /// <summary>Runs ticks until virtual time reaches <paramref name="ms"/>.</summary>
    void AdvanceTo(long ms);

    /// <summary>Performs a non-expect step (plug, swipe, rcd trip, csms remote-start ...).</summary>
    void Apply(ScenarioStep step);

    /// <summary>Whether the expectation holds now; <paramref name="actual"/> describes what was seen.</summary>
    bool Check(Expectation expectation, out string actual);
}
