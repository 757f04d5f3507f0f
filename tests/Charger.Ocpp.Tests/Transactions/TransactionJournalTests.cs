using System;
using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

public class TransactionJournalTests
{
    private readonly MemoryFileStore _store = new();
    private readonly RecordingLog _log = new();
    private TransactionEventQueue _queue;

    private TransactionJournal Boot(out OpenTransaction[] interrupted, ulong seed = 42)
    {
        _queue = new TransactionEventQueue(_store, _log, new TransactionQueueConfig());
        _queue.Load();
        var journal = new TransactionJournal(_store, new SeededRandom(seed), _log, _queue);
        interrupted = journal.Load();
        return journal;
    }

    private TransactionJournal Boot() => Boot(out _);

    private static string P(OpenTransaction tx, int seqNo, string type) => tx.TransactionId + "|" + seqNo + "|" + type;

    [Fact]
    public void SeqNoStartsAtZeroAndHasNoGapsAcrossAReboot_E_1_3_2_1()
    {
        var journal = Boot();
        var tx = journal.Begin(1, 1, "04A1B2", "ISO14443", 1_700_000_000_000, 0);
        Assert.Equal(0, journal.NextSeqNo(1));
        journal.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
        journal.Append(1, TransactionEventType.Updated, 1, 100, false, P(tx, 1, "Updated"));

        var rebooted = Boot(out var interrupted);
        Assert.Single(interrupted);
        Assert.True(rebooted.IsOpen(tx.TransactionId));
        Assert.Equal(tx.TransactionId, interrupted[0].TransactionId);
        Assert.Equal(2, rebooted.NextSeqNo(1));
        rebooted.Append(1, TransactionEventType.Updated, 2, 200, false, P(tx, 2, "Updated"));
        rebooted.Append(1, TransactionEventType.Ended, 3, 300, false, P(tx, 3, "Ended"));

        Assert.Equal(new[] { 0, 1, 2, 3 }, _queue.Snapshot().Select(m => m.SeqNo).ToArray());
        Assert.False(rebooted.IsOpen(tx.TransactionId));
        Assert.Null(rebooted.Get(1));
        Assert.Empty(_store.List(TransactionJournal.RecordPrefix));
    }

    [Fact]
    public void TwoEvsesEndingInTurnLeaveNoStaleOpenTransactionBehind()
    {
        // Guards the remove-then-add replacement of open records (nanoFramework's Hashtable
        // indexer could keep a stale second entry after another EVSE's record was removed).
        var journal = Boot();
        var one = journal.Begin(1, 1, null, null, 0, 0);
        journal.Append(1, TransactionEventType.Started, 0, 0, false, P(one, 0, "Started"));
        var two = journal.Begin(2, 1, null, null, 0, 0);
        journal.Append(2, TransactionEventType.Started, 0, 0, false, P(two, 0, "Started"));
        journal.Append(2, TransactionEventType.Ended, 1, 10, false, P(two, 1, "Ended"));
        journal.Append(1, TransactionEventType.Updated, 1, 20, false, P(one, 1, "Updated"));
        journal.Append(1, TransactionEventType.Ended, 2, 30, false, P(one, 2, "Ended"));

        Assert.Null(journal.Get(1));
        Assert.Null(journal.Get(2));
        Assert.Equal(0, journal.OpenCount);
        var again = journal.Begin(1, 1, null, null, 0, 0);
        Assert.NotEqual(one.TransactionId, again.TransactionId);
    }

    [Fact]
    public void TransactionIdsStayUniqueAcrossRebootsEvenWithTheSameRandomSequence()
    {
        var ids = new System.Collections.Generic.HashSet<string>();
        for (int boot = 0; boot < 20; boot++)
        {
            var journal = Boot(out _, seed: 7);
            var tx = journal.Begin(1, 1, null, null, 0, 0);
            Assert.True(ids.Add(tx.TransactionId), tx.TransactionId + " was issued twice");
            Assert.True(tx.TransactionId.Length <= 36, "transactionId is at most 36 characters");
            journal.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
            journal.Append(1, TransactionEventType.Ended, 1, 0, false, P(tx, 1, "Ended"));
        }
    }

