namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Bounds and retry settings of <see cref="TransactionEventQueue"/>. The retry fields mirror
    /// OCPPCommCtrlr.MessageAttempts[TransactionEvent] and MessageAttemptInterval[TransactionEvent]
    /// (OCPP 2.0.1 Part 2 Appendix, E13); the device model writes them.
    /// </summary>
    public sealed class TransactionQueueConfig
    {
        /// <summary>Most messages kept; beyond it intermediate Updated events are dropped (E11.FR.04/05).</summary>
        public int MaxMessages = 500;

        /// <summary>Most bytes of stored records kept; beyond it intermediate Updated events are dropped.</summary>
        public int MaxBytes = 256 * 1024;

        /// <summary>Total transmissions of one message before it is discarded (E13.FR.02/04). At least 1.</summary>
        public int MessageAttempts = 3;

        /// <summary>Seconds to wait before a retry, multiplied by the transmissions so far (E13.FR.03).</summary>
        public int MessageAttemptIntervalS = 60;
    }
}
