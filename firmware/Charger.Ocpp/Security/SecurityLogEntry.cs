using System;

namespace Charger.Ocpp.Security
{
    /// <summary>One security event as the security log keeps it.</summary>
    public sealed class SecurityLogEntry
    {
        public long Sequence;

        /// <summary>Events dropped from the log (oldest first, log full) up to and including this entry's write.</summary>
        public long DroppedBefore;

        public bool Critical;

        /// <summary>Wall time of the event as the station clock knew it (StationClock; may be an unsynchronised stamp).</summary>
        public DateTime Timestamp;

        public string Type;

        /// <summary>Empty when none.</summary>
        public string TechInfo;
    }
}
