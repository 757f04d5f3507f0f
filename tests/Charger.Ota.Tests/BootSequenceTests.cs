using Charger.Hal.Sim;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota.Tests;

public class BootSequenceTests
{
    private static readonly byte[] V1 = OtaRig.MakeBundle("1.0.0", entry: "Good.App");
    private static readonly byte[] V2Throws = OtaRig.MakeBundle("2.0.0", entry: "Throwing.App");
    private static readonly byte[] V2Good = OtaRig.MakeBundle("2.0.1", entry: "Good.App");

    private static IFirmwareApplication Create(string entry) => entry switch
    {
        "Good.App" => new RecordingApp(),
        "Throwing.App" => new RecordingApp(_ => throw new InvalidOperationException("boom on start")),
        _ => null,
    };

    private static (BootOutcome Outcome, BootSequence Boot, TableLoader Loader) BootOnce(MemoryFileStore store)
    {
        var boot = new BootSequence(OtaRig.Slots(store), OtaRig.Board, OtaRig.BootVersion, null, null);
        var loader = new TableLoader(Create);
        return (boot.Boot(loader), boot, loader);
    }

    private static void Stage(MemoryFileStore store, byte[] bundle) =>
        new BundleInstaller(OtaRig.Slots(store), OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(bundle)).Install(new ByteArrayBundleSource(bundle));

