namespace Charger.Sim.Models.Csms
{
    /// <summary>One OCPP-J frame as it crossed the CSMS boundary, with the time it did.</summary>
    public sealed class FrameLogEntry
    {
        public FrameLogEntry(long timeMs, string utcTimestamp, string stationId, FrameDirection direction,
            int messageTypeId, string messageId, string action, string frame)
        {
            TimeMs = timeMs;
            UtcTimestamp = utcTimestamp;
            StationId = stationId;
            Direction = direction;
            MessageTypeId = messageTypeId;
            MessageId = messageId;
            Action = action;
            Frame = frame;
        }

        /// <summary>Virtual (or monotonic) milliseconds from the CSMS clock.</summary>
        public long TimeMs { get; }

        /// <summary>RFC 3339 UTC time of <see cref="TimeMs"/> on the CSMS clock.</summary>
        public string UtcTimestamp { get; }

        public string StationId { get; }

        public FrameDirection Direction { get; }

        /// <summary>2 CALL, 3 CALLRESULT, 4 CALLERROR; 0 when the frame could not be read.</summary>
        public int MessageTypeId { get; }

        /// <summary>Null when the frame could not be read.</summary>
        public string MessageId { get; }

        /// <summary>The action of the CALL, or of the CALL a result answers; null when unknown.</summary>
        public string Action { get; }

        public string Frame { get; }

        public override string ToString()
        {
            return TimeMs + " ms " + (Direction == FrameDirection.In ? "<- " : "-> ") + StationId + " " + Frame;
        }
    }
}
