using System.Collections;
using Charger.Hal;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// The station's persistent, bounded queue of transaction-related messages (OCPP 2.0.1 E11,
    /// E12, E13). Every message is one record in the file store, written before anyone may send
    /// it and deleted only when the CSMS confirmed it, so a power cut at any point loses nothing
    /// that was accepted and brings back nothing that was confirmed. Delivery is strictly in
    /// enqueue order, one message in flight at a time.
    ///
    /// RAM holds only the metadata of each message; the payload is read from the store when the
    /// message is due, so a long outage costs flash, not heap.
    ///
    /// When a bound is reached, intermediate Updated events are dropped, the ones whose loss costs
    /// the least resolution first (E11.FR.05: 2nd, 4th, 6th ... message, never from the start);
    /// Started and Ended events are never dropped. Every drop and discard is counted and logged.
    /// </summary>
    public sealed class TransactionEventQueue
    {
        public const string RecordPrefix = "txq.";

        // Record layout identifiers: 'Q' for queue, bump the version when the layout changes.
        private const byte RecordKind = 0x51;
        private const byte FormatVersion = 1;

        // 12 digits keep ordinal name order equal to enqueue order for 10^12 messages.
        private const int SeqDigits = 12;
        private const string Component = "TxQueue";
        private const int MsPerSecond = 1000;

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly TransactionQueueConfig _config;
        private readonly ArrayList _entries = new ArrayList();
        private long _nextQueueSeq;
        private int _bytes;
        private bool _headInFlight;
        private long _droppedUpdatedCount;
        private long _discardedCount;
        private long _overBoundCount;
        private long _corruptCount;

        public TransactionEventQueue(IFileStore store, ILog log, TransactionQueueConfig config)
        {
            if (store == null || log == null || config == null)
            {
                throw new System.ArgumentNullException("store, log and config are required");
            }

            if (config.MessageAttempts < 1)
            {
                throw new System.ArgumentOutOfRangeException("config", "MessageAttempts must be at least 1 (one transmission), got " + config.MessageAttempts);
            }

            if (config.MessageAttemptIntervalS < 0 || config.MaxMessages < 1 || config.MaxBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException("config", "MessageAttemptIntervalS must not be negative and the bounds must be positive");
            }

            _store = store;
            _log = log;
            _config = config;
        }

        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>Bytes of stored records the queue occupies.</summary>
        public int Bytes
        {
            get { return _bytes; }
        }

        public bool IsEmpty
        {
            get { return _entries.Count == 0; }
        }

        /// <summary>Queue sequence of the oldest message, or -1 when empty (entries leave in order).</summary>
        public long HeadQueueSeq
        {
            get { return _entries.Count == 0 ? -1 : ((QueuedMessage)_entries[0]).QueueSeq; }
        }

        /// <summary>The sequence the next enqueued message will get.</summary>
        public long NextQueueSeq
        {
            get { return _nextQueueSeq; }
        }

        /// <summary>True between <see cref="MarkSent"/> and the answer (or <see cref="ReleaseInFlight"/>).</summary>
        public bool HeadInFlight
        {
            get { return _headInFlight; }
        }

        /// <summary>Updated events dropped to stay within the bounds (E11.FR.04).</summary>
        public long DroppedUpdatedCount
        {
            get { return _droppedUpdatedCount; }
        }

        /// <summary>Messages discarded after the last of MessageAttempts failed (E13.FR.04).</summary>
        public long DiscardedCount
        {
            get { return _discardedCount; }
        }

        /// <summary>Started/Ended events kept although the bound was reached, because they are never dropped.</summary>
        public long OverBoundCount
        {
            get { return _overBoundCount; }
        }

        /// <summary>Records found damaged at load or read, logged and removed.</summary>
        public long CorruptCount
        {
            get { return _corruptCount; }
        }

        /// <summary>
        /// Rebuilds the RAM index from the store after boot. Messages come back in their original
        /// order with their failed-attempt counts; a damaged record is logged and removed.
        /// </summary>
        public int Load()
        {
            _entries.Clear();
            _bytes = 0;
            _headInFlight = false;
            _nextQueueSeq = 0;
            string[] names = _store.List(RecordPrefix);
            for (int i = 0; i < names.Length; i++)
            {
                QueuedMessage message = ReadRecord(names[i]);
                if (message == null)
                {
                    continue;
                }

                message.Payload = null;
                _entries.Add(message);
                _bytes += message.RecordBytes;
                if (message.QueueSeq >= _nextQueueSeq)
                {
                    _nextQueueSeq = message.QueueSeq + 1;
                }
            }

            if (_entries.Count > 0)
            {
                _log.Write(LogLevel.Info, Component, "loaded " + _entries.Count + " unconfirmed transaction messages, " + _bytes + " bytes");
            }

            return _entries.Count;
        }

        /// <summary>
        /// Stores a message; it is durable when this returns. Returns the stored metadata, or null
        /// when an Updated event had to be dropped because nothing else could make room.
        /// </summary>
        /// <exception cref="TransactionQueueFullException">The store cannot take a Started, Ended or other non-droppable message.</exception>
        public QueuedMessage Enqueue(string action, string transactionId, int seqNo, TransactionEventType eventType, bool offline, string payload)
        {
            return Enqueue(action, transactionId, seqNo, eventType, -1, offline, payload);
        }

        /// <param name="energyWh">The energy register the event reports, or -1 when it reports none.</param>
        public QueuedMessage Enqueue(string action, string transactionId, int seqNo, TransactionEventType eventType, long energyWh, bool offline, string payload)
        {
            if (action == null || action.Length == 0 || payload == null)
            {
                throw new System.ArgumentException("a queued message needs an action and a payload");
            }

            QueuedMessage message = new QueuedMessage();
            message.QueueSeq = _nextQueueSeq;
            message.Action = action;
            message.TransactionId = transactionId;
            message.SeqNo = seqNo;
            message.EventType = eventType;
            message.EnergyWh = energyWh;
            message.Offline = offline;
            message.FailedAttempts = 0;
            StoreRecordWriter writer = Encode(message, payload);
            byte[] record = writer.Finish();
            message.RecordBytes = writer.Length;

            while (_entries.Count + 1 > _config.MaxMessages || _bytes + message.RecordBytes > _config.MaxBytes)
            {
                int victim = FindDroppableUpdated();
                if (victim < 0)
                {
                    break;
                }

                DropAt(victim, "queue at its bound");
            }

            if (_entries.Count + 1 > _config.MaxMessages || _bytes + message.RecordBytes > _config.MaxBytes)
            {
                if (eventType == TransactionEventType.Updated)
                {
                    return RefuseUpdated(message, "queue at its bound with nothing older to thin");
                }

                _overBoundCount++;
                _log.Write(LogLevel.Warning, Component, "kept " + Describe(message) + " beyond the queue bound (" + _entries.Count + " messages, "
                    + _bytes + " bytes): Started and Ended are never dropped");
            }

            // A gap in queue numbers is harmless; a reused number after a failed write is not.
            _nextQueueSeq++;
            while (true)
            {
                try
                {
                    _store.WriteAtomic(NameOf(message.QueueSeq), record, message.RecordBytes);
                    break;
                }
                catch (StorageFullException e)
                {
                    if (eventType == TransactionEventType.Updated)
                    {
                        return RefuseUpdated(message, "file store full: " + e.Message);
                    }

                    int victim = FindDroppableUpdated();
                    if (victim < 0)
                    {
                        _log.Write(LogLevel.Error, Component, "cannot store " + Describe(message) + ": " + e.Message);
                        throw new TransactionQueueFullException("no room in the file store for " + Describe(message) + " and no Updated event left to drop: " + e.Message);
                    }

                    DropAt(victim, "file store full");
                }
            }

            _entries.Add(message);
            _bytes += message.RecordBytes;
            return message.CopyMetadata();
        }

        /// <summary>Whether <see cref="NextToSend"/> would return a message now; reads nothing, allocates nothing (for the per-tick check).</summary>
        public bool HasMessageDue(long nowMs)
        {
            return _entries.Count > 0 && !_headInFlight && nowMs >= ((QueuedMessage)_entries[0]).NextAttemptAtMs;
        }

        /// <summary>
        /// The message to send now, with its payload, or null when the queue is empty, a message is
        /// in flight, or the head waits for its retry time.
        /// </summary>
        public QueuedMessage NextToSend(long nowMs)
        {
            while (_entries.Count > 0 && !_headInFlight)
            {
                QueuedMessage head = (QueuedMessage)_entries[0];
                if (nowMs < head.NextAttemptAtMs)
                {
                    return null;
                }

                QueuedMessage full = ReadRecord(NameOf(head.QueueSeq));
                if (full == null)
                {
                    // ReadRecord logged and removed the damaged record; drop its index entry too.
                    _entries.RemoveAt(0);
                    _bytes -= head.RecordBytes;
                    continue;
                }

                full.NextAttemptAtMs = head.NextAttemptAtMs;
                return full;
            }

            return null;
        }

        /// <summary>The head was handed to the RPC layer; no other message goes until it is answered.</summary>
        public void MarkSent(long queueSeq)
        {
            QueuedMessage head = HeadWith(queueSeq);
            if (head == null)
            {
                throw new System.InvalidOperationException("message " + queueSeq + " is not at the head of the transaction queue");
            }

            _headInFlight = true;
        }

        /// <summary>The CSMS answered with a CALLRESULT: the message is removed for good. False when it was not the head.</summary>
        public bool Confirm(long queueSeq)
        {
            QueuedMessage head = HeadWith(queueSeq);
            if (head == null)
            {
                _log.Write(LogLevel.Warning, Component, "confirmation for message " + queueSeq + " which is not at the head; ignored");
                return false;
            }

            _store.Delete(NameOf(queueSeq));
            _entries.RemoveAt(0);
            _bytes -= head.RecordBytes;
            _headInFlight = false;
            return true;
        }

        /// <summary>
        /// The CSMS answered with a CALLERROR or not within MessageTimeout (E13.FR.01). Before the
        /// last of MessageAttempts the message waits MessageAttemptInterval times the transmissions
        /// so far (E13.FR.02/03); after the last it is discarded and logged (E13.FR.04).
        /// </summary>
        public SendFailureOutcome Fail(long queueSeq, long nowMs, string reason)
        {
            QueuedMessage head = HeadWith(queueSeq);
            if (head == null)
            {
                _log.Write(LogLevel.Warning, Component, "failure for message " + queueSeq + " which is not at the head; ignored");
                return SendFailureOutcome.Ignored;
            }

            int failed = head.FailedAttempts + 1;
            if (failed >= _config.MessageAttempts)
            {
                _store.Delete(NameOf(queueSeq));
                _entries.RemoveAt(0);
                _bytes -= head.RecordBytes;
                _headInFlight = false;
                _discardedCount++;
                _log.Write(LogLevel.Error, Component, "discarded " + Describe(head) + " after " + failed + " of " + _config.MessageAttempts
                    + " attempts failed (E13.FR.04); last failure: " + reason);
                return SendFailureOutcome.Discarded;
            }

            // Persist the count so that a reboot loop cannot retry one message for ever.
            QueuedMessage full = ReadRecord(NameOf(queueSeq));
            if (full == null)
            {
                _entries.RemoveAt(0);
                _bytes -= head.RecordBytes;
                _headInFlight = false;
                return SendFailureOutcome.Discarded;
            }

            full.FailedAttempts = failed;
            Rewrite(head, full);
            head.FailedAttempts = failed;
            head.NextAttemptAtMs = nowMs + (long)_config.MessageAttemptIntervalS * MsPerSecond * failed;
            _headInFlight = false;
            _log.Write(LogLevel.Warning, Component, Describe(head) + " failed (" + reason + "), attempt " + failed + " of "
                + _config.MessageAttempts + "; retry in " + ((long)_config.MessageAttemptIntervalS * failed) + " s");
            return SendFailureOutcome.WillRetry;
        }

        /// <summary>The connection went before an answer came: the head goes again after reconnecting, no attempt counted.</summary>
        public void ReleaseInFlight()
        {
            _headInFlight = false;
        }

        /// <summary>
        /// Sets the offline flag on every queued message that lacks it (E11.FR.07), rewriting each
        /// record with the payload <paramref name="rewriter"/> returns (null keeps the payload).
        /// Returns how many were marked.
        /// </summary>
        public int MarkAllOffline(OfflinePayloadRewriter rewriter)
        {
            int marked = 0;
            for (int i = 0; i < _entries.Count; i++)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                if (entry.Offline)
                {
                    continue;
                }

                QueuedMessage full = ReadRecord(NameOf(entry.QueueSeq));
                if (full == null)
                {
                    _entries.RemoveAt(i);
                    _bytes -= entry.RecordBytes;
                    i--;
                    continue;
                }

                full.Offline = true;
                if (rewriter != null)
                {
                    string payload = rewriter(full);
                    if (payload == null)
                    {
                        throw new System.InvalidOperationException("the offline rewriter returned no payload for " + Describe(full));
                    }

                    full.Payload = payload;
                }

                Rewrite(entry, full);
                entry.Offline = true;
                marked++;
            }

            return marked;
        }

        /// <summary>Whether a message of this transaction waits to be delivered (GetTransactionStatus, E14).</summary>
        public bool HasMessagesFor(string transactionId)
        {
            return IndexOf(transactionId, TransactionEventType.None, false) >= 0;
        }

        /// <summary>Whether the Ended event of this transaction is queued.</summary>
        public bool HasEndedFor(string transactionId)
        {
            return IndexOf(transactionId, TransactionEventType.Ended, true) >= 0;
        }

        /// <summary>Highest seqNo queued for this transaction, or -1.</summary>
        public int HighestSeqNoFor(string transactionId)
        {
            int highest = -1;
            for (int i = 0; i < _entries.Count; i++)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                if (entry.TransactionId == transactionId && entry.SeqNo > highest)
                {
                    highest = entry.SeqNo;
                }
            }

            return highest;
        }

        /// <summary>Highest energy (Wh) a queued event of this transaction reports, or -1.</summary>
        public long HighestEnergyWhFor(string transactionId)
        {
            long highest = -1;
            for (int i = 0; i < _entries.Count; i++)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                if (entry.TransactionId == transactionId && entry.EnergyWh > highest)
                {
                    highest = entry.EnergyWh;
                }
            }

            return highest;
        }

        /// <summary>Copies of the queued metadata, oldest first (diagnostics, tests).</summary>
        public QueuedMessage[] Snapshot()
        {
            QueuedMessage[] copy = new QueuedMessage[_entries.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = ((QueuedMessage)_entries[i]).CopyMetadata();
            }

            return copy;
        }

        /// <summary>Record name of a queue position; zero-padded so ordinal order is queue order.</summary>
        public static string NameOf(long queueSeq)
        {
            string digits = queueSeq.ToString();
            char[] name = new char[RecordPrefix.Length + SeqDigits];
            for (int i = 0; i < RecordPrefix.Length; i++)
            {
                name[i] = RecordPrefix[i];
            }

            int pad = SeqDigits - digits.Length;
            for (int i = 0; i < SeqDigits; i++)
            {
                name[RecordPrefix.Length + i] = i < pad ? '0' : digits[i - pad];
            }

            return new string(name);
        }

        private int IndexOf(string transactionId, TransactionEventType eventType, bool matchType)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                if (entry.TransactionId == transactionId && (!matchType || entry.EventType == eventType))
                {
                    return i;
                }
            }

            return -1;
        }

        private QueuedMessage HeadWith(long queueSeq)
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            QueuedMessage head = (QueuedMessage)_entries[0];
            return head.QueueSeq == queueSeq ? head : null;
        }

        private QueuedMessage RefuseUpdated(QueuedMessage message, string why)
        {
            _droppedUpdatedCount++;
            _log.Write(LogLevel.Warning, Component, "dropped new " + Describe(message) + ": " + why);
            return null;
        }

        /// <summary>
        /// The Updated event whose removal leaves the smallest hole in its transaction's seqNo
        /// sequence (earliest on a tie), so repeated drops thin the stream evenly as E11.FR.05
        /// asks; the newest Updated of a transaction goes last. -1 when none may be dropped.
        /// </summary>
        private int FindDroppableUpdated()
        {
            int n = _entries.Count;
            if (n == 0)
            {
                return -1;
            }

            int[] nextSeqNo = new int[n];
            Hashtable following = new Hashtable();
            for (int i = n - 1; i >= 0; i--)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                string key = entry.TransactionId == null ? string.Empty : entry.TransactionId;
                object next = following[key];
                nextSeqNo[i] = next == null ? int.MaxValue : (int)next;
                following[key] = entry.SeqNo;
            }

            Hashtable preceding = new Hashtable();
            int best = -1;
            long bestGap = long.MaxValue;
            for (int i = 0; i < n; i++)
            {
                QueuedMessage entry = (QueuedMessage)_entries[i];
                string key = entry.TransactionId == null ? string.Empty : entry.TransactionId;
                object previous = preceding[key];
                int previousSeqNo = previous == null ? entry.SeqNo - 1 : (int)previous;
                preceding[key] = entry.SeqNo;
                if (entry.EventType != TransactionEventType.Updated || (i == 0 && _headInFlight))
                {
                    continue;
                }

                long gap = (long)nextSeqNo[i] - previousSeqNo;
                if (gap < bestGap)
                {
                    bestGap = gap;
                    best = i;
                }
            }

            return best;
        }

        private void DropAt(int index, string why)
        {
            QueuedMessage victim = (QueuedMessage)_entries[index];
            _store.Delete(NameOf(victim.QueueSeq));
            _entries.RemoveAt(index);
            _bytes -= victim.RecordBytes;
            _droppedUpdatedCount++;
            _log.Write(LogLevel.Warning, Component, "dropped " + Describe(victim) + " (" + why + ", E11.FR.05); " + _droppedUpdatedCount + " dropped so far");
        }

        private void Rewrite(QueuedMessage entry, QueuedMessage full)
        {
            StoreRecordWriter writer = Encode(full, full.Payload);
            byte[] record = writer.Finish();
            _store.WriteAtomic(NameOf(full.QueueSeq), record, writer.Length);
            _bytes += writer.Length - entry.RecordBytes;
            entry.RecordBytes = writer.Length;
        }

        private QueuedMessage ReadRecord(string name)
        {
            byte[] data = _store.Read(name);
            try
            {
                StoreRecordReader reader = new StoreRecordReader(name, data, RecordKind, FormatVersion);
                QueuedMessage message = new QueuedMessage();
                message.QueueSeq = reader.ReadInt64();
                message.Action = reader.ReadString();
                message.TransactionId = reader.ReadString();
                message.SeqNo = reader.ReadInt32();
                message.EventType = (TransactionEventType)reader.ReadByte();
                message.EnergyWh = reader.ReadInt64();
                message.Offline = reader.ReadBool();
                message.FailedAttempts = reader.ReadInt32();
                message.Payload = reader.ReadString();
                message.RecordBytes = data.Length;
                if (!reader.AtEnd || NameOf(message.QueueSeq) != name || message.Action == null || message.Payload == null)
                {
                    throw new CorruptRecordException("record " + name + " does not hold a queued message");
                }

                return message;
            }
            catch (CorruptRecordException e)
            {
                _corruptCount++;
                _log.Write(LogLevel.Error, Component, "removing damaged transaction message: " + e.Message);
                _store.Delete(name);
                return null;
            }
        }

        private static StoreRecordWriter Encode(QueuedMessage message, string payload)
        {
            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, 64 + payload.Length);
            writer.WriteInt64(message.QueueSeq);
            writer.WriteString(message.Action);
            writer.WriteString(message.TransactionId);
            writer.WriteInt32(message.SeqNo);
            writer.WriteByte((byte)message.EventType);
            writer.WriteInt64(message.EnergyWh);
            writer.WriteBool(message.Offline);
            writer.WriteInt32(message.FailedAttempts);
            writer.WriteString(payload);
            return writer;
        }

        private static string Describe(QueuedMessage message)
        {
            return message.Action + " " + TransactionEventTypeText.Of(message.EventType) + " tx " + message.TransactionId + " seqNo " + message.SeqNo;
        }
    }
}
