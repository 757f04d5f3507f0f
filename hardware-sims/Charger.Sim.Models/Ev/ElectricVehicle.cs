namespace Charger.Sim.Models.Ev;

/// <summary>
/// A vehicle on the end of the cable. It closes S2 when it wants energy and sees a PWM offer,
/// follows the offered current after a delay (IEC 61851-1 gives it 5 s), tapers above a state
/// of charge, goes back to B when full, and can ask for ventilation, pause, short the pilot or
/// lose its diode.
/// </summary>
public sealed class ElectricVehicle
{
    /// <summary>Nominal phase voltage the battery model converts current with.</summary>
    public const double PhaseVoltageV = 230.0;

    /// <summary>IEC 61851-1: an EV shall follow a new PWM offer within 5 s.</summary>
    public const long StandardFollowLimitMs = 5000;

    private double _drawnA;
    private double _targetA;
    private long _targetChangedMs;
    private long _pwmLostMs = -1;
    private long _lastStepMs = -1;

    public double CapacityWh { get; init; } = 60_000;

    public double MaxCurrentA { get; init; } = 32;

    public int Phases { get; init; } = 3;

    /// <summary>How long the EV takes to follow a changed offer.</summary>
    public long FollowDelayMs { get; init; } = 2000;

    /// <summary>Above this state of charge the EV draws less, reaching nothing at 100 %.</summary>
    public double TaperStartPercent { get; init; } = 80;

    /// <summary>How long the EV keeps S2 closed after the PWM disappears; <see cref="long.MaxValue"/> models an EV that never leaves C.</summary>
    public long StopResponseMs { get; set; } = 500;

    public double StateOfChargePercent { get; set; } = 30;

    /// <summary>A faulty EV draws this much more than offered (over-current tests).</summary>
    public double ExtraDrawA { get; set; }

    public bool Connected { get; private set; }

    public EvIntent Intent { get; set; } = EvIntent.Charge;

    /// <summary>The diode of the vehicle's pilot circuit is missing or shorted.</summary>
    public bool DiodeFault { get; set; }

    /// <summary>S2 closed: the EV asks for energy.</summary>
    public bool S2Closed { get; private set; }

    public double DrawnA => _drawnA;

    public double DrawnPowerW => _drawnA * PhaseVoltageV * Phases;

    public double EnergyIntoBatteryWh { get; private set; }

    public bool IsFull => StateOfChargePercent >= 100.0 - 1e-9;

    public EvPilotLoad PilotLoad
    {
        get
        {
            if (!Connected)
            {
                return EvPilotLoad.None;
            }

            if (Intent == EvIntent.Error)
            {
                return EvPilotLoad.Short;
            }

            if (!S2Closed)
            {
                return EvPilotLoad.Connected;
            }

            return Intent == EvIntent.Ventilate ? EvPilotLoad.Ventilation : EvPilotLoad.Charging;
        }
    }

    public void Plug() => Connected = true;

    public void Unplug()
    {
        Connected = false;
        S2Closed = false;
        _drawnA = 0;
        _targetA = 0;
    }

    /// <summary>
    /// Advances the vehicle to <paramref name="nowMs"/>. <paramref name="offeredA"/> is what the
    /// PWM offers (0 when there is no PWM), <paramref name="powerOn"/> whether the contactor
    /// actually conducts.
    /// </summary>
    public void Step(long nowMs, double offeredA, bool pwmActive, bool powerOn)
    {
        long dtMs = _lastStepMs < 0 ? 0 : nowMs - _lastStepMs;
        _lastStepMs = nowMs;
        if (!Connected)
        {
            return;
        }

        bool wantsEnergy = (Intent == EvIntent.Charge || Intent == EvIntent.Ventilate) && !IsFull;
        if (pwmActive)
        {
            _pwmLostMs = -1;
            S2Closed = wantsEnergy;
        }
        else if (S2Closed)
        {
            if (_pwmLostMs < 0)
            {
                _pwmLostMs = nowMs;
            }

            if (StopResponseMs != long.MaxValue && nowMs - _pwmLostMs >= StopResponseMs)
            {
                S2Closed = false;
            }
        }

        if (!wantsEnergy && S2Closed && pwmActive)
        {
            S2Closed = false;
        }

        double target = S2Closed && pwmActive ? Math.Min(Math.Min(offeredA, MaxCurrentA), TaperLimitA()) + ExtraDrawA : 0;
        if (Math.Abs(target - _targetA) > 1e-9)
        {
            _targetA = target;
            _targetChangedMs = nowMs;
        }

        if (!powerOn)
        {
            _drawnA = 0;
        }
        else if (Math.Abs(_drawnA - _targetA) > 1e-9 && nowMs - _targetChangedMs >= FollowDelayMs)
        {
            _drawnA = _targetA;
        }
        else if (_drawnA == 0 && _targetA > 0 && nowMs - _targetChangedMs >= FollowDelayMs)
        {
            _drawnA = _targetA;
        }

        if (_drawnA > 0 && dtMs > 0)
        {
            double wh = DrawnPowerW * dtMs / 3_600_000.0;
            EnergyIntoBatteryWh += wh;
            StateOfChargePercent = Math.Min(100, StateOfChargePercent + wh / CapacityWh * 100);
        }
    }

    private double TaperLimitA()
    {
        if (StateOfChargePercent <= TaperStartPercent)
        {
            return MaxCurrentA;
        }

        double left = (100 - StateOfChargePercent) / (100 - TaperStartPercent);
        return Math.Max(0, MaxCurrentA * left);
    }
}
