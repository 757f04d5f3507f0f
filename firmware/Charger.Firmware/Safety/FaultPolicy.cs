namespace Charger.Firmware.Safety
{
    /// <summary>The latch and recovery rule of one fault code, with its rule in words for the technician.</summary>
    public sealed class FaultPolicy
    {
        public FaultPolicy(LatchPolicy latch, int retryDelayMs, int maxRetries, string recoveryRule)
        {
            if (retryDelayMs < 0 || maxRetries < 0)
            {
                throw new System.ArgumentOutOfRangeException("retryDelayMs", "retry delay and count must not be negative");
            }

            Latch = latch;
            RetryDelayMs = retryDelayMs;
            MaxRetries = maxRetries;
            RecoveryRule = recoveryRule;
        }

        public LatchPolicy Latch { get; }

        /// <summary>SelfClearing: how long the condition must be gone. AutoRetry: time from the trip to the retry.</summary>
        public int RetryDelayMs { get; }

        /// <summary>AutoRetry: automatic clears allowed before the fault latches.</summary>
        public int MaxRetries { get; }

        public string RecoveryRule { get; }
    }
}
