using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota.Tests;

/// <summary>
/// Cuts power at every write, and at every byte of every write, of a whole update life cycle on
/// the simulated flash, then reboots: the slot state must be the state before or after the step
/// that was cut (never a third), and a confirmed image must still verify and boot.
/// </summary>
public class PowerCutTests
{
    private static readonly byte[] V1 = OtaRig.MakeBundle("1.0.0", fileBytes: 1500);
    private static readonly byte[] V2 = OtaRig.MakeBundle("2.0.0", fileBytes: 1600);
    private static readonly byte[] V3 = OtaRig.MakeBundle("3.0.0", fileBytes: 1400);
    private static readonly IBundleSignatureCheck Allowed = OtaRig.AllowListFor(V1, V2, V3);

    // Each step is one SlotManager call (or one install copy): the unit whose effect must be all-or-nothing.
    private static readonly (string Name, Action<SlotManager> Run)[] Steps =
    {
        ("install v1", s => Install(s, V1)),
        ("boot v1 on trial", s => s.ChooseBootSlot()),
        ("confirm v1", s => s.ConfirmTrial()),
        ("install v2", s => Install(s, V2)),
        ("boot v2 attempt 1", s => s.ChooseBootSlot()),
        ("boot v2 attempt 2", s => s.ChooseBootSlot()),
        ("boot v2 attempt 3", s => s.ChooseBootSlot()),
        ("boot after attempts: roll v2 back", s => s.ChooseBootSlot()),
        ("report rollback", s => s.MarkRollbackReported()),
        ("install v3", s => Install(s, V3)),
        ("boot v3 on trial", s => s.ChooseBootSlot()),
        ("confirm v3", s => s.ConfirmTrial()),
    };

    private static void Install(SlotManager slots, byte[] bundle) =>
        new BundleInstaller(slots, OtaRig.Board, OtaRig.BootVersion, Allowed).Install(new ByteArrayBundleSource(bundle));

    [Fact]
    public void EveryCutAtEveryByteOfEveryWriteLeavesTheOldOrTheNewStateAndTheConfirmedImage()
    {
        var reference = Reference();
        int cuts = 0;
        for (int write = 0; write < reference.Lengths.Count; write++)
        {
            for (int bytes = 0; bytes <= reference.Lengths[write]; bytes++)
            {
                cuts++;
                var store = new MemoryFileStore();
                store.CutPowerInsideWrite(write + 1, bytes);
                int step = RunUntilCut(store);
                Assert.Equal(reference.StepOfWrite[write], step);

                store.RestorePower();
                var rebooted = OtaRig.Slots(store).State;
                Assert.True(rebooted.SameAs(reference.StateBefore[write]) || rebooted.SameAs(reference.StateAfter[write]),
                    $"cut in write {write} at byte {bytes} ({Steps[step].Name}): the state is neither the old nor the new");
                RequireConfirmedImageBoots(store, rebooted, write, bytes);
            }
        }

        // Whole record writes and the chunk writes of three installs: thousands of cuts.
        Assert.True(cuts > 5000, "only " + cuts + " cuts");
    }

    [Fact]
    public void TheLifeCycleChangesTheStateOnlyThroughSingleRecordWrites()
    {
        // Every write either leaves the state as it was (image chunks, erases) or is one state record.
        var reference = Reference();
        for (int write = 0; write < reference.Lengths.Count; write++)
        {
            if (!reference.StateAfter[write].SameAs(reference.StateBefore[write]))
            {
                Assert.Equal(SlotState.RecordBytes, reference.Lengths[write]);
            }
        }
    }

