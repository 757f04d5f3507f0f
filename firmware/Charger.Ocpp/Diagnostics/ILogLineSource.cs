using System;

namespace Charger.Ocpp.Diagnostics
{
    /// <summary>
    /// A log GetLog can upload (N01): the diagnostics log ring or the security log. Lines are read
    /// one at a time by sequence number, so an upload holds one line in memory, never the log.
    /// </summary>
    public interface ILogLineSource
    {
        /// <summary>Sequence number of the newest line; an upload that starts now ends there.</summary>
        long LastSequence { get; }

        /// <summary>
        /// The oldest line whose sequence is above <paramref name="afterSequence"/>, as one text line
        /// without its line end, or null when there is none. <paramref name="utc"/> is its wall time.
        /// </summary>
        string NextLine(long afterSequence, out long sequence, out DateTime utc);
    }
}
