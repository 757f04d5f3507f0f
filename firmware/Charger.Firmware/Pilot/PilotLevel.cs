namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// What the control-pilot voltage says (IEC 61851-1 Table A.3), before the PWM state is known:
    /// the charger adds the 1/2 (PWM off/on) suffix itself. Invalid is a voltage between the bands;
    /// it is never rounded to the nearest state.
    /// </summary>
    public enum PilotLevel
    {
        A = 0,
        B = 1,
        C = 2,
        D = 3,
        E = 4,
        F = 5,
        Invalid = 6,
    }
}
