namespace Charger.Sim.Models.Csms
{
    /// <summary>The essentials of one TransactionEvent request as the CSMS received it.</summary>
    public sealed class TransactionEventRecord
    {
        public TransactionEventRecord(string eventType, int seqNo, string triggerReason, string timestamp,
            bool offline, string chargingState, long receivedAtMs, bool duplicate)
        {
            EventType = eventType;
            SeqNo = seqNo;
            TriggerReason = triggerReason;
            Timestamp = timestamp;
            Offline = offline;
            ChargingState = chargingState;
            ReceivedAtMs = receivedAtMs;
            Duplicate = duplicate;
        }

        /// <summary>Started, Updated or Ended.</summary>
        public string EventType { get; }

        public int SeqNo { get; }

        public string TriggerReason { get; }

        public string Timestamp { get; }

        public bool Offline { get; }

        public string ChargingState { get; }

        public long ReceivedAtMs { get; }

        /// <summary>True when this seqNo had already been received for the transaction.</summary>
        public bool Duplicate { get; }
    }
}
