using Charger.Firmware.Safety;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// Issue 12 item 10: on a socket outlet the lock engages with feedback before the contactor closes,
/// is held while energised or welded, is released only with the contactor open and verified, and a
/// lock failure is a fault.
/// </summary>
public class ConnectorLockTests
{
    [Fact]
    public void ContactorClosesOnlyAfterTheLockFeedbackConfirms()
    {
        var rig = new ChargerRig(withLock: true);
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(50);
        rig.Controller.SetAuthorized(true);
        rig.Ev.EvState = EvPilotState.C;
        bool lockedBeforeClose = false;
        int ticks = rig.TicksUntil(() =>
        {
            if (rig.Coil.State)
            {
                lockedBeforeClose = rig.LockFeedback.Level;
            }

            return rig.Coil.State;
        }, 200);
        Assert.True(ticks > 0, "never closed");
        Assert.True(lockedBeforeClose);
        Assert.True(ticks * ChargerRig.TickMs >= rig.LockTravelMs, $"closed after {ticks * ChargerRig.TickMs} ms, before the lock travelled");
    }

    [Fact]
    public void JammedLockIsAFaultAndTheOutletIsNeverEnergised()
    {
        var rig = new ChargerRig(withLock: true);
        rig.LockJammed = true;
        rig.Ev.EvState = EvPilotState.C;
        rig.Controller.SetAuthorized(true);
        for (int i = 0; i < 300; i++)
        {
            rig.Tick();
            Assert.False(rig.Coil.State, $"energised without a locked plug at tick {i}");
        }

        Assert.True(rig.Controller.IsFaultActive(FaultCode.LockFailure));
    }

    [Fact]
    public void LockOpeningWhileEnergisedOpensTheContactorAtOnce()
    {
        var rig = new ChargerRig(withLock: true);
        rig.StartCharging();
        rig.RunMs(500);
        Assert.True(rig.Coil.State);
        rig.LockJammed = true;
        rig.LockFeedback.Level = false;
        Assert.Equal(1, rig.TicksUntil(() => !rig.Coil.State, 10));
        Assert.True(rig.Controller.IsFaultActive(FaultCode.LockFailure));
    }

    [Fact]
    public void UnlockIsRefusedWhileEnergisedOrWeldedAndGrantedOnceOpenIsVerified()
    {
        var rig = new ChargerRig(withLock: true);
        rig.StartCharging();
        rig.RunMs(500);
        Assert.False(rig.Controller.RequestUnlock());
        Assert.True(rig.LockActuator.State);

        rig.ContactorModel.Welded = true;
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(1000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.ContactorWelded));
        Assert.False(rig.Controller.RequestUnlock());
        Assert.True(rig.LockActuator.State, "lock released on a welded contactor");

        rig.ContactorModel.Welded = false;
        rig.RunMs(100);
        Assert.False(rig.Aux.Level);
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.ContactorWelded, true));
        Assert.True(rig.Controller.RequestUnlock());
        rig.RunMs(300);
        Assert.False(rig.LockFeedback.Level);
    }
}
