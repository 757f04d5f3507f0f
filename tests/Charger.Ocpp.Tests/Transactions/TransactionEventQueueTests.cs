using System;
using System.Collections.Generic;
using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

public class TransactionEventQueueTests
{
    private readonly MemoryFileStore _store = new();
    private readonly RecordingLog _log = new();

    private TransactionEventQueue NewQueue(TransactionQueueConfig config = null)
    {
        var queue = new TransactionEventQueue(_store, _log, config ?? new TransactionQueueConfig());
        queue.Load();
        return queue;
    }

    private static QueuedMessage Enqueue(TransactionEventQueue q, string tx, int seqNo, TransactionEventType type, bool offline = false)
        => q.Enqueue("TransactionEvent", tx, seqNo, type, offline, Payload(tx, seqNo));

    private static string Payload(string tx, int seqNo) => "{\"tx\":\"" + tx + "\",\"seqNo\":" + seqNo + "}";

    [Fact]
    public void EnqueuedMessageIsInTheStoreBeforeAnyoneCanSendIt()
    {
        var q = NewQueue();
        var m = Enqueue(q, "T1", 0, TransactionEventType.Started);

        Assert.NotNull(_store.Read(TransactionEventQueue.NameOf(m.QueueSeq)));
        var next = q.NextToSend(0);
        Assert.Equal(Payload("T1", 0), next.Payload);
        Assert.Equal("TransactionEvent", next.Action);
        Assert.Equal(TransactionEventType.Started, next.EventType);
    }

    [Fact]
    public void DeliversStrictlyInOrderWithOneMessageInFlight_E11()
    {
        var q = NewQueue();
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Updated);
        Enqueue(q, "T2", 0, TransactionEventType.Started);

