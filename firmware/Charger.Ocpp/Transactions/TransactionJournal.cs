using System.Collections;
using Charger.Hal;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Owns the life of each transaction as far as storage is concerned: it issues the
    /// transactionId, hands out seqNos from 0 without gaps, queues every TransactionEvent through
    /// the <see cref="TransactionEventQueue"/> and keeps one record per EVSE of the open
    /// transaction (id, token, start, energy, next seqNo), so that after a power cut the firmware
    /// ends it exactly once with the last known energy, or resumes it.
    ///
    /// Write order per event: the queue record first, then the open-transaction record (deleted
    /// on Ended). A cut between the two is repaired by <see cref="Load"/>, which takes the seqNo,
    /// energy and Ended state from the queue, where the newer truth is.
    /// </summary>
    public sealed class TransactionJournal
    {
        public const string RecordPrefix = "txo.";
        public const string TransactionEventAction = "TransactionEvent";

        private const byte RecordKind = 0x4F;
        private const byte FormatVersion = 1;
        private const string Component = "TxJournal";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly TransactionEventQueue _queue;
        private readonly TransactionIdGenerator _ids;

        // evseId (boxed int) -> OpenTransaction
        private readonly Hashtable _open = new Hashtable();

        public TransactionJournal(IFileStore store, IRandomSource random, ILog log, TransactionEventQueue queue)
        {
            if (store == null || random == null || log == null || queue == null)
            {
                throw new System.ArgumentNullException("store, random, log and queue are required");
            }

            _store = store;
            _log = log;
            _queue = queue;
            _ids = new TransactionIdGenerator(store, random, log);
        }

        public int OpenCount
        {
            get { return _open.Count; }
        }

        /// <summary>
        /// Reads the open-transaction records after boot (call after the queue's Load) and
        /// reconciles each with the queue. Returns the transactions still open: each was
        /// interrupted and needs a <see cref="PowerLossRecovery"/> decision.
        /// </summary>
        public OpenTransaction[] Load()
        {
            _open.Clear();
            string[] names = _store.List(RecordPrefix);
            ArrayList open = new ArrayList();
            for (int i = 0; i < names.Length; i++)
            {
                OpenTransaction tx = ReadRecord(names[i]);
                if (tx == null)
                {
                    continue;
                }

                if (_queue.HasEndedFor(tx.TransactionId))
                {
                    // Power went between queueing Ended and deleting this record: already ended.
                    _log.Write(LogLevel.Info, Component, "transaction " + tx.TransactionId + " was ended before the power cut; clearing its record");
                    _store.Delete(names[i]);
                    continue;
                }

                int queuedSeqNo = _queue.HighestSeqNoFor(tx.TransactionId);
                long queuedEnergyWh = _queue.HighestEnergyWhFor(tx.TransactionId);
                if (queuedSeqNo + 1 > tx.NextSeqNo || queuedEnergyWh > tx.LastEnergyWh)
                {
                    // Power went between queueing an event and recording it here.
                    tx.NextSeqNo = queuedSeqNo + 1 > tx.NextSeqNo ? queuedSeqNo + 1 : tx.NextSeqNo;
                    tx.LastEnergyWh = queuedEnergyWh > tx.LastEnergyWh ? queuedEnergyWh : tx.LastEnergyWh;
                    WriteRecord(tx);
                }

                Replace(_open, tx.EvseId, tx);
                open.Add(tx.Copy());
                _log.Write(LogLevel.Warning, Component, "transaction " + tx.TransactionId + " on EVSE " + tx.EvseId + " was interrupted at seqNo "
                    + tx.NextSeqNo + ", " + tx.LastEnergyWh + " Wh");
            }

            OpenTransaction[] result = new OpenTransaction[open.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (OpenTransaction)open[i];
            }

            return result;
        }

        /// <summary>
        /// Opens a transaction on an EVSE: issues its id and persists the record before any event
        /// exists. The caller then appends the Started event with seqNo 0.
        /// </summary>
        public OpenTransaction Begin(int evseId, int connectorId, string idToken, string idTokenType, long startedAtUtcMs, long energyWh)
        {
            if (_open.Contains(evseId))
            {
                throw new System.InvalidOperationException("EVSE " + evseId + " already has open transaction " + ((OpenTransaction)_open[evseId]).TransactionId);
            }

            OpenTransaction tx = new OpenTransaction();
            tx.TransactionId = _ids.Next();
            tx.EvseId = evseId;
            tx.ConnectorId = connectorId;
            tx.IdToken = idToken;
            tx.IdTokenType = idTokenType;
            tx.StartedAtUtcMs = startedAtUtcMs;
            tx.LastEnergyWh = energyWh;
            tx.NextSeqNo = 0;
            WriteRecord(tx);
            Replace(_open, evseId, tx);
            return tx.Copy();
        }

        /// <summary>
        /// Forgets a transaction that never got its Started event queued (for instance the queue
        /// refused it with <see cref="TransactionQueueFullException"/>), so nothing is reported for
        /// a transaction that never charged. Refused once any event exists: that one must be ended.
        /// </summary>
        public void Abandon(int evseId, string reason)
        {
            OpenTransaction tx = Require(evseId);
            if (tx.NextSeqNo != 0)
            {
                throw new System.InvalidOperationException("transaction " + tx.TransactionId + " already reported " + tx.NextSeqNo
                    + " events; it must be ended, not abandoned");
            }

            _store.Delete(NameOf(evseId));
            _open.Remove(evseId);
            _log.Write(LogLevel.Warning, Component, "abandoned transaction " + tx.TransactionId + " on EVSE " + evseId + " before it started: " + reason);
        }

        /// <summary>The open transaction on an EVSE (a copy), or null.</summary>
        public OpenTransaction Get(int evseId)
        {
            OpenTransaction tx = (OpenTransaction)_open[evseId];
            return tx == null ? null : tx.Copy();
        }

        /// <summary>Whether the transaction is still running (GetTransactionStatus ongoingIndicator, E14).</summary>
        public bool IsOpen(string transactionId)
        {
            foreach (DictionaryEntry entry in _open)
            {
                if (((OpenTransaction)entry.Value).TransactionId == transactionId)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>seqNo the next event on this EVSE must carry.</summary>
        public int NextSeqNo(int evseId)
        {
            return Require(evseId).NextSeqNo;
        }

        /// <summary>Records the token that authorized a transaction started before authorization (TxStartPoint EVConnected).</summary>
        public void SetIdToken(int evseId, string idToken, string idTokenType)
        {
            OpenTransaction tx = Require(evseId);
            OpenTransaction updated = tx.Copy();
            updated.IdToken = idToken;
            updated.IdTokenType = idTokenType;
            WriteRecord(updated);
            Replace(_open, evseId, updated);
        }

        /// <summary>
        /// Queues a TransactionEvent of the open transaction on <paramref name="evseId"/>. The
        /// payload must carry <paramref name="seqNo"/> = <see cref="NextSeqNo"/>; a mismatch is
        /// refused so the metadata can never disagree with the wire. Ended closes the transaction.
        /// Returns the queued metadata, or null when the queue dropped this Updated event.
        /// </summary>
        public QueuedMessage Append(int evseId, TransactionEventType eventType, int seqNo, long energyWh, bool offline, string payload)
        {
            OpenTransaction tx = Require(evseId);
            if (seqNo != tx.NextSeqNo)
            {
                throw new System.ArgumentException("transaction " + tx.TransactionId + " expects seqNo " + tx.NextSeqNo + ", the event carries " + seqNo);
            }

            if (eventType == TransactionEventType.None)
            {
                throw new System.ArgumentException("a TransactionEvent needs an eventType");
            }

            if ((eventType == TransactionEventType.Started) != (seqNo == 0))
            {
                throw new System.ArgumentException("Started is the first event of a transaction and only the first; transaction "
                    + tx.TransactionId + " is at seqNo " + seqNo);
            }

            if (energyWh >= 0 && energyWh < tx.LastEnergyWh)
            {
                _log.Write(LogLevel.Warning, Component, "energy register went back from " + tx.LastEnergyWh + " to " + energyWh
                    + " Wh in transaction " + tx.TransactionId + "; keeping the higher value as last known");
            }

            QueuedMessage queued = _queue.Enqueue(TransactionEventAction, tx.TransactionId, seqNo, eventType, energyWh, offline, payload);

            if (eventType == TransactionEventType.Ended)
            {
                _store.Delete(NameOf(evseId));
                _open.Remove(evseId);
                return queued;
            }

            OpenTransaction updated = tx.Copy();
            updated.NextSeqNo = seqNo + 1;
            if (energyWh > updated.LastEnergyWh)
            {
                updated.LastEnergyWh = energyWh;
            }

            WriteRecord(updated);
            Replace(_open, evseId, updated);
            return queued;
        }

        /// <summary>
        /// Sets <paramref name="key"/> to <paramref name="value"/> without the Hashtable indexer: on
        /// nanoFramework (System.Collections 1.5) setting a key that is already present, after some
        /// other key was removed, can add a second entry for it instead of replacing the first
        /// (found by the on-target tests); removing it first and adding it again is exact on both runtimes.
        /// </summary>
        private static void Replace(Hashtable table, object key, object value)
        {
            if (table.Contains(key))
            {
                table.Remove(key);
            }

            table.Add(key, value);
        }

        public static string NameOf(int evseId)
        {
            return RecordPrefix + evseId.ToString();
        }

        private OpenTransaction Require(int evseId)
        {
            OpenTransaction tx = (OpenTransaction)_open[evseId];
            if (tx == null)
            {
                throw new System.InvalidOperationException("EVSE " + evseId + " has no open transaction");
            }

            return tx;
        }

        private void WriteRecord(OpenTransaction tx)
        {
            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, 128);
            writer.WriteString(tx.TransactionId);
            writer.WriteInt32(tx.EvseId);
            writer.WriteInt32(tx.ConnectorId);
            writer.WriteString(tx.IdToken);
            writer.WriteString(tx.IdTokenType);
            writer.WriteInt64(tx.StartedAtUtcMs);
            writer.WriteInt64(tx.LastEnergyWh);
            writer.WriteInt32(tx.NextSeqNo);
            byte[] record = writer.Finish();
            _store.WriteAtomic(NameOf(tx.EvseId), record, writer.Length);
        }

        private OpenTransaction ReadRecord(string name)
        {
            byte[] data = _store.Read(name);
            try
            {
                StoreRecordReader reader = new StoreRecordReader(name, data, RecordKind, FormatVersion);
                OpenTransaction tx = new OpenTransaction();
                tx.TransactionId = reader.ReadString();
                tx.EvseId = reader.ReadInt32();
                tx.ConnectorId = reader.ReadInt32();
                tx.IdToken = reader.ReadString();
                tx.IdTokenType = reader.ReadString();
                tx.StartedAtUtcMs = reader.ReadInt64();
                tx.LastEnergyWh = reader.ReadInt64();
                tx.NextSeqNo = reader.ReadInt32();
                if (!reader.AtEnd || tx.TransactionId == null || NameOf(tx.EvseId) != name)
                {
                    throw new CorruptRecordException("record " + name + " does not hold an open transaction");
                }

                return tx;
            }
            catch (CorruptRecordException e)
            {
                // Keep the record for a technician: deleting it would silently forget a transaction.
                _log.Write(LogLevel.Error, Component, "open-transaction record unreadable, left in place for inspection: " + e.Message);
                return null;
            }
        }
    }
}
