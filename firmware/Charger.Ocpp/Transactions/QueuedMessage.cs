namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// One transaction-related message as the queue stores it: the payload the OCPP JSON writer
    /// produced (opaque here) and the metadata the queue needs to order, bound and retry it.
    /// </summary>
    public sealed class QueuedMessage
    {
        /// <summary>Position in the station-wide queue; strictly increasing in enqueue order.</summary>
        public long QueueSeq;

        /// <summary>OCPP action, e.g. "TransactionEvent".</summary>
        public string Action;

        public string TransactionId;

        /// <summary>TransactionEventRequest.seqNo; -1 for a message without one.</summary>
        public int SeqNo;

        public TransactionEventType EventType;

        /// <summary>Energy register (Wh) the event reports, or -1; lets a reboot recover the last known energy.</summary>
        public long EnergyWh = -1;

        /// <summary>TransactionEventRequest.offline: produced, or still queued, while offline (E04, E11.FR.07).</summary>
        public bool Offline;

        /// <summary>Transmissions the CSMS answered with a CALLERROR or did not answer in time (E13).</summary>
        public int FailedAttempts;

        /// <summary>The JSON payload; null in the queue's RAM index, filled when read for sending.</summary>
        public string Payload;

        /// <summary>Bytes the stored record occupies in the file store.</summary>
        public int RecordBytes;

        /// <summary>Monotonic time before which a retry must not be sent (E13.FR.03). RAM only.</summary>
        public long NextAttemptAtMs;

        internal QueuedMessage CopyMetadata()
        {
            QueuedMessage copy = new QueuedMessage();
            copy.QueueSeq = QueueSeq;
            copy.Action = Action;
            copy.TransactionId = TransactionId;
            copy.SeqNo = SeqNo;
            copy.EnergyWh = EnergyWh;
            copy.EventType = EventType;
            copy.Offline = Offline;
            copy.FailedAttempts = FailedAttempts;
            copy.RecordBytes = RecordBytes;
            copy.NextAttemptAtMs = NextAttemptAtMs;
            return copy;
        }
    }
}