        var sent = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var m = q.NextToSend(0);
            q.MarkSent(m.QueueSeq);
            Assert.Null(q.NextToSend(0));
            sent.Add(m.Payload);
            Assert.True(q.Confirm(m.QueueSeq));
        }

        Assert.Equal(new[] { Payload("T1", 0), Payload("T1", 1), Payload("T2", 0) }, sent);
        Assert.True(q.IsEmpty);
        Assert.Empty(_store.List(TransactionEventQueue.RecordPrefix));
    }

    [Fact]
    public void UnconfirmedMessagesSurviveARebootInOrderAndConfirmedOnesDoNotComeBack()
    {
        var q = NewQueue();
        for (int i = 0; i < 5; i++)
        {
            Enqueue(q, "T1", i, i == 0 ? TransactionEventType.Started : TransactionEventType.Updated);
        }

        var first = q.NextToSend(0);
        q.MarkSent(first.QueueSeq);
        q.Confirm(first.QueueSeq);
        var second = q.NextToSend(0);
        q.MarkSent(second.QueueSeq); // in flight when power goes: must come back

        var rebooted = NewQueue();
        var seqNos = rebooted.Snapshot().Select(m => m.SeqNo).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4 }, seqNos);
        Assert.False(rebooted.HeadInFlight);
        Assert.Equal(Payload("T1", 1), rebooted.NextToSend(0).Payload);
    }

    [Fact]
    public void QueueNumbersContinueAfterRebootSoNewMessagesGoBehindOldOnes()
    {
        var q = NewQueue();
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Updated);
        var rebooted = NewQueue();
        Enqueue(rebooted, "T1", 2, TransactionEventType.Ended);

        var again = NewQueue();
        Assert.Equal(new[] { 0, 1, 2 }, again.Snapshot().Select(m => m.SeqNo).ToArray());
    }

    [Fact]
    public void RetryWaitsTheIntervalTimesTheTransmissionsSoFarThenDiscardsAndLogs_E13_FR_02_03_04()
    {
        var q = NewQueue(new TransactionQueueConfig { MessageAttempts = 3, MessageAttemptIntervalS = 60 });
        var m = Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Updated);

        q.MarkSent(q.NextToSend(0).QueueSeq);
        Assert.Equal(SendFailureOutcome.WillRetry, q.Fail(m.QueueSeq, 1_000, "CALLERROR InternalError"));
        Assert.Null(q.NextToSend(1_000 + 59_999));
        var retry1 = q.NextToSend(1_000 + 60_000);
        Assert.Equal(m.QueueSeq, retry1.QueueSeq);
        Assert.Equal(1, retry1.FailedAttempts);

        q.MarkSent(retry1.QueueSeq);
        Assert.Equal(SendFailureOutcome.WillRetry, q.Fail(m.QueueSeq, 100_000, "timeout"));
        Assert.Null(q.NextToSend(100_000 + 119_999));
        var retry2 = q.NextToSend(100_000 + 120_000);
        Assert.Equal(m.QueueSeq, retry2.QueueSeq);

        q.MarkSent(retry2.QueueSeq);
        Assert.Equal(SendFailureOutcome.Discarded, q.Fail(m.QueueSeq, 300_000, "timeout"));
        Assert.Equal(1, q.DiscardedCount);
        Assert.True(_log.Has(LogLevel.Error, "discarded TransactionEvent Started tx T1 seqNo 0 after 3 of 3 attempts"));
        Assert.Null(_store.Read(TransactionEventQueue.NameOf(m.QueueSeq)));
        Assert.Equal(1, q.NextToSend(300_000).SeqNo);
    }

    [Fact]
    public void FailedAttemptsArePersistedSoARebootLoopCannotRetryForever_E13_FR_04()
    {
        var config = new TransactionQueueConfig { MessageAttempts = 2, MessageAttemptIntervalS = 1 };
        var q = NewQueue(config);
        var m = Enqueue(q, "T1", 0, TransactionEventType.Started);
        q.MarkSent(m.QueueSeq);
        q.Fail(m.QueueSeq, 0, "CALLERROR");

        var rebooted = NewQueue(config);
        var again = rebooted.NextToSend(0);
        Assert.Equal(1, again.FailedAttempts);
        rebooted.MarkSent(again.QueueSeq);
        Assert.Equal(SendFailureOutcome.Discarded, rebooted.Fail(again.QueueSeq, 0, "CALLERROR"));
        Assert.True(rebooted.IsEmpty);
    }

    [Fact]
    public void ConnectionLossResendsTheInFlightMessageWithoutCountingAnAttempt()
    {
        var q = NewQueue(new TransactionQueueConfig { MessageAttempts = 1 });
        var m = Enqueue(q, "T1", 0, TransactionEventType.Started);
        q.MarkSent(m.QueueSeq);
        q.ReleaseInFlight();
        var again = q.NextToSend(0);
        Assert.Equal(m.QueueSeq, again.QueueSeq);
        Assert.Equal(0, again.FailedAttempts);
    }

    [Fact]
    public void LateOrUnknownAnswersAreIgnoredAndLogged()
    {
        var q = NewQueue();
        var a = Enqueue(q, "T1", 0, TransactionEventType.Started);
        var b = Enqueue(q, "T1", 1, TransactionEventType.Updated);
        q.MarkSent(a.QueueSeq);

        Assert.False(q.Confirm(b.QueueSeq));
        Assert.Equal(SendFailureOutcome.Ignored, q.Fail(b.QueueSeq, 0, "late"));
        Assert.Equal(2, q.Count);
        Assert.True(_log.Has(LogLevel.Warning, "not at the head"));
        Assert.Throws<InvalidOperationException>(() => q.MarkSent(b.QueueSeq));
    }

    [Fact]
    public void WhenFullItDropsIntermediateUpdatedEventsSecondFourthSixth_E11_FR_05()
    {
        var q = NewQueue(new TransactionQueueConfig { MaxMessages = 6 });
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        for (int seqNo = 1; seqNo <= 8; seqNo++)
        {
            Assert.NotNull(Enqueue(q, "T1", seqNo, TransactionEventType.Updated));
        }

        // Message 1 is Started (seqNo 0): the 2nd, 4th and 6th messages (seqNo 1, 3, 5) went.
        Assert.Equal(new[] { 0, 2, 4, 6, 7, 8 }, q.Snapshot().Select(m => m.SeqNo).ToArray());
        Assert.Equal(3, q.DroppedUpdatedCount);
        Assert.Equal(3, _log.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("dropped TransactionEvent Updated")));
        Assert.Equal(6, _store.List(TransactionEventQueue.RecordPrefix).Length);
    }

    [Fact]
    public void StartedAndEndedAreNeverDroppedEvenBeyondTheBound()
    {
        var q = NewQueue(new TransactionQueueConfig { MaxMessages = 3 });
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Ended);
        Enqueue(q, "T2", 0, TransactionEventType.Started);
        Assert.NotNull(Enqueue(q, "T2", 1, TransactionEventType.Ended));
        Assert.Null(Enqueue(q, "T3", 0, TransactionEventType.Updated));

        var kept = q.Snapshot().Select(m => m.TransactionId + "/" + m.EventType).ToArray();
        Assert.Equal(new[] { "T1/Started", "T1/Ended", "T2/Started", "T2/Ended" }, kept);
        Assert.Equal(1, q.OverBoundCount);
        Assert.Equal(1, q.DroppedUpdatedCount);
        Assert.True(_log.Has(LogLevel.Warning, "never dropped"));
    }

    [Fact]
    public void ByteBoundDropsUpdatedEventsToo()
    {
        var q = NewQueue(new TransactionQueueConfig { MaxBytes = 400 });
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        for (int seqNo = 1; seqNo <= 20; seqNo++)
        {
            Enqueue(q, "T1", seqNo, TransactionEventType.Updated);
        }

        Enqueue(q, "T1", 21, TransactionEventType.Ended);
        Assert.True(q.Bytes <= 400, "queue holds " + q.Bytes + " bytes");
        Assert.Equal(q.Bytes, _store.UsedBytes);
        var snapshot = q.Snapshot();
        Assert.Equal(TransactionEventType.Started, snapshot.First().EventType);
        Assert.Equal(TransactionEventType.Ended, snapshot.Last().EventType);
        Assert.True(q.DroppedUpdatedCount > 0);
    }

    [Fact]
    public void AFullFileStoreMakesRoomForEndedByDroppingUpdatedAndRefusesWhenNothingIsLeft()
    {
        var store = new MemoryFileStore(capacityBytes: 260);
        var q = new TransactionEventQueue(store, _log, new TransactionQueueConfig());
        q.Load();
        q.Enqueue("TransactionEvent", "T1", 0, TransactionEventType.Started, false, Payload("T1", 0));
        q.Enqueue("TransactionEvent", "T1", 1, TransactionEventType.Updated, false, Payload("T1", 1));
        q.Enqueue("TransactionEvent", "T1", 2, TransactionEventType.Updated, false, Payload("T1", 2));
        Assert.Null(q.Enqueue("TransactionEvent", "T1", 3, TransactionEventType.Updated, false, Payload("T1", 3)));

        Assert.NotNull(q.Enqueue("TransactionEvent", "T1", 4, TransactionEventType.Ended, false, Payload("T1", 4)));
        Assert.Equal(new[] { 0, 2, 4 }, q.Snapshot().Select(m => m.SeqNo).ToArray());

        q.Enqueue("TransactionEvent", "T2", 0, TransactionEventType.Started, false, Payload("T2", 0)).ToString();
        var e = Assert.Throws<TransactionQueueFullException>(() =>
            q.Enqueue("TransactionEvent", "T3", 0, TransactionEventType.Started, false, Payload("T3", 0)));
        Assert.Contains("no Updated event left to drop", e.Message);
    }

    [Fact]
    public void GoingOfflineMarksEveryQueuedMessageOfflineAndRewritesItsPayload_E11_FR_07()
    {
        var q = NewQueue();
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Updated, offline: true);
        Enqueue(q, "T1", 2, TransactionEventType.Updated);

        int marked = q.MarkAllOffline(m => m.Payload.Replace("}", ",\"offline\":true}"));

        Assert.Equal(2, marked);
        var rebooted = NewQueue();
        Assert.All(rebooted.Snapshot(), m => Assert.True(m.Offline));
        var head = rebooted.NextToSend(0);
        Assert.Equal("{\"tx\":\"T1\",\"seqNo\":0,\"offline\":true}", head.Payload);
        Assert.Equal(rebooted.Bytes, _store.UsedBytes);
    }

    [Fact]
    public void ADamagedRecordIsLoggedAndRemovedAndTheOthersStay()
    {
        var q = NewQueue();
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        var bad = Enqueue(q, "T1", 1, TransactionEventType.Updated);
        Enqueue(q, "T1", 2, TransactionEventType.Updated);
        var name = TransactionEventQueue.NameOf(bad.QueueSeq);
        var bytes = _store.Read(name);
        bytes[10] ^= 0x40;
        _store.WriteAtomic(name, bytes, bytes.Length);

        var rebooted = NewQueue();
        Assert.Equal(new[] { 0, 2 }, rebooted.Snapshot().Select(m => m.SeqNo).ToArray());
        Assert.Equal(1, rebooted.CorruptCount);
        Assert.True(_log.Has(LogLevel.Error, "fails its checksum"));
        Assert.False(_store.Exists(name));
    }

    [Fact]
    public void AnswersGetTransactionStatusQuestions_E14()
    {
        var q = NewQueue();
        Enqueue(q, "T1", 0, TransactionEventType.Started);
        Enqueue(q, "T1", 1, TransactionEventType.Ended);
        Assert.True(q.HasMessagesFor("T1"));
        Assert.False(q.HasMessagesFor("T2"));
        Assert.True(q.HasEndedFor("T1"));
        Assert.Equal(1, q.HighestSeqNoFor("T1"));
        Assert.Equal(-1, q.HighestSeqNoFor("T2"));
    }

    [Fact]
    public void HasMessageDueFollowsInFlightAndRetryTimeWithoutReadingTheStore()
    {
        var q = NewQueue(new TransactionQueueConfig { MessageAttemptIntervalS = 5 });
        Assert.False(q.HasMessageDue(0));
        var m = Enqueue(q, "T1", 0, TransactionEventType.Started);
        Assert.True(q.HasMessageDue(0));
        q.MarkSent(m.QueueSeq);
        Assert.False(q.HasMessageDue(0));
        q.Fail(m.QueueSeq, 1_000, "timeout");
        Assert.False(q.HasMessageDue(5_999));
        _store.CutPowerNow(); // any store access would now throw
        Assert.True(q.HasMessageDue(6_000));
        _store.RestorePower();
    }

    [Fact]
    public void RefusesAConfigurationWithoutASingleAttempt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TransactionEventQueue(_store, _log, new TransactionQueueConfig { MessageAttempts = 0 }));
    }
}
