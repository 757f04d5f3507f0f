namespace Charger.Hal.Sim.Pilot
{
    /// <summary>What the simulated vehicle side presents on the control pilot (IEC 61851-1 Annex A).</summary>
    public enum EvPilotState
    {
        /// <summary>Not connected: the line is open.</summary>
        A = 0,

        /// <summary>Connected, not ready: R2 = 2.74 kΩ behind the diode (+9 V).</summary>
        B = 1,

        /// <summary>Charging requested: R2 ∥ R3 (1.3 kΩ) = 882 Ω (+6 V).</summary>
        C = 2,

        /// <summary>Charging with ventilation: R2 ∥ 270 Ω = 246 Ω (+3 V).</summary>
        D = 3,

        /// <summary>Pilot shorted to PE (0 V).</summary>
        E = 4,

        /// <summary>Pilot shorted to the negative rail (-12 V on both plateaus).</summary>
        F = 5,
    }
}