    [Fact]
    public void TheBootLoadsEveryFileInManifestOrderAndStartsTheEntryWithTheBundleVersion()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);

        var (outcome, boot, loader) = BootOnce(store);

        Assert.Equal(BootOutcome.Started, outcome);
        Assert.Equal(new[] { "Part0.pe:700", "Part1.pe:701" }, loader.Loaded);
        Assert.Equal("1.0.0", boot.Context.FirmwareVersion);
        Assert.Equal("A", boot.Context.SlotName);
        Assert.False(boot.Context.IsTrial);
    }

    [Fact]
    public void AnImageThatThrowsOnStartIsRolledBackAndTheConfirmedOneRunsAfterTheReboot()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Throws);

        var (outcome, boot, _) = BootOnce(store);
        Assert.Equal(BootOutcome.RolledBackRebootRequired, outcome);
        Assert.Contains("boom on start", boot.FailureReason);

        var (again, rebooted, _) = BootOnce(store);
        Assert.Equal(BootOutcome.Started, again);
        Assert.Equal("1.0.0", rebooted.Context.FirmwareVersion);
        Assert.Equal(RollbackReason.StartThrew, rebooted.Context.UnreportedRollback);
        Assert.Equal("2.0.0", rebooted.Context.RolledBackVersion);
        rebooted.Context.RollbackReported();
        Assert.Equal(RollbackReason.None, BootOnce(store).Boot.Context.UnreportedRollback);
    }

    [Fact]
    public void ATrialWhoseFirstFileNoLongerVerifiesFallsBackToTheConfirmedImageInTheSameBoot()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Good);
        CorruptPayloadByte(store, "ota-b-00000", 0);

        var (outcome, boot, loader) = BootOnce(store);

        Assert.Equal(BootOutcome.Started, outcome);
        Assert.Equal("1.0.0", boot.Context.FirmwareVersion);
        Assert.Equal(RollbackReason.VerificationFailed, boot.Context.UnreportedRollback);
        Assert.Equal(new[] { "Part0.pe:700", "Part1.pe:701" }, loader.Loaded); // only v1's files were loaded
    }

    [Fact]
    public void ATrialWhoseLaterFileFailsItsCheckIsRolledBackAndNeedsAReboot()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Good);
        CorruptPayloadByte(store, "ota-b-00000", 700); // first byte of Part1.pe

        var (outcome, boot, loader) = BootOnce(store);

        Assert.Equal(BootOutcome.RolledBackRebootRequired, outcome);
        Assert.Contains("HashMismatch", boot.FailureReason);
        Assert.Equal(new[] { "Part0.pe:700" }, loader.Loaded); // the bad file never reached the loader
        Assert.Equal(RollbackReason.VerificationFailed, OtaRig.Slots(store).State.LastRollback);
        Assert.Equal("1.0.0", BootOnce(store).Boot.Context.FirmwareVersion);
    }

    private static void CorruptPayloadByte(MemoryFileStore store, string chunkName, int payloadIndex)
    {
        var chunk = store.Read(chunkName);
        var reader = BundleReader.Open(new ByteArrayBundleSource(chunk));
        chunk[reader.PayloadOffset + payloadIndex] ^= 0xFF;
        store.WriteAtomic(chunkName, chunk, chunk.Length);
    }

    [Fact]
    public void AGoodTrialConfirmedByItsSelfTestBecomesTheImageThatBoots()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Good);

        var (outcome, boot, _) = BootOnce(store);
        Assert.Equal(BootOutcome.Started, outcome);
        Assert.True(boot.Context.IsTrial);
        var confirmation = new TrialConfirmation(boot.Context, new SelfTestPolicy(1000, 5000, 10000));
        for (long t = 0; t <= 1000; t += 10)
        {
            confirmation.Tick(t, true, true, true);
        }

        Assert.False(boot.Context.IsTrial);
        Assert.Equal("2.0.1", BootOnce(store).Boot.Context.FirmwareVersion);
    }

    [Fact]
    public void ATrialThatFailsItsSelfTestIsRolledBackAndTheConfirmedImageBootsNext()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Good);
        var (_, boot, _) = BootOnce(store);
        var confirmation = new TrialConfirmation(boot.Context, new SelfTestPolicy(1000, 5000, 10000));

        SelfTestVerdict verdict = SelfTestVerdict.Pending;
        for (long t = 0; t <= 10000 && verdict == SelfTestVerdict.Pending; t += 10)
        {
            verdict = confirmation.Tick(t, false, true, true); // charge control never healthy
        }

        Assert.Equal(SelfTestVerdict.Failed, verdict);
        Assert.True(confirmation.RebootRequested);
        var next = BootOnce(store).Boot.Context;
        Assert.Equal("1.0.0", next.FirmwareVersion);
        Assert.Equal(RollbackReason.SelfTestFailed, next.UnreportedRollback);
    }

    [Fact]
    public void AConfirmedImageIsNeverReplacedByAFailingOne()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        for (int round = 0; round < 3; round++)
        {
            Stage(store, V2Throws);
            Assert.Equal(BootOutcome.RolledBackRebootRequired, BootOnce(store).Outcome);
            var (outcome, boot, _) = BootOnce(store);
            Assert.Equal(BootOutcome.Started, outcome);
            Assert.Equal("1.0.0", boot.Context.FirmwareVersion);
            Assert.Equal(0, OtaRig.Slots(store).ActiveSlot);
        }

        Assert.Equal(3u, OtaRig.Slots(store).State.RollbackCount);
    }

    [Fact]
    public void AnUnknownEntryTypeOnTrialIsRolledBack()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        var noEntry = OtaRig.MakeBundle("2.1.0", entry: "Missing.App");
        Stage(store, noEntry);

        var (outcome, boot, _) = BootOnce(store);

        Assert.Equal(BootOutcome.RolledBackRebootRequired, outcome);
        Assert.Contains("could not be loaded", boot.FailureReason);
    }

    [Fact]
    public void WithASignatureCheckAtBootATrialItRefusesIsRolledBackBeforeAnythingIsLoaded()
    {
        var store = new MemoryFileStore();
        OtaRig.InstallConfirmed(store, V1);
        Stage(store, V2Good);
        var boot = new BootSequence(OtaRig.Slots(store), OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(V1), null);
        var loader = new TableLoader(Create);

        var outcome = boot.Boot(loader);

        Assert.Equal(BootOutcome.Started, outcome);
        Assert.Equal("1.0.0", boot.Context.FirmwareVersion);
        Assert.Equal(RollbackReason.VerificationFailed, boot.Context.UnreportedRollback);
        Assert.Equal(2, loader.Loaded.Count); // v1's two files only
    }

    [Fact]
    public void AStationWithNoImageSaysSo()
    {
        var (outcome, boot, _) = BootOnce(new MemoryFileStore());
        Assert.Equal(BootOutcome.NoApplication, outcome);
        Assert.Null(boot.Context);
    }
}