    [Fact]
    public void TheOpenTransactionRecordKeepsIdEvseTokenStartAndEnergyAcrossAReboot()
    {
        var journal = Boot();
        var tx = journal.Begin(2, 1, "04A1B2", "ISO14443", 1_700_000_000_000, 5_000);
        journal.Append(2, TransactionEventType.Started, 0, 5_000, false, P(tx, 0, "Started"));
        journal.Append(2, TransactionEventType.Updated, 1, 7_250, false, P(tx, 1, "Updated"));

        Boot(out var interrupted);
        var found = Assert.Single(interrupted);
        Assert.Equal(tx.TransactionId, found.TransactionId);
        Assert.Equal(2, found.EvseId);
        Assert.Equal(1, found.ConnectorId);
        Assert.Equal("04A1B2", found.IdToken);
        Assert.Equal("ISO14443", found.IdTokenType);
        Assert.Equal(1_700_000_000_000, found.StartedAtUtcMs);
        Assert.Equal(7_250, found.LastEnergyWh);
        Assert.Equal(2, found.NextSeqNo);
    }

    [Fact]
    public void RefusesAnEventWhoseSeqNoDoesNotFollowOrAStartedThatIsNotFirst()
    {
        var journal = Boot();
        var tx = journal.Begin(1, 1, null, null, 0, 0);
        Assert.Throws<ArgumentException>(() => journal.Append(1, TransactionEventType.Updated, 0, 0, false, "x"));
        journal.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
        Assert.Throws<ArgumentException>(() => journal.Append(1, TransactionEventType.Updated, 2, 0, false, "x"));
        Assert.Throws<ArgumentException>(() => journal.Append(1, TransactionEventType.Started, 1, 0, false, "x"));
        Assert.Throws<InvalidOperationException>(() => journal.Append(3, TransactionEventType.Updated, 0, 0, false, "x"));
        Assert.Throws<InvalidOperationException>(() => journal.Begin(1, 1, null, null, 0, 0));
    }

    [Fact]
    public void ARegisterThatGoesBackIsLoggedAndTheLastKnownEnergyNeverDecreases()
    {
        var journal = Boot();
        var tx = journal.Begin(1, 1, null, null, 0, 1_000);
        journal.Append(1, TransactionEventType.Started, 0, 1_000, false, P(tx, 0, "Started"));
        journal.Append(1, TransactionEventType.Updated, 1, 900, false, P(tx, 1, "Updated"));
        Assert.Equal(1_000, journal.Get(1).LastEnergyWh);
        Assert.True(_log.Has(LogLevel.Warning, "energy register went back from 1000 to 900"));
    }

    [Fact]
    public void ACutBetweenQueueingAnEventAndRecordingItIsRepairedFromTheQueue()
    {
        var journal = Boot();
        var tx = journal.Begin(1, 1, null, null, 0, 0);
        journal.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
        _store.CutPowerAtWrite(2, keepNewContent: false); // the queue write commits, the record write does not
        Assert.Throws<PowerCutException>(() => journal.Append(1, TransactionEventType.Updated, 1, 400, false, P(tx, 1, "Updated")));
        _store.RestorePower();

        var rebooted = Boot(out var interrupted);
        Assert.Equal(2, interrupted[0].NextSeqNo);
        Assert.Equal(400, interrupted[0].LastEnergyWh);
        Assert.Equal(2, rebooted.NextSeqNo(1));
    }

    [Fact]
    public void ACutAfterQueueingEndedClearsTheRecordInsteadOfEndingTwice()
    {
        var journal = Boot();
        var tx = journal.Begin(1, 1, null, null, 0, 0);
        journal.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
        _store.CutPowerAtWrite(2, keepNewContent: false); // Ended queued, record delete lost
        Assert.Throws<PowerCutException>(() => journal.Append(1, TransactionEventType.Ended, 1, 10, false, P(tx, 1, "Ended")));
        _store.RestorePower();

        var rebooted = Boot(out var interrupted);
        Assert.Empty(interrupted);
        Assert.Null(rebooted.Get(1));
        Assert.Empty(_store.List(TransactionJournal.RecordPrefix));
        Assert.Equal(1, _queue.Snapshot().Count(m => m.EventType == TransactionEventType.Ended));
    }

    [Fact]
    public void ATransactionWhoseStartedCouldNotBeQueuedCanBeAbandonedButAStartedOneCannot()
    {
        var journal = Boot();
        journal.Begin(1, 1, null, null, 0, 0);
        journal.Abandon(1, "transaction queue full");
        Assert.Null(journal.Get(1));
        Boot(out var interrupted);
        Assert.Empty(interrupted);
        Assert.True(_log.Has(LogLevel.Warning, "abandoned transaction"));

        var again = Boot();
        var tx = again.Begin(1, 1, null, null, 0, 0);
        again.Append(1, TransactionEventType.Started, 0, 0, false, P(tx, 0, "Started"));
        Assert.Throws<InvalidOperationException>(() => again.Abandon(1, "too late"));
    }
}
