using System.Collections.Generic;
using System.Linq;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

/// <summary>
/// Power cuts at every write of a charging scenario, then again at every write of the recovery
/// that follows the reboot (the ending itself), then a clean reboot. Whatever the cut points,
/// the CSMS model ends with exactly one Ended per transaction, seqNos from 0 without gaps or
/// conflicting duplicates, and energy that never decreases.
/// </summary>
public class JournalPowerCutTests
{
    /// <summary>A CSMS that keeps every distinct event by (transactionId, seqNo) and rejects conflicting resends.</summary>
    private sealed class CsmsModel
    {
        public readonly Dictionary<(string Tx, int SeqNo), string> Events = new();
        public int Received;

        public void Receive(QueuedMessage m)
        {
            Received++;
            var key = (m.TransactionId, m.SeqNo);
            if (Events.TryGetValue(key, out var earlier))
            {
                // A resend after a cut lost the confirmation: the same event again, never a different one.
                Assert.Equal(earlier, m.Payload);
                return;
            }

            Events[key] = m.Payload;
        }
    }

    private sealed class Station
    {
        public TransactionEventQueue Queue;
        public TransactionJournal Journal;
        public readonly HashSet<string> Begun = new();
    }

    private static string Payload(string tx, int seqNo, TransactionEventType type, long energyWh, string reason)
        => tx + "|" + seqNo + "|" + type + "|" + energyWh + "|" + reason;

    private static void Append(Station s, int evse, TransactionEventType type, long energyWh, string reason)
    {
        var tx = s.Journal.Get(evse);
        int seqNo = s.Journal.NextSeqNo(evse);
        s.Journal.Append(evse, type, seqNo, energyWh, false, Payload(tx.TransactionId, seqNo, type, energyWh, reason));
    }

    private static void Begin(Station s, int evse, long energyWh)
    {
        var tx = s.Journal.Begin(evse, 1, "04A1B2C3", "ISO14443", 1_700_000_000_000, energyWh);
        s.Begun.Add(tx.TransactionId);
        Append(s, evse, TransactionEventType.Started, energyWh, null);
    }