    [Fact]
    public void ACutBetweenSteps_ThenTheRestOfTheLifeCycle_EndsInTheSameStateAsWithoutTheCut()
    {
        var final = Reference().StatesAfterStep[^1];
        for (int cutAfter = 0; cutAfter < Steps.Length; cutAfter++)
        {
            var store = new MemoryFileStore();
            var slots = OtaRig.Slots(store);
            for (int i = 0; i <= cutAfter; i++)
            {
                Steps[i].Run(slots);
            }

            store.CutPowerNow();
            store.RestorePower();
            slots = OtaRig.Slots(store);
            for (int i = cutAfter + 1; i < Steps.Length; i++)
            {
                Steps[i].Run(slots);
            }

            Assert.True(OtaRig.Slots(store).State.SameAs(final), "after a cut following " + Steps[cutAfter].Name);
        }
    }

    private static void RequireConfirmedImageBoots(MemoryFileStore store, SlotState state, int write, int bytes)
    {
        if (state.ActiveSlot == SlotState.NoSlot)
        {
            return;
        }

        Assert.True(state.IsConfirmed(state.ActiveSlot));
        Assert.Equal(SlotImageState.Ready, state.ImageOf(state.ActiveSlot));
        var backend = new FileSlotBackend(store, OtaRig.SlotBytes);
        var reader = BundleReader.OpenAndVerify(new SlotBundleSource(backend, state.ActiveSlot), OtaRig.Board, OtaRig.BootVersion, Allowed);
        Assert.True(reader.Manifest.FirmwareVersion == state.VersionOf(state.ActiveSlot), $"cut in write {write} at byte {bytes}: the confirmed slot holds another version");
    }

    private static int RunUntilCut(MemoryFileStore store)
    {
        for (int step = 0; step < Steps.Length; step++)
        {
            try
            {
                Steps[step].Run(OtaRig.Slots(store));
            }
            catch (PowerCutException)
            {
                return step;
            }
        }

        throw new InvalidOperationException("the armed cut never happened");
    }

    private sealed class Run
    {
        public List<int> Lengths { get; } = new();
        public List<int> StepOfWrite { get; } = new();
        public List<SlotState> StateBefore { get; } = new();
        public List<SlotState> StateAfter { get; } = new();
        public List<SlotState> StatesAfterStep { get; } = new();
    }

    private static SlotState Current(IFileStore store) => new BootStateStore(new FileSlotBackend(store, OtaRig.SlotBytes)).Load();

    private static Run Reference()
    {
        var store = new MemoryFileStore();
        var run = new Run();
        int step = 0;
        var recorder = new RecordingStore(store, length =>
        {
            run.Lengths.Add(length);
            run.StepOfWrite.Add(step);
            run.StateBefore.Add(Current(store));
        }, () => run.StateAfter.Add(Current(store)));
        for (step = 0; step < Steps.Length; step++)
        {
            Steps[step].Run(new SlotManager(new FileSlotBackend(recorder, OtaRig.SlotBytes)));
            run.StatesAfterStep.Add(Current(store));
        }

        Assert.Equal(RollbackReason.NotConfirmed, run.StatesAfterStep[7].LastRollback);
        Assert.Equal("3.0.0", run.StatesAfterStep[^1].VersionOf(run.StatesAfterStep[^1].ActiveSlot));
        return run;
    }

    /// <summary>Passes everything to the simulated flash and notes each write's length (0 for a delete).</summary>
    private sealed class RecordingStore : IFileStore
    {
        private readonly IFileStore _inner;
        private readonly Action<int> _beforeWrite;
        private readonly Action _afterWrite;

        public RecordingStore(IFileStore inner, Action<int> beforeWrite, Action afterWrite)
        {
            _inner = inner;
            _beforeWrite = beforeWrite;
            _afterWrite = afterWrite;
        }

        public bool Exists(string name) => _inner.Exists(name);

        public byte[] Read(string name) => _inner.Read(name);

        public void WriteAtomic(string name, byte[] data, int length)
        {
            _beforeWrite(length);
            _inner.WriteAtomic(name, data, length);
            _afterWrite();
        }

        public bool Delete(string name)
        {
            _beforeWrite(0);
            bool existed = _inner.Delete(name);
            _afterWrite();
            return existed;
        }

        public string[] List(string prefix) => _inner.List(prefix);
    }
}
