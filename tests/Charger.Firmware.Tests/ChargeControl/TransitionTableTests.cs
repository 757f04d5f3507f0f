using Charger.Firmware.Charging;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// The transitions of IEC 61851-1 Annex A (Table A.3 states, sequences of Table A.6) driven by the
/// simulated EV, authorized, with ventilation allowed so that D2 is reachable: after each EV
/// change the charger's state and contactor are as the standard requires.
/// </summary>
public class TransitionTableTests
{
    [Theory]
    // EV state sequence → expected IEC state and contactor after each step.
    [InlineData("A>A-", "B>B2-", "C>C2+", "B>B2-", "C>C2+", "A>A-")]
    [InlineData("B>B2-", "A>A-")]
    [InlineData("C>C2+", "D>D2+", "C>C2+", "B>B2-")]
    [InlineData("B>B2-", "D>D2+", "A>A-")]
    [InlineData("C>C2+", "A>A-", "B>B1-")]
    [InlineData("C>C2+", "E>F-")]
    [InlineData("B>B2-", "F>F-")]
    public void EvStateChangesGiveTheStandardsStatesAndContactor(params string[] steps)
    {
        var rig = new ChargerRig(c => c.Charging.AllowVentilation = true);
        rig.Controller.SetAuthorized(true);
        foreach (string step in steps)
        {
            var ev = (EvPilotState)System.Enum.Parse(typeof(EvPilotState), step.Substring(0, 1));
            var expected = (IecState)System.Enum.Parse(typeof(IecState), step.Substring(2, step.Length - 3));
            bool closed = step[^1] == '+';
            rig.Ev.EvState = ev;
            if (ev == EvPilotState.B && rig.Controller.State == IecState.A)
            {
                // A new plug-in needs its own authorization (the previous session ended with A).
                rig.RunMs(50);
                if (expected == IecState.B2)
                {
                    rig.Controller.SetAuthorized(true);
                }
            }

            rig.RunMs(200);
            Assert.True(expected == rig.Controller.State, $"after EV {ev}: expected {expected}, got {rig.Controller.State}");
            Assert.True(closed == rig.Coil.State, $"after EV {ev}: contactor should be {(closed ? "closed" : "open")}");
        }
    }
}