    private static void Deliver(Station s, CsmsModel csms, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var m = s.Queue.NextToSend(0);
            if (m == null)
            {
                return;
            }

            s.Queue.MarkSent(m.QueueSeq);
            csms.Receive(m);
            s.Queue.Confirm(m.QueueSeq);
        }
    }

    /// <summary>Boot: load the queue and the journal, end every interrupted transaction with PowerLoss.</summary>
    private static void Boot(Station s, MemoryFileStore store)
    {
        var log = new RecordingLog();
        s.Queue = new TransactionEventQueue(store, log, new TransactionQueueConfig());
        s.Queue.Load();
        // The same seed on every boot: uniqueness must come from the persisted counter.
        s.Journal = new TransactionJournal(store, new SeededRandom(99), log, s.Queue);
        foreach (var tx in s.Journal.Load())
        {
            s.Begun.Add(tx.TransactionId);
            var decision = PowerLossRecovery.Decide(tx, new PowerLossConfig(), evStillConnected: false, outageMs: -1);
            Assert.Equal(RecoveryAction.EndWithPowerLoss, decision.Action);
            if (decision.NeedsStartedEvent)
            {
                Append(s, tx.EvseId, TransactionEventType.Started, decision.EnergyWh, null);
            }

            Append(s, tx.EvseId, TransactionEventType.Ended, decision.EnergyWh, decision.StoppedReason);
        }
    }

    private static void Charging(Station s, CsmsModel csms)
    {
        Begin(s, 1, 1_000);
        Deliver(s, csms, 1);
        Append(s, 1, TransactionEventType.Updated, 1_400, null);
        Begin(s, 2, 50_000);
        Append(s, 1, TransactionEventType.Updated, 1_900, null);
        Deliver(s, csms, 2);
        Append(s, 2, TransactionEventType.Updated, 50_700, null);
        Append(s, 1, TransactionEventType.Ended, 2_300, "Local");
        Deliver(s, csms, 1);
        Append(s, 2, TransactionEventType.Updated, 51_100, null);
    }

    private static long CountWrites(System.Action<MemoryFileStore> run)
    {
        var store = new MemoryFileStore();
        run(store);
        return store.WriteCount;
    }

    public static IEnumerable<object[]> FirstCuts()
    {
        long writes = CountWrites(store =>
        {
            var s = new Station();
            Boot(s, store);
            Charging(s, new CsmsModel());
        });
        for (int write = 1; write <= writes; write++)
        {
            yield return new object[] { write, false };
            yield return new object[] { write, true };
        }
    }

    [Theory]
    [MemberData(nameof(FirstCuts))]
    public void EveryTransactionEndsExactlyOnceWhereverPowerIsCutEvenDuringTheEnding(int firstCut, bool firstCutCommitted)
    {
        // How many writes does the recovery after this first cut take? Replay it once without a second cut.
        long recoveryWrites = RecoveryWrites(firstCut, firstCutCommitted);
        for (int secondCut = 1; secondCut <= recoveryWrites + 1; secondCut++)
        {
            foreach (bool secondCommitted in new[] { false, true })
            {
                var store = new MemoryFileStore();
                var csms = new CsmsModel();
                var s = new Station();
                Boot(s, store);
                store.CutPowerAtWrite(firstCut, firstCutCommitted);
                Assert.Throws<PowerCutException>(() => Charging(s, csms));
                store.RestorePower();

                // Second boot, with power failing again while it ends the interrupted transactions.
                store.CutPowerAtWrite(secondCut, secondCommitted);
                try
                {
                    Boot(s, store);
                    Deliver(s, csms, 1);
                }
                catch (PowerCutException)
                {
                }

                store.RestorePower();

                // Third boot: clean. Deliver everything, then start one more transaction to check id uniqueness.
                Boot(s, store);
                Deliver(s, csms, int.MaxValue);
                Begin(s, 1, 9_000_000);
                Append(s, 1, TransactionEventType.Ended, 9_000_500, "Local");
                Deliver(s, csms, int.MaxValue);

                AssertExactlyOnce(s, csms, $"cuts {firstCut}/{firstCutCommitted} then {secondCut}/{secondCommitted}");
                Assert.Empty(store.List(TransactionJournal.RecordPrefix));
                Assert.Empty(store.List(TransactionEventQueue.RecordPrefix));
            }
        }
    }

    private static long RecoveryWrites(int firstCut, bool committed)
    {
        var store = new MemoryFileStore();
        var s = new Station();
        Boot(s, store);
        store.CutPowerAtWrite(firstCut, committed);
        Assert.Throws<PowerCutException>(() => Charging(s, new CsmsModel()));
        store.RestorePower();
        long before = store.WriteCount;
        Boot(s, store);
        Deliver(s, new CsmsModel(), 1);
        return store.WriteCount - before;
    }

    private static void AssertExactlyOnce(Station s, CsmsModel csms, string context)
    {
        var byTx = csms.Events.GroupBy(e => e.Key.Tx).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Key.SeqNo).ToList());
        foreach (var (tx, events) in byTx)
        {
            Assert.True(s.Begun.Contains(tx), context + ": CSMS got events of " + tx + " that was never begun");
            var seqNos = events.Select(e => e.Key.SeqNo).ToArray();
            Assert.Equal(Enumerable.Range(0, seqNos.Length).ToArray(), seqNos);
            var types = events.Select(e => e.Value.Split('|')[2]).ToArray();
            Assert.Equal("Started", types[0]);
            Assert.Equal(1, types.Count(t => t == "Started"));
            Assert.Equal(1, types.Count(t => t == "Ended"));
            Assert.Equal("Ended", types[^1]);
            var energies = events.Select(e => long.Parse(e.Value.Split('|')[3])).ToArray();
            for (int i = 1; i < energies.Length; i++)
            {
                Assert.True(energies[i] >= energies[i - 1], context + ": energy of " + tx + " went down at seqNo " + i);
            }
        }

        // Every transaction the firmware opened (Begin returned or found open at boot) was reported and ended.
        foreach (var tx in s.Begun)
        {
            Assert.True(byTx.ContainsKey(tx), context + ": transaction " + tx + " never reached the CSMS");
        }
    }
}
