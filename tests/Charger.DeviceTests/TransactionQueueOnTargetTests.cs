using System.Collections;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The offline TransactionEvent queue and the open-transaction journal on the board's CLR, on the
    /// simulated file store with power cut at every write (both outcomes of the cut write): nothing
    /// accepted is lost, nothing confirmed comes back, every transaction ends exactly once.
    /// Mirrors tests/Charger.Ocpp.Tests/Transactions (TransactionEventQueueTests, QueuePowerCutTests,
    /// TransactionJournalTests, JournalPowerCutTests).
    /// </summary>
    [TestClass]
    public class TransactionQueueOnTargetTests
    {
        private static MemoryFileStore _store;
        private static ListLog _log;

        private static void NewStore()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
        }

        private static TransactionEventQueue Queue(TransactionQueueConfig config)
        {
            TransactionEventQueue queue = new TransactionEventQueue(_store, _log, config != null ? config : new TransactionQueueConfig());
            queue.Load();
            return queue;
        }

        private static string Payload(string tx, int seqNo)
        {
            return "{\"tx\":\"" + tx + "\",\"seqNo\":" + seqNo + "}";
        }

        private static QueuedMessage Enqueue(TransactionEventQueue q, string tx, int seqNo, TransactionEventType type)
        {
            return q.Enqueue("TransactionEvent", tx, seqNo, type, false, Payload(tx, seqNo));
        }

        private static string SeqNos(TransactionEventQueue q)
        {
            QueuedMessage[] all = q.Snapshot();
            string text = "";
            for (int i = 0; i < all.Length; i++)
            {
                text += (i == 0 ? "" : ",") + all[i].SeqNo;
            }

            return text;
        }

        /// <summary>The offline flag added to a queued payload (no string.Replace on the device).</summary>
        private static string MarkOffline(QueuedMessage message)
        {
            string p = message.Payload;
            int end = p.LastIndexOf('}');
            return p.Substring(0, end) + ",\"offline\":true}";
        }

        [TestMethod]
        public void EnqueuedMessageIsInTheStoreBeforeAnyoneCanSendIt()
        {
            NewStore();
            TransactionEventQueue q = Queue(null);
            QueuedMessage m = Enqueue(q, "T1", 0, TransactionEventType.Started);

            Assert.IsNotNull(_store.Read(TransactionEventQueue.NameOf(m.QueueSeq)));
            QueuedMessage next = q.NextToSend(0);
            Assert.AreEqual(Payload("T1", 0), next.Payload);
            Assert.AreEqual("TransactionEvent", next.Action);
            Assert.AreEqual((int)TransactionEventType.Started, (int)next.EventType);
        }

        [TestMethod]
        public void DeliversStrictlyInOrderWithOneMessageInFlight_E11()
        {
            NewStore();
            TransactionEventQueue q = Queue(null);
            Enqueue(q, "T1", 0, TransactionEventType.Started);
            Enqueue(q, "T1", 1, TransactionEventType.Updated);
            Enqueue(q, "T2", 0, TransactionEventType.Started);

            string sent = "";
            for (int i = 0; i < 3; i++)
            {
                QueuedMessage m = q.NextToSend(0);
                q.MarkSent(m.QueueSeq);
                Assert.IsNull(q.NextToSend(0), "one message in flight at a time");
                sent += m.Payload;
                Assert.IsTrue(q.Confirm(m.QueueSeq));
            }

            Assert.AreEqual(Payload("T1", 0) + Payload("T1", 1) + Payload("T2", 0), sent);
            Assert.IsTrue(q.IsEmpty);
            Assert.AreEqual(0, _store.List(TransactionEventQueue.RecordPrefix).Length);
        }

        [TestMethod]
        public void UnconfirmedMessagesSurviveARebootInOrderAndConfirmedOnesDoNotComeBack()
        {
            NewStore();
            TransactionEventQueue q = Queue(null);
            for (int i = 0; i < 5; i++)
            {
                Enqueue(q, "T1", i, i == 0 ? TransactionEventType.Started : TransactionEventType.Updated);
            }

            QueuedMessage first = q.NextToSend(0);
            q.MarkSent(first.QueueSeq);
            q.Confirm(first.QueueSeq);
            q.MarkSent(q.NextToSend(0).QueueSeq); // in flight when power goes: must come back

            TransactionEventQueue rebooted = Queue(null);
            Assert.AreEqual("1,2,3,4", SeqNos(rebooted));
            Assert.IsFalse(rebooted.HeadInFlight);
            Assert.AreEqual(Payload("T1", 1), rebooted.NextToSend(0).Payload);

            Enqueue(rebooted, "T1", 5, TransactionEventType.Ended);
            Assert.AreEqual("1,2,3,4,5", SeqNos(Queue(null)), "queue numbers continue after the reboot");
        }

        [TestMethod]
        public void RetryWaitsTheIntervalTimesTheTransmissionsSoFarThenDiscards_E13_FR_02_03_04()
        {
            NewStore();
            TransactionQueueConfig config = new TransactionQueueConfig();
            config.MessageAttempts = 3;
            config.MessageAttemptIntervalS = 60;
            TransactionEventQueue q = Queue(config);
            QueuedMessage m = Enqueue(q, "T1", 0, TransactionEventType.Started);
            Enqueue(q, "T1", 1, TransactionEventType.Updated);

            q.MarkSent(q.NextToSend(0).QueueSeq);
            Assert.AreEqual((int)SendFailureOutcome.WillRetry, (int)q.Fail(m.QueueSeq, 1000, "CALLERROR InternalError"));
            Assert.IsNull(q.NextToSend(1000 + 59999));
            QueuedMessage retry1 = q.NextToSend(1000 + 60000);
            Assert.AreEqual(m.QueueSeq, retry1.QueueSeq);
            Assert.AreEqual(1, retry1.FailedAttempts);

            q.MarkSent(retry1.QueueSeq);
            Assert.AreEqual((int)SendFailureOutcome.WillRetry, (int)q.Fail(m.QueueSeq, 100000, "timeout"));
            Assert.IsNull(q.NextToSend(100000 + 119999));
            QueuedMessage retry2 = q.NextToSend(100000 + 120000);
            Assert.AreEqual(m.QueueSeq, retry2.QueueSeq);

            q.MarkSent(retry2.QueueSeq);
            Assert.AreEqual((int)SendFailureOutcome.Discarded, (int)q.Fail(m.QueueSeq, 300000, "timeout"));
            Assert.AreEqual(1L, q.DiscardedCount);
            Assert.IsTrue(_log.Has(LogLevel.Error, "after 3 of 3 attempts"));
            Assert.IsNull(_store.Read(TransactionEventQueue.NameOf(m.QueueSeq)));
            Assert.AreEqual(1, q.NextToSend(300000).SeqNo);
        }

        [TestMethod]
        public void WhenFullItDropsIntermediateUpdatedEventsButNeverStartedOrEnded_E11_FR_05()
        {
            NewStore();
            TransactionQueueConfig six = new TransactionQueueConfig();
            six.MaxMessages = 6;
            TransactionEventQueue q = Queue(six);
            Enqueue(q, "T1", 0, TransactionEventType.Started);
            for (int seqNo = 1; seqNo <= 8; seqNo++)
            {
                Assert.IsNotNull(Enqueue(q, "T1", seqNo, TransactionEventType.Updated));
            }

            // Message 1 is Started (seqNo 0): the 2nd, 4th and 6th messages (seqNo 1, 3, 5) went.
            Assert.AreEqual("0,2,4,6,7,8", SeqNos(q));
            Assert.AreEqual(3L, q.DroppedUpdatedCount);
            Assert.AreEqual(6, _store.List(TransactionEventQueue.RecordPrefix).Length);

            NewStore();
            TransactionQueueConfig three = new TransactionQueueConfig();
            three.MaxMessages = 3;
            TransactionEventQueue small = Queue(three);
            Enqueue(small, "T1", 0, TransactionEventType.Started);
            Enqueue(small, "T1", 1, TransactionEventType.Ended);
            Enqueue(small, "T2", 0, TransactionEventType.Started);
            Assert.IsNotNull(Enqueue(small, "T2", 1, TransactionEventType.Ended), "Ended goes in beyond the bound");
            Assert.IsNull(Enqueue(small, "T3", 0, TransactionEventType.Updated));
            Assert.AreEqual(4, small.Count);
            Assert.AreEqual(1L, small.OverBoundCount);
        }

        [TestMethod]
        public void GoingOfflineMarksEveryQueuedMessageOfflineAndRewritesItsPayload_E11_FR_07()
        {
            NewStore();
            TransactionEventQueue q = Queue(null);
            Enqueue(q, "T1", 0, TransactionEventType.Started);
            q.Enqueue("TransactionEvent", "T1", 1, TransactionEventType.Updated, true, Payload("T1", 1));
            Enqueue(q, "T1", 2, TransactionEventType.Updated);

            Assert.AreEqual(2, q.MarkAllOffline(MarkOffline));

            TransactionEventQueue rebooted = Queue(null);
            QueuedMessage[] all = rebooted.Snapshot();
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsTrue(all[i].Offline, "message " + i);
            }

            Assert.AreEqual("{\"tx\":\"T1\",\"seqNo\":0,\"offline\":true}", rebooted.NextToSend(0).Payload);
            Assert.AreEqual(rebooted.Bytes, _store.UsedBytes);
        }

        [TestMethod]
        public void ADamagedRecordIsLoggedAndRemovedAndTheOthersStay()
        {
            NewStore();
            TransactionEventQueue q = Queue(null);
            Enqueue(q, "T1", 0, TransactionEventType.Started);
            QueuedMessage bad = Enqueue(q, "T1", 1, TransactionEventType.Updated);
            Enqueue(q, "T1", 2, TransactionEventType.Updated);
            string name = TransactionEventQueue.NameOf(bad.QueueSeq);
            byte[] bytes = _store.Read(name);
            bytes[10] ^= 0x40;
            _store.WriteAtomic(name, bytes, bytes.Length);

            TransactionEventQueue rebooted = Queue(null);

            Assert.AreEqual("0,2", SeqNos(rebooted));
            Assert.AreEqual(1L, rebooted.CorruptCount);
            Assert.IsTrue(_log.Has(LogLevel.Error, "fails its checksum"));
            Assert.IsFalse(_store.Exists(name));
        }

        // ---- power cuts on the queue ----

        private static ArrayList _order;
        private static Hashtable _accepted;
        private static Hashtable _confirmed;
        private static string _enqueueInDoubt;
        private static string _confirmInDoubt;

        private static void ResetModel()
        {
            _order = new ArrayList();
            _accepted = new Hashtable();
            _confirmed = new Hashtable();
            _enqueueInDoubt = null;
            _confirmInDoubt = null;
        }

        private static void ModelEnqueue(TransactionEventQueue q, string tx, int seqNo, TransactionEventType type, bool offline)
        {
            string key = tx + "/" + seqNo;
            _order.Add(key);
            _enqueueInDoubt = key;
            Assert.IsNotNull(q.Enqueue("TransactionEvent", tx, seqNo, type, offline, "{\"k\":\"" + key + "\"}"));
            _enqueueInDoubt = null;
            _accepted[key] = true;
        }

        private static void ModelSendAndConfirm(TransactionEventQueue q, long nowMs)
        {
            QueuedMessage head = q.NextToSend(nowMs);
            Assert.IsNotNull(head);
            q.MarkSent(head.QueueSeq);
            string key = head.TransactionId + "/" + head.SeqNo;
            _confirmInDoubt = key;
            Assert.IsTrue(q.Confirm(head.QueueSeq));
            _confirmInDoubt = null;
            _confirmed[key] = true;
        }

        // Every kind of queue write: enqueue, confirm (delete), failure bookkeeping (rewrite) and the offline rewrite.
        private static void QueueScenario(TransactionEventQueue q)
        {
            ModelEnqueue(q, "T1", 0, TransactionEventType.Started, false);
            ModelEnqueue(q, "T1", 1, TransactionEventType.Updated, false);
            ModelEnqueue(q, "T1", 2, TransactionEventType.Updated, false);
            ModelSendAndConfirm(q, 0);
            QueuedMessage head = q.NextToSend(0);
            q.MarkSent(head.QueueSeq);
            Assert.AreEqual((int)SendFailureOutcome.WillRetry, (int)q.Fail(head.QueueSeq, 0, "CALLERROR"));
            q.ReleaseInFlight();
            q.MarkAllOffline(MarkOffline);
            ModelEnqueue(q, "T1", 3, TransactionEventType.Updated, true);
            ModelEnqueue(q, "T1", 4, TransactionEventType.Ended, true);
            ModelSendAndConfirm(q, 10000);
            ModelSendAndConfirm(q, 10000);
            ModelEnqueue(q, "T2", 0, TransactionEventType.Started, false);
            ModelSendAndConfirm(q, 10000);
        }

        private static TransactionQueueConfig CutConfig()
        {
            TransactionQueueConfig config = new TransactionQueueConfig();
            config.MessageAttempts = 3;
            config.MessageAttemptIntervalS = 10;
            return config;
        }

        [TestMethod]
        public void APowerCutAtAnyQueueWriteLosesNothingAcceptedAndBringsBackNothingConfirmed()
        {
            NewStore();
            ResetModel();
            QueueScenario(Queue(CutConfig()));
            long writes = _store.WriteCount;
            Assert.IsTrue(writes >= 10, "the scenario writes " + writes + " times");

            for (int cut = 1; cut <= writes; cut++)
            {
                for (int outcome = 0; outcome < 2; outcome++)
                {
                    string context = "cut at write " + cut + (outcome == 1 ? " (committed)" : " (lost)");
                    NewStore();
                    ResetModel();
                    TransactionEventQueue q = Queue(CutConfig());
                    _store.CutPowerAtWrite(cut, outcome == 1);
                    Assert.ThrowsException(typeof(PowerCutException), () => QueueScenario(q), context);
                    _store.RestorePower();

                    TransactionEventQueue rebooted = Queue(CutConfig());
                    QueuedMessage[] present = rebooted.Snapshot();
                    Hashtable seen = new Hashtable();
                    int lastOrder = -1;
                    for (int i = 0; i < present.Length; i++)
                    {
                        string key = present[i].TransactionId + "/" + present[i].SeqNo;
                        Assert.IsFalse(seen.Contains(key), context + ": " + key + " twice");
                        seen[key] = true;
                        Assert.IsFalse(_confirmed.Contains(key), context + ": confirmed " + key + " came back");
                        Assert.IsTrue(_accepted.Contains(key) || key == _enqueueInDoubt, context + ": " + key + " was never accepted");
                        int order = _order.IndexOf(key);
                        Assert.IsTrue(order > lastOrder, context + ": " + key + " out of order");
                        lastOrder = order;
                    }

                    foreach (object accepted in _accepted.Keys)
                    {
                        string key = (string)accepted;
                        if (!_confirmed.Contains(key) && key != _confirmInDoubt)
                        {
                            Assert.IsTrue(seen.Contains(key), context + ": accepted " + key + " was lost");
                        }
                    }

                    Assert.AreEqual(0L, rebooted.CorruptCount, context);

                    // Everything left is deliverable and the store ends empty.
                    int delivered = 0;
                    for (QueuedMessage next = rebooted.NextToSend(long.MaxValue / 2); next != null; next = rebooted.NextToSend(long.MaxValue / 2))
                    {
                        string key = next.TransactionId + "/" + next.SeqNo;
                        Assert.IsTrue(next.Payload.IndexOf("\"k\":\"" + key + "\"") >= 0, context + ": payload of " + key);
                        delivered++;
                        rebooted.MarkSent(next.QueueSeq);
                        rebooted.Confirm(next.QueueSeq);
                    }

                    Assert.AreEqual(present.Length, delivered, context);
                    Assert.AreEqual(0, _store.UsedBytes, context);
                }
            }
        }

        // ---- the journal ----

        private static TransactionEventQueue _queue;
        private static TransactionJournal _journal;

        private static OpenTransaction[] BootJournal()
        {
            _queue = new TransactionEventQueue(_store, _log, new TransactionQueueConfig());
            _queue.Load();
            // The same seed on every boot: uniqueness must come from the persisted counter.
            _journal = new TransactionJournal(_store, new SeededRandom(99), _log, _queue);
            return _journal.Load();
        }

        private static string TypeText(TransactionEventType type)
        {
            switch (type)
            {
                case TransactionEventType.Started:
                    return "Started";
                case TransactionEventType.Updated:
                    return "Updated";
                case TransactionEventType.Ended:
                    return "Ended";
                default:
                    return "None";
            }
        }

        private static void Append(int evse, TransactionEventType type, long energyWh)
        {
            OpenTransaction tx = _journal.Get(evse);
            int seqNo = _journal.NextSeqNo(evse);
            _journal.Append(evse, type, seqNo, energyWh, false, tx.TransactionId + "|" + seqNo + "|" + TypeText(type) + "|" + energyWh);
        }

        [TestMethod]
        public void SeqNoStartsAtZeroAndHasNoGapsAcrossAReboot()
        {
            NewStore();
            BootJournal();
            OpenTransaction tx = _journal.Begin(1, 1, "04A1B2", "ISO14443", 1700000000000, 0);
            Assert.AreEqual(0, _journal.NextSeqNo(1));
            Append(1, TransactionEventType.Started, 0);
            Append(1, TransactionEventType.Updated, 100);

            OpenTransaction[] interrupted = BootJournal();
            Assert.AreEqual(1, interrupted.Length);
            Assert.AreEqual(tx.TransactionId, interrupted[0].TransactionId);
            Assert.AreEqual("04A1B2", interrupted[0].IdToken);
            Assert.AreEqual("ISO14443", interrupted[0].IdTokenType);
            Assert.AreEqual(1700000000000L, interrupted[0].StartedAtUtcMs);
            Assert.AreEqual(100L, interrupted[0].LastEnergyWh);
            Assert.AreEqual(2, _journal.NextSeqNo(1));
            Append(1, TransactionEventType.Updated, 200);
            Append(1, TransactionEventType.Ended, 300);

            Assert.AreEqual("0,1,2,3", SeqNos(_queue));
            Assert.IsFalse(_journal.IsOpen(tx.TransactionId));
            Assert.AreEqual(0, _store.List(TransactionJournal.RecordPrefix).Length);
        }

        [TestMethod]
        public void TransactionIdsStayUniqueAcrossRebootsEvenWithTheSameRandomSequence()
        {
            NewStore();
            Hashtable ids = new Hashtable();
            for (int boot = 0; boot < 10; boot++)
            {
                BootJournal();
                OpenTransaction tx = _journal.Begin(1, 1, null, null, 0, 0);
                Assert.IsFalse(ids.Contains(tx.TransactionId), tx.TransactionId + " was issued twice");
                Assert.IsTrue(tx.TransactionId.Length <= 36, "transactionId is at most 36 characters");
                ids[tx.TransactionId] = true;
                Append(1, TransactionEventType.Started, 0);
                Append(1, TransactionEventType.Ended, 0);
            }
        }

        [TestMethod]
        public void ACutBetweenQueueingAnEventAndRecordingItIsRepairedFromTheQueue()
        {
            NewStore();
            BootJournal();
            _journal.Begin(1, 1, null, null, 0, 0);
            Append(1, TransactionEventType.Started, 0);
            _store.CutPowerAtWrite(2, false); // the queue write commits, the record write does not
            Assert.ThrowsException(typeof(PowerCutException), () => Append(1, TransactionEventType.Updated, 400));
            _store.RestorePower();

            OpenTransaction[] interrupted = BootJournal();

            Assert.AreEqual(2, interrupted[0].NextSeqNo);
            Assert.AreEqual(400L, interrupted[0].LastEnergyWh);
            Assert.AreEqual(2, _journal.NextSeqNo(1));
        }

        [TestMethod]
        public void ACutAfterQueueingEndedClearsTheRecordInsteadOfEndingTwice()
        {
            NewStore();
            BootJournal();
            _journal.Begin(1, 1, null, null, 0, 0);
            Append(1, TransactionEventType.Started, 0);
            _store.CutPowerAtWrite(2, false); // Ended queued, record delete lost
            Assert.ThrowsException(typeof(PowerCutException), () => Append(1, TransactionEventType.Ended, 10));
            _store.RestorePower();

            OpenTransaction[] interrupted = BootJournal();

            Assert.AreEqual(0, interrupted.Length);
            Assert.IsNull(_journal.Get(1));
            Assert.AreEqual(0, _store.List(TransactionJournal.RecordPrefix).Length);
        }

        private static Hashtable _csms;
        private static Hashtable _begun;

        /// <summary>Boot: load queue and journal, end every interrupted transaction with PowerLoss.</summary>
        private static void BootAndRecover()
        {
            OpenTransaction[] interrupted = BootJournal();
            for (int i = 0; i < interrupted.Length; i++)
            {
                OpenTransaction tx = interrupted[i];
                _begun[tx.TransactionId] = true;
                RecoveryDecision decision = PowerLossRecovery.Decide(tx, new PowerLossConfig(), false, -1);
                Assert.AreEqual((int)RecoveryAction.EndWithPowerLoss, (int)decision.Action);
                if (decision.NeedsStartedEvent)
                {
                    Append(tx.EvseId, TransactionEventType.Started, decision.EnergyWh);
                }

                Append(tx.EvseId, TransactionEventType.Ended, decision.EnergyWh);
            }
        }

        /// <summary>A CSMS that keeps every distinct event by (transactionId, seqNo); a resend must be identical.</summary>
        private static void Deliver(int count)
        {
            for (int i = 0; i < count; i++)
            {
                QueuedMessage m = _queue.NextToSend(0);
                if (m == null)
                {
                    return;
                }

                _queue.MarkSent(m.QueueSeq);
                string key = m.TransactionId + "/" + m.SeqNo;
                if (_csms.Contains(key))
                {
                    Assert.AreEqual((string)_csms[key], m.Payload, "a resend of " + key + " differs");
                }

                _csms[key] = m.Payload;
                _queue.Confirm(m.QueueSeq);
            }
        }

        private static void Begin(int evse, long energyWh)
        {
            OpenTransaction tx = _journal.Begin(evse, 1, "04A1B2C3", "ISO14443", 1700000000000, energyWh);
            _begun[tx.TransactionId] = true;
            Append(evse, TransactionEventType.Started, energyWh);
        }

        private static void Charging()
        {
            Begin(1, 1000);
            Deliver(1);
            Append(1, TransactionEventType.Updated, 1400);
            Begin(2, 50000);
            Append(1, TransactionEventType.Updated, 1900);
            Deliver(2);
            Append(2, TransactionEventType.Updated, 50700);
            Append(1, TransactionEventType.Ended, 2300);
            Deliver(1);
            Append(2, TransactionEventType.Updated, 51100);
        }

        [TestMethod]
        public void EveryTransactionEndsExactlyOnceWhereverPowerIsCut()
        {
            NewStore();
            _csms = new Hashtable();
            _begun = new Hashtable();
            BootAndRecover();
            Charging();
            long writes = _store.WriteCount;

            for (int cut = 1; cut <= writes; cut++)
            {
                for (int outcome = 0; outcome < 2; outcome++)
                {
                    string context = "cut at write " + cut + (outcome == 1 ? " (committed)" : " (lost)");
                    NewStore();
                    _csms = new Hashtable();
                    _begun = new Hashtable();
                    BootAndRecover();
                    _store.CutPowerAtWrite(cut, outcome == 1);
                    Assert.ThrowsException(typeof(PowerCutException), () => Charging(), context);
                    _store.RestorePower();

                    BootAndRecover();
                    Deliver(int.MaxValue);

                    AssertExactlyOnce(context);
                    Assert.AreEqual(0, _store.List(TransactionJournal.RecordPrefix).Length, context);
                    Assert.AreEqual(0, _store.List(TransactionEventQueue.RecordPrefix).Length, context);
                }
            }
        }

        private static void AssertExactlyOnce(string context)
        {
            foreach (object id in _begun.Keys)
            {
                string tx = (string)id;
                int started = 0;
                int ended = 0;
                int seqNo = 0;
                long energy = -1;
                for (; _csms.Contains(tx + "/" + seqNo); seqNo++)
                {
                    string[] parts = ((string)_csms[tx + "/" + seqNo]).Split('|');
                    if (parts[2] == "Started")
                    {
                        started++;
                        Assert.AreEqual(0, seqNo, context + ": " + tx + " Started is not first");
                    }

                    if (parts[2] == "Ended")
                    {
                        ended++;
                    }

                    long wh = long.Parse(parts[3]);
                    Assert.IsTrue(wh >= energy, context + ": energy of " + tx + " went down at seqNo " + seqNo);
                    energy = wh;
                }

                Assert.IsTrue(seqNo > 0, context + ": " + tx + " never reached the CSMS");
                Assert.AreEqual(1, started, context + ": Started events of " + tx);
                Assert.AreEqual(1, ended, context + ": Ended events of " + tx);
                Assert.AreEqual("Ended", ((string)_csms[tx + "/" + (seqNo - 1)]).Split('|')[2], context + ": last event of " + tx);
            }

            int delivered = _csms.Count;
            int counted = 0;
            foreach (object id in _begun.Keys)
            {
                for (int s = 0; _csms.Contains((string)id + "/" + s); s++)
                {
                    counted++;
                }
            }

            Assert.AreEqual(delivered, counted, context + ": seqNos have gaps or events of unknown transactions arrived");
        }
    }
}
