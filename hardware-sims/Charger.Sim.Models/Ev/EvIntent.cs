namespace Charger.Sim.Models.Ev;

/// <summary>What the scenario asks the vehicle to do.</summary>
public enum EvIntent
{
    /// <summary>Charge whenever the station offers current.</summary>
    Charge,

    /// <summary>Stay connected without asking for energy (S2 open).</summary>
    Pause,

    /// <summary>Charge and ask for ventilation (state D).</summary>
    Ventilate,

    /// <summary>A vehicle-side error: the pilot is shorted (state E).</summary>
    Error,
}
