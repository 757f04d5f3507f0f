namespace Charger.Firmware.Console
{
    /// <summary>
    /// Limits of the console. Every buffer it owns is sized from here once, at construction; the
    /// defaults suit an ESP32 UART at 115200 baud with a 10 ms tick.
    /// </summary>
    public sealed class ConsoleSettings
    {
        /// <summary>Longest command line; longer input is refused, never buffered.</summary>
        public int MaxLineChars { get; set; } = 120;

        /// <summary>Commands kept for up-arrow recall.</summary>
        public int HistoryDepth { get; set; } = 8;

        /// <summary>
        /// Output waiting for the UART. 4 KB holds the longest single answer (help, faults) so
        /// only floods drop; large log dumps are paced instead of buffered.
        /// </summary>
        public int OutputBufferBytes { get; set; } = 4096;

        /// <summary>
        /// Upper bound on bytes handed to the port per tick. Below it, the budget follows the baud
        /// rate (10 bits per byte on 8N1), so the UART driver's transmit buffer never fills and a
        /// write never waits.
        /// </summary>
        public int MaxOutputBytesPerTick { get; set; } = 256;

        /// <summary>Bytes taken from the port per tick; the rest waits in the UART receive buffer.</summary>
        public int MaxInputBytesPerTick { get; set; } = 256;

        /// <summary>Most lines one <c>log n</c> shows.</summary>
        public int MaxLogLines { get; set; } = 50;

        /// <summary>Lines <c>log</c> shows without n.</summary>
        public int DefaultLogLines { get; set; } = 20;

        /// <summary>Consecutive wrong passwords that lock the login.</summary>
        public int FailedLoginsBeforeLockout { get; set; } = 5;

        /// <summary>
        /// First lockout; each further lockout doubles it up to <see cref="LockoutMaxMs"/>. With 5
        /// tries per lockout this allows far fewer guesses than the 100 failed attempts NIST SP
        /// 800-63B section 5.2.2 tolerates for a memorized secret.
        /// </summary>
        public long LockoutBaseMs { get; set; } = 30000;

        public long LockoutMaxMs { get; set; } = 3600000;

        /// <summary>A login ends by itself after this long without a key press (a laptop left on the cable).</summary>
        public long SessionIdleTimeoutMs { get; set; } = 600000;

        /// <summary>A confirmation prompt not answered within this time cancels the action.</summary>
        public long ConfirmationTimeoutMs { get; set; } = 30000;

        /// <summary>Longest wait for "rebooting" to leave the UART before the reboot happens anyway.</summary>
        public long RebootDrainTimeoutMs { get; set; } = 500;

        /// <summary>Most faults <c>faults</c> lists.</summary>
        public int MaxFaults { get; set; } = 16;

        /// <summary>Most lines one status topic may return.</summary>
        public int MaxTopicLines { get; set; } = 16;
    }
}
