namespace Charger.Firmware.Charging
{
    /// <summary>
    /// The charger's state as IEC 61851-1 Table A.3 names it: the pilot level plus whether the
    /// charger offers current by PWM (1 = no PWM, +12 V static; 2 = PWM running).
    /// </summary>
    public enum IecState
    {
        A = 0,
        B1 = 1,
        B2 = 2,
        C1 = 3,
        C2 = 4,
        D1 = 5,
        D2 = 6,
        E = 7,
        F = 8,

        /// <summary>The pilot reads between bands; nothing is energised until it reads a state again.</summary>
        Invalid = 9,
    }
}
