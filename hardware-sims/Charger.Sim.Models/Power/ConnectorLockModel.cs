using Charger.Hal.Sim;

namespace Charger.Sim.Models.Power;

/// <summary>
/// A socket outlet's connector lock (issue 12 item 10): the actuator output from the firmware moves
/// the lock pin after a travel time, and the feedback contact reports where the pin is. It can be
/// jammed: the pin then stays where it is whatever the actuator does.
/// </summary>
public sealed class ConnectorLockModel
{
    private readonly SimDigitalOutput _actuator;
    private readonly SimDigitalInput _feedback;
    private long _actuatorChangedMs;
    private bool _lastActuator;

    public ConnectorLockModel(SimDigitalOutput actuator, SimDigitalInput feedback)
    {
        _actuator = actuator;
        _feedback = feedback;
    }

    /// <summary>Typical travel time of a motorised Type 2 socket lock.</summary>
    public long TravelMs { get; init; } = 200;

    /// <summary>The pin does not move (ice, a bent pin, a broken motor).</summary>
    public bool Jammed { get; set; }

    /// <summary>Where the pin is: true when it holds the plug.</summary>
    public bool IsLocked { get; private set; }

    public void Step(long nowMs)
    {
        bool actuator = _actuator.State;
        if (actuator != _lastActuator)
        {
            _lastActuator = actuator;
            _actuatorChangedMs = nowMs;
        }

        if (!Jammed && nowMs - _actuatorChangedMs >= TravelMs)
        {
            IsLocked = actuator;
        }

        _feedback.Level = IsLocked;
    }
}
