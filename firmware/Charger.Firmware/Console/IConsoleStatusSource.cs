namespace Charger.Firmware.Console
{
    /// <summary>
    /// Where the console reads what the charger is doing. The lead's adapter turns the live
    /// components into plain text lines so the console does not depend on their types.
    /// </summary>
    public interface IConsoleStatusSource
    {
        /// <summary>
        /// Copies up to <c>destination.Length</c> lines about <paramref name="topic"/> into
        /// <paramref name="destination"/> and returns how many. The first line is the headline
        /// that <c>status</c> shows on its one screen (for example "pilot: C charging, offer 16 A,
        /// duty 26.6 %"); the dedicated command (<c>pilot</c>, <c>meter</c>...) shows them all.
        /// Returns 0 when the topic does not exist on this build (no OTA slots yet, say).
        /// Lines should stay under 100 characters so they fit a terminal.
        /// </summary>
        int ReadLines(ConsoleTopic topic, string[] destination);
    }
}
