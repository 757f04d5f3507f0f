using System.Collections.Generic;
using System.Linq;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

/// <summary>
/// Cuts power at every write of a queue scenario (both outcomes of the cut write) and proves
/// that after reload nothing confirmed comes back and nothing accepted is lost or duplicated.
/// </summary>
public class QueuePowerCutTests
{
    private static readonly TransactionQueueConfig Config = new() { MessageAttempts = 3, MessageAttemptIntervalS = 10 };

    private sealed class Model
    {
        public readonly List<string> Order = new();
        public readonly HashSet<string> Accepted = new();
        public readonly HashSet<string> Confirmed = new();
        public string EnqueueInDoubt;
        public string ConfirmInDoubt;
    }

    private static string Key(string tx, int seqNo) => tx + "/" + seqNo;

    private static void Enq(TransactionEventQueue q, Model m, string tx, int seqNo, TransactionEventType type, bool offline)
    {
        string key = Key(tx, seqNo);
        m.Order.Add(key);
        m.EnqueueInDoubt = key;
        Assert.NotNull(q.Enqueue("TransactionEvent", tx, seqNo, type, offline, "{\"k\":\"" + key + "\"}"));
        m.EnqueueInDoubt = null;
        m.Accepted.Add(key);
    }

    private static void SendAndConfirm(TransactionEventQueue q, Model m, long nowMs)
    {
        var head = q.NextToSend(nowMs);
        Assert.NotNull(head);
        q.MarkSent(head.QueueSeq);
        string key = Key(head.TransactionId, head.SeqNo);
        m.ConfirmInDoubt = key;
        Assert.True(q.Confirm(head.QueueSeq));
        m.ConfirmInDoubt = null;
        m.Confirmed.Add(key);
    }

    // Every kind of queue write: enqueue, confirm (delete), failure bookkeeping (rewrite) and the offline rewrite.
    private static void Scenario(TransactionEventQueue q, Model m)
    {
        Enq(q, m, "T1", 0, TransactionEventType.Started, false);
        Enq(q, m, "T1", 1, TransactionEventType.Updated, false);
        Enq(q, m, "T1", 2, TransactionEventType.Updated, false);
        SendAndConfirm(q, m, 0);
        var head = q.NextToSend(0);
        q.MarkSent(head.QueueSeq);
        Assert.Equal(SendFailureOutcome.WillRetry, q.Fail(head.QueueSeq, 0, "CALLERROR"));
        q.ReleaseInFlight();
        q.MarkAllOffline(msg => msg.Payload.Replace("}", ",\"offline\":true}"));
        Enq(q, m, "T1", 3, TransactionEventType.Updated, true);
        Enq(q, m, "T1", 4, TransactionEventType.Ended, true);
        SendAndConfirm(q, m, 10_000);
        SendAndConfirm(q, m, 10_000);
        Enq(q, m, "T2", 0, TransactionEventType.Started, false);
        SendAndConfirm(q, m, 10_000);
    }

    public static IEnumerable<object[]> CutPoints()
    {
        var dry = new MemoryFileStore();
        var q = new TransactionEventQueue(dry, new RecordingLog(), Config);
        q.Load();
        Scenario(q, new Model());
        for (int write = 1; write <= dry.WriteCount; write++)
        {
            yield return new object[] { write, false };
            yield return new object[] { write, true };
        }
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void APowerCutAtAnyWriteLosesNothingAcceptedAndBringsBackNothingConfirmed(int cutAtWrite, bool cutWriteCommitted)
    {
        var store = new MemoryFileStore();
        var log = new RecordingLog();
        var model = new Model();
        var q = new TransactionEventQueue(store, log, Config);
        q.Load();
        store.CutPowerAtWrite(cutAtWrite, cutWriteCommitted);

        Assert.Throws<PowerCutException>(() => Scenario(q, model));
        store.RestorePower();

        var rebooted = new TransactionEventQueue(store, log, Config);
        rebooted.Load();
        var present = rebooted.Snapshot().Select(msg => Key(msg.TransactionId, msg.SeqNo)).ToList();

        Assert.Equal(present.Count, present.Distinct().Count());
        Assert.DoesNotContain(present, model.Confirmed.Contains);
        foreach (var key in model.Accepted)
        {
            if (!model.Confirmed.Contains(key) && key != model.ConfirmInDoubt)
            {
                Assert.Contains(key, present);
            }
        }

        Assert.All(present, key => Assert.True(model.Accepted.Contains(key) || key == model.EnqueueInDoubt, key + " was never accepted"));
        var expectedOrder = model.Order.Where(present.Contains).ToList();
        Assert.Equal(expectedOrder, present);
        Assert.Equal(0, rebooted.CorruptCount);

        // Everything left is deliverable and the store ends empty.
        int delivered = 0;
        for (var next = rebooted.NextToSend(long.MaxValue / 2); next != null; next = rebooted.NextToSend(long.MaxValue / 2))
        {
            Assert.Contains("\"k\":\"" + Key(next.TransactionId, next.SeqNo) + "\"", next.Payload);
            rebooted.MarkSent(next.QueueSeq);
            rebooted.Confirm(next.QueueSeq);
            delivered++;
        }

        Assert.Equal(present.Count, delivered);
        Assert.Empty(store.List(TransactionEventQueue.RecordPrefix));
        Assert.Equal(0, store.UsedBytes);
    }
}
