namespace Charger.Firmware.Safety
{
    /// <summary>How a fault ends.</summary>
    public enum LatchPolicy
    {
        /// <summary>Clears by itself once the condition has been gone for the policy's delay.</summary>
        SelfClearing = 0,

        /// <summary>Clears after the delay if the condition is gone, at most MaxRetries times; then latches for a manual reset.</summary>
        AutoRetry = 1,

        /// <summary>Clears when the condition is gone and the EV is unplugged (pilot A).</summary>
        UntilUnplug = 2,

        /// <summary>Latched: only a manual reset clears it, and only once the condition is gone.</summary>
        Manual = 3,

        /// <summary>Latched: only a manual reset with explicit confirmation clears it (welded contactor).</summary>
        ManualWithConfirmation = 4,
    }
}
