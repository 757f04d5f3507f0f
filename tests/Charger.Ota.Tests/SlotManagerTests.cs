using Charger.Hal.Sim;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota.Tests;

public class SlotManagerTests
{
    [Fact]
    public void ANewImageBootsOnTrialAndBecomesActiveOnlyWhenConfirmed()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var v2 = OtaRig.MakeBundle("2.0.0");
        var slots = OtaRig.Slots(store);
        Assert.Equal(0, slots.ActiveSlot);

        int slot = new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(v2)).Install(new ByteArrayBundleSource(v2));

        Assert.Equal(1, slot);
        Assert.Equal(1, slots.TrialSlot);
        Assert.Equal(0, slots.ActiveSlot);
        Assert.Equal("2.0.0", slots.State.VersionOf(1));
        Assert.Equal(1, slots.ChooseBootSlot());
        Assert.True(slots.IsTrial(1));
        Assert.Equal(1, slots.State.TrialAttemptsUsed);

        slots.ConfirmTrial();

        var afterReboot = OtaRig.Slots(store);
        Assert.Equal(1, afterReboot.ActiveSlot);
        Assert.False(afterReboot.TrialPending);
        Assert.True(afterReboot.State.IsConfirmed(1));
        Assert.True(afterReboot.State.IsConfirmed(0)); // the old image stays a known-good fallback
        Assert.Equal(1, afterReboot.ChooseBootSlot());
    }

    [Fact]
    public void ATrialThatNeverConfirmsUsesItsAttemptsAndIsRolledBackAsAWatchdogResetWould()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var v2 = OtaRig.MakeBundle("2.0.0");
        var slots = OtaRig.Slots(store);
        slots.SetMaxTrialAttempts(3);
        new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(v2)).Install(new ByteArrayBundleSource(v2));

        // Three boots of the trial, each ended by a reset (a fresh SlotManager reads the flash again).
        for (int boot = 1; boot <= 3; boot++)
        {
            var booting = OtaRig.Slots(store);
            Assert.Equal(1, booting.ChooseBootSlot());
            Assert.Equal(boot, booting.State.TrialAttemptsUsed);
        }

        var fourth = OtaRig.Slots(store);
        Assert.Equal(0, fourth.ChooseBootSlot());
        var state = fourth.State;
        Assert.Equal(RollbackReason.NotConfirmed, state.LastRollback);
        Assert.False(state.RollbackReported);
        Assert.Equal("2.0.0", state.RollbackFromVersion);
        Assert.Equal("1.0.0", state.RollbackToVersion);
        Assert.Equal(SlotImageState.Failed, state.ImageOf(1));
        Assert.Equal(0, state.ActiveSlot);
        Assert.Equal(1u, state.RollbackCount);

        // Never booted again.
        Assert.Equal(0, OtaRig.Slots(store).ChooseBootSlot());
    }

    [Fact]
    public void TheRollbackStaysUnreportedAcrossRebootsUntilTheApplicationReportsIt()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var v2 = OtaRig.MakeBundle("2.0.0");
        var slots = OtaRig.Slots(store);
        new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(v2)).Install(new ByteArrayBundleSource(v2));
        slots.ChooseBootSlot();
        slots.RollBackTrial(RollbackReason.StartThrew);

        Assert.Equal(RollbackReason.StartThrew, OtaRig.Slots(store).UnreportedRollback);
        OtaRig.Slots(store).MarkRollbackReported();
        Assert.Equal(RollbackReason.None, OtaRig.Slots(store).UnreportedRollback);
        Assert.Equal(RollbackReason.StartThrew, OtaRig.Slots(store).State.LastRollback);
    }

    [Fact]
    public void AnInstallNeverWritesTheConfirmedSlotAndIsRefusedWhileATrialIsPending()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var slots = OtaRig.Slots(store);
        var v2 = OtaRig.MakeBundle("2.0.0");
        new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(v2)).Install(new ByteArrayBundleSource(v2));

        var refused = Assert.Throws<InvalidOperationException>(() => slots.BeginInstall());
        Assert.Contains("on trial", refused.Message);

        slots.ChooseBootSlot();
        slots.RollBackTrial(RollbackReason.SelfTestFailed);
        Assert.Equal(1, slots.BeginInstall()); // the failed slot, not the active one
        Assert.Equal(0, slots.ActiveSlot);
        BundleReader.OpenAndVerify(new SlotBundleSource(slots.Backend, 0), OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(OtaRig.MakeBundle("1.0.0")));
    }

    [Fact]
    public void ABundleThatFailsItsChecksAfterTheCopyIsNeverPutOnTrial()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var slots = OtaRig.Slots(store);
        var foreign = OtaRig.MakeBundle("2.0.0", board: "STM32");

        var e = Assert.Throws<BundleException>(() =>
            new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(foreign)).Install(new ByteArrayBundleSource(foreign)));

        Assert.Equal(BundleError.WrongBoard, e.Error);
        Assert.False(OtaRig.Slots(store).TrialPending);
        Assert.Equal(SlotImageState.Writing, OtaRig.Slots(store).State.ImageOf(1));
        Assert.Equal(0, OtaRig.Slots(store).ChooseBootSlot());
    }

    [Fact]
    public void ANewStationWithoutAnyStateHasNothingToBoot()
    {
        var slots = OtaRig.Slots(new MemoryFileStore());
        Assert.Equal(SlotState.NoSlot, slots.ActiveSlot);
        Assert.Equal(SlotState.NoSlot, slots.ChooseBootSlot());
    }

    [Fact]
    public void ACorruptedNewerCopyFallsBackToTheOlderValidCopy()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, OtaRig.MakeBundle("1.0.0"));
        var before = OtaRig.Slots(store).State;
        OtaRig.Slots(store).SetMaxTrialAttempts(5);
        string newer = SlotState.Decode(store.Read("ota-state-0")).Sequence > SlotState.Decode(store.Read("ota-state-1")).Sequence ? "ota-state-0" : "ota-state-1";
        var bytes = store.Read(newer);
        bytes[20] ^= 0x40;
        store.WriteAtomic(newer, bytes, bytes.Length);

        var after = OtaRig.Slots(store).State;
        Assert.True(after.SameAs(before));
    }

    [Fact]
    public void TheStateRecordRoundTripsAndRejectsEveryCorruptedByte()
    {
        var state = new SlotState { Sequence = 77, ActiveSlot = 1, TrialSlot = 0, TrialAttemptsUsed = 2, MaxTrialAttempts = 4, LastRollback = RollbackReason.SelfTestFailed, RollbackFromVersion = "3.1.4", RollbackToVersion = "3.1.3", RollbackCount = 9 };
        state.SetImage(0, SlotImageState.Ready);
        state.SetImage(1, SlotImageState.Ready);
        state.SetConfirmed(1, true);
        state.SetVersion(0, "3.2.0");
        state.SetVersion(1, "3.1.3");
        var record = state.Encode();

        Assert.True(SlotState.Decode(record).SameAs(state));
        for (int i = 0; i < record.Length; i++)
        {
            var bad = (byte[])record.Clone();
            bad[i] ^= 0x01;
            Assert.Null(SlotState.Decode(bad));
        }

        Assert.Null(SlotState.Decode(record[..100]));
    }
}
