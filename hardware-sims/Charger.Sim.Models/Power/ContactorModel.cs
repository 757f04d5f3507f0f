using Charger.Hal.Sim;

namespace Charger.Sim.Models.Power;

/// <summary>
/// A power contactor with an auxiliary (mirror) contact: the coil output from the firmware moves
/// the main contacts after an actuation delay, and the auxiliary input reports where they are.
/// It can be made to weld (stays closed once closed) or to stick open (never closes).
/// </summary>
public sealed class ContactorModel
{
    private readonly SimDigitalOutput _coil;
    private readonly SimDigitalInput _auxiliary;
    private long _coilChangedMs;
    private bool _lastCoil;

    public ContactorModel(SimDigitalOutput coil, SimDigitalInput auxiliary)
    {
        _coil = coil;
        _auxiliary = auxiliary;
    }

    /// <summary>Typical mechanical actuation time of a 32 A contactor.</summary>
    public long ActuationDelayMs { get; init; } = 20;

    public bool Welded { get; set; }

    public bool StuckOpen { get; set; }

    /// <summary>Where the main contacts are: true when they conduct.</summary>
    public bool IsClosed { get; private set; }

    public void Step(long nowMs)
    {
        bool coil = _coil.State;
        if (coil != _lastCoil)
        {
            _lastCoil = coil;
            _coilChangedMs = nowMs;
        }

        if (nowMs - _coilChangedMs >= ActuationDelayMs)
        {
            if (coil && !StuckOpen)
            {
                IsClosed = true;
            }
            else if (!coil && !Welded)
            {
                IsClosed = false;
            }
        }

        _auxiliary.Level = IsClosed;
    }

    /// <summary>Undo weld and stick-open (a technician replaced the part).</summary>
    public void Repair()
    {
        Welded = false;
        StuckOpen = false;
    }
}
