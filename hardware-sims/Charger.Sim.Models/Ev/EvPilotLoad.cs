namespace Charger.Sim.Models.Ev;

/// <summary>
/// What the vehicle side of the pilot circuit presents (IEC 61851-1 Annex A): the resistors the
/// EV switches in, which set the pilot's high plateau, and whether its diode is in place.
/// </summary>
public enum EvPilotLoad
{
    /// <summary>Not connected: the pilot stays at +12 V (state A).</summary>
    None,

    /// <summary>2.74 kΩ (R2): +9 V, connected, not ready (state B).</summary>
    Connected,

    /// <summary>R2 ∥ 1.3 kΩ (R3): +6 V, ready to charge (state C).</summary>
    Charging,

    /// <summary>R2 ∥ 270 Ω: +3 V, ready and asking for ventilation (state D).</summary>
    Ventilation,

    /// <summary>Pilot shorted to PE: 0 V (state E).</summary>
    Short,
}
