namespace Charger.Ocpp.Transactions
{
    /// <summary>What the queue did with a message the CSMS refused (CALLERROR) or did not answer in time.</summary>
    public enum SendFailureOutcome
    {
        /// <summary>The failure did not concern the message in flight; nothing changed.</summary>
        Ignored = 0,

        /// <summary>Kept at the head; it goes again after the E13.FR.03 interval.</summary>
        WillRetry = 1,

        /// <summary>That was the last of MessageAttempts: removed, counted and logged (E13.FR.04).</summary>
        Discarded = 2,
    }
}
