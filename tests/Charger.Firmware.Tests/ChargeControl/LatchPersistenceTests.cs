using Charger.Firmware.Safety;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// Issue 12 items 3 and 4: latched faults and the RCD retry count survive a reboot and a power cut
/// (a new rig on the same file store is the restarted firmware); only each fault's own rule clears them.
/// </summary>
public class LatchPersistenceTests
{
    private static ChargerRig Boot(MemoryFileStore store) => new(c => c.Safety.FaultHoldMs = SafetySettings.MinFaultHoldMs, store: store);

    /// <summary>After a restart the EV is in C and authorized: the outlet must stay off while the latch stands.</summary>
    private static void AssertNeverClosesAfterSwipe(ChargerRig rig, FaultCode latched)
    {
        rig.Ev.EvState = EvPilotState.C;
        rig.Controller.SetAuthorized(true);
        for (int i = 0; i < 300; i++)
        {
            rig.Tick();
            Assert.False(rig.Coil.State, $"re-energised {i * ChargerRig.TickMs} ms after the restart with {latched} latched");
        }

        Assert.True(rig.Controller.IsFaultActive(latched));
        Assert.True(rig.Controller.Safety.IsLatched(latched));
    }

    [Fact]
    public void EmergencyStopLatchSurvivesARebootAndOnlyAManualResetClearsIt()
    {
        var store = new MemoryFileStore();
        var before = Boot(store);
        before.StartCharging();
        before.EmergencyStop.Level = true;
        before.Tick();
        before.EmergencyStop.Level = false;
        before.RunMs(100);

        var after = Boot(store);
        Assert.Equal(1, after.Controller.Safety.RestoredLatchCount);
        AssertNeverClosesAfterSwipe(after, FaultCode.EmergencyStop);
        Assert.Equal(FaultClearResult.Cleared, after.Controller.ClearFault(FaultCode.EmergencyStop, false));
        Assert.True(after.TicksUntil(() => after.Coil.State, 100) > 0);

        // Cleared is persisted too: the next restart starts clean.
        Assert.Equal(0, Boot(store).Controller.ActiveFaultCount);
    }

    [Fact]
    public void RestoredLatchCannotBeClearedWhileItsCauseIsStillPresent()
    {
        var store = new MemoryFileStore();
        var before = Boot(store);
        before.EmergencyStop.Level = true;
        before.Tick();

        var after = Boot(store);
        after.EmergencyStop.Level = true;
        Assert.Equal(FaultClearResult.ConditionPresent, after.Controller.ClearFault(FaultCode.EmergencyStop, false));
        after.Tick();
        Assert.Equal(FaultClearResult.ConditionPresent, after.Controller.ClearFault(FaultCode.EmergencyStop, false));
    }

    [Fact]
    public void WeldedContactorLatchSurvivesARebootAndNeedsConfirmation()
    {
        var store = new MemoryFileStore();
        var before = Boot(store);
        before.StartCharging();
        before.ContactorModel.Welded = true;
        before.Ev.EvState = EvPilotState.B;
        before.RunMs(1000);
        Assert.True(before.Controller.IsFaultActive(FaultCode.ContactorWelded));

        var after = Boot(store);
        Assert.True(after.Controller.Safety.IsLatched(FaultCode.ContactorWelded));
        Assert.Equal(FaultClearResult.ConfirmationRequired, after.Controller.ClearFault(FaultCode.ContactorWelded, false));
    }

    [Fact]
    public void InternalFailureLatchSurvivesAReboot()
    {
        var store = new MemoryFileStore();
        var before = Boot(store);
        before.Controller.Safety.EnterSafeState("stage threw");

        var after = Boot(store);
        AssertNeverClosesAfterSwipe(after, FaultCode.InternalFailure);
    }

    [Fact]
    public void LatchSurvivesAPowerCutWhileTheRecordIsBeingRewritten()
    {
        var store = new MemoryFileStore();
        var before = Boot(store);
        before.EmergencyStop.Level = true;
        before.Tick();
        before.EmergencyStop.Level = false;

        // The next write (a second latch) is cut half-way: the old record must still be whole.
        store.CutPowerAtWrite(1, false);
        before.Controller.Safety.EnterSafeState("stage threw");
        Assert.True(before.Log.Contains("latch record not written"));
        store.RestorePower();

        var after = Boot(store);
        Assert.False(after.Log.Contains("latch record unreadable"));
        AssertNeverClosesAfterSwipe(after, FaultCode.EmergencyStop);
    }

    [Fact]
    public void CorruptLatchRecordFailsSafeWithAnInternalFailureLatch()
    {
        var store = new MemoryFileStore();
        store.WriteAtomic(LatchRecord.FileName, new byte[] { (byte)'L', (byte)'S', 1, 2, 0, 0, 0 }, 7);
        var rig = Boot(store);
        AssertNeverClosesAfterSwipe(rig, FaultCode.InternalFailure);
        Assert.True(rig.Log.Contains("latch record unreadable"));
    }

    private static void TripRcdAndWaitForRetry(ChargerRig rig)
    {
        rig.Rcd.Level = true;
        rig.Tick();
        rig.Rcd.Level = false;
        rig.RunMs(5 * 60 * 1000 + 100);
    }

    [Fact]
    public void RcdRetryCountIsNotResetByReboots()
    {
        var store = new MemoryFileStore();
        var rig = Boot(store);
        TripRcdAndWaitForRetry(rig);
        TripRcdAndWaitForRetry(rig);
        Assert.Equal(2, rig.Controller.Safety.GetRetryCount(FaultCode.RcdTrip));

        rig = Boot(store);
        Assert.Equal(2, rig.Controller.Safety.GetRetryCount(FaultCode.RcdTrip));
        TripRcdAndWaitForRetry(rig);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.RcdTrip));

        rig = Boot(store);
        rig.Rcd.Level = true;
        rig.Tick();
        rig.Rcd.Level = false;
        rig.RunMs(10 * 60 * 1000);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.RcdTrip), "a fourth trip after reboots was retried again");

        // A 1 s power blip does not clear the latch whose retries were used up.
        AssertNeverClosesAfterSwipe(Boot(store), FaultCode.RcdTrip);
    }

    [Fact]
    public void RcdRetryCountDoesNotExpireAfterADay()
    {
        // The quiet-day reset at its shortest (1 h) so the test runs quickly; it must not apply to the RCD.
        var rig = new ChargerRig(c =>
        {
            c.Safety.FaultHoldMs = SafetySettings.MinFaultHoldMs;
            c.Safety.RetryCounterResetMs = SafetySettings.MinRetryCounterResetMs;
        });
        for (int i = 0; i < SafetySettings.RcdMaxAutoRetries; i++)
        {
            TripRcdAndWaitForRetry(rig);
        }

        rig.RunMs(SafetySettings.MinRetryCounterResetMs + 60 * 1000);
        rig.Rcd.Level = true;
        rig.Tick();
        rig.Rcd.Level = false;
        rig.RunMs(10 * 60 * 1000);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.RcdTrip));
    }
}
