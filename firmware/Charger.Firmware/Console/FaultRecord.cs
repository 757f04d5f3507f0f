namespace Charger.Firmware.Console
{
    /// <summary>One fault as the console shows it: active or recently cleared.</summary>
    public struct FaultRecord
    {
        /// <summary>Stable short name the technician types in <c>fault clear</c> ("WeldedContactor").</summary>
        public string Code;

        public bool Active;

        /// <summary>Why it latched, with the measured values ("contactor feedback closed 200 ms after open").</summary>
        public string Reason;

        /// <summary>Milliseconds since boot when it latched.</summary>
        public long RaisedAtMs;

        /// <summary>Milliseconds since boot when it cleared; ignored while <see cref="Active"/>.</summary>
        public long ClearedAtMs;

        /// <summary>The written recovery rule ("clears itself 60 s after the temperature falls below 70 C").</summary>
        public string RecoveryRule;

        /// <summary>
        /// True for faults that must never be cleared on a single command (a welded contactor
        /// can leave the cable live): the console asks for an explicit confirmation first.
        /// </summary>
        public bool ConfirmBeforeClear;
    }
}
