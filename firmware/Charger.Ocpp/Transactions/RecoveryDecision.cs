namespace Charger.Ocpp.Transactions
{
    /// <summary>The decision for one interrupted transaction and the figures its events must carry.</summary>
    public sealed class RecoveryDecision
    {
        public RecoveryAction Action;

        /// <summary>No event was ever queued (power went right after Begin): queue Started before Ended.</summary>
        public bool NeedsStartedEvent;

        /// <summary>transactionInfo.stoppedReason for the Ended event ("PowerLoss"); null when resuming.</summary>
        public string StoppedReason;

        /// <summary>Energy register to report: the last known value, never lower than anything reported before.</summary>
        public long EnergyWh;

        /// <summary>seqNo of the next event.</summary>
        public int NextSeqNo;

        /// <summary>Why, for the log and the console.</summary>
        public string Reason;
    }
}
