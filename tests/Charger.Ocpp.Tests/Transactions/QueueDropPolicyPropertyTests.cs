using System.Collections.Generic;
using System.Linq;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

/// <summary>
/// For many seeded random mixes of interleaved transactions, with a small bound and a CSMS that
/// is mostly away: Started and Ended are never lost, only Updated events are dropped, every drop
/// is counted, the bound holds until a Started or Ended had to be kept beyond it, and the queue stays in order.
/// </summary>
public class QueueDropPolicyPropertyTests
{
    [Fact]
    public void OnlyUpdatedEventsAreEverDroppedAndEveryDropIsCounted_E11_FR_04_05()
    {
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var rnd = new SeededRandom(seed);
            var store = new MemoryFileStore();
            int maxMessages = 8 + rnd.Next(8);
            var q = new TransactionEventQueue(store, new RecordingLog(), new TransactionQueueConfig { MaxMessages = maxMessages });
            q.Load();
            var nextSeq = new Dictionary<string, int>();
            var mustKeep = new List<(string, int)>();
            var delivered = new HashSet<(string, int)>();
            int updates = 0;
            int txCount = 0;
            for (int step = 0; step < 200; step++)
            {
                int roll = rnd.Next(100);
                var open = nextSeq.Keys.ToList();
                if (roll < 10 || open.Count == 0)
                {
                    string tx = "T" + (++txCount);
                    nextSeq[tx] = 1;
                    q.Enqueue("TransactionEvent", tx, 0, TransactionEventType.Started, false, "s");
                    mustKeep.Add((tx, 0));
                }
                else if (roll < 20)
                {
                    string tx = open[rnd.Next(open.Count)];
                    q.Enqueue("TransactionEvent", tx, nextSeq[tx], TransactionEventType.Ended, false, "e");
                    mustKeep.Add((tx, nextSeq[tx]));
                    nextSeq.Remove(tx);
                }
                else if (roll < 95)
                {
                    string tx = open[rnd.Next(open.Count)];
                    q.Enqueue("TransactionEvent", tx, nextSeq[tx]++, TransactionEventType.Updated, false, "u");
                    updates++;
                }
                else
                {
                    var m = q.NextToSend(0);
                    if (m != null)
                    {
                        q.MarkSent(m.QueueSeq);
                        q.Confirm(m.QueueSeq);
                        delivered.Add((m.TransactionId, m.SeqNo));
                    }
                }

                var snapshot = q.Snapshot();
                if (q.OverBoundCount == 0)
                {
                    // Until a Started/Ended had to be kept beyond it, the bound holds exactly.
                    Assert.True(snapshot.Length <= maxMessages, "seed " + seed + ": " + snapshot.Length + " > " + maxMessages);
                }

                for (int i = 1; i < snapshot.Length; i++)
                {
                    Assert.True(snapshot[i - 1].QueueSeq < snapshot[i].QueueSeq, "seed " + seed + ": queue out of order");
                }
            }

            var present = q.Snapshot().Select(m => (m.TransactionId, m.SeqNo)).ToHashSet();
            foreach (var key in mustKeep)
            {
                Assert.True(present.Contains(key) || delivered.Contains(key), "seed " + seed + ": lost " + key);
            }

            int updatedLeft = q.Snapshot().Count(m => m.EventType == TransactionEventType.Updated);
            int updatedDelivered = delivered.Count - mustKeep.Count(delivered.Contains);
            Assert.Equal(updates, updatedLeft + updatedDelivered + (int)q.DroppedUpdatedCount);
        }
    }
}
