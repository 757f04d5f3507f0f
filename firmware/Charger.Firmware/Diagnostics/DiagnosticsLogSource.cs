using System;
using Charger.Ocpp;
using Charger.Ocpp.Diagnostics;

namespace Charger.Firmware.Diagnostics
{
    /// <summary>
    /// The diagnostics log ring as GetLog uploads it (N01 DiagnosticsLog): one line at a time, each
    /// with its wall time from the OCPP station clock, so oldestTimestamp / latestTimestamp filter it.
    /// Lines already overwritten in the ring are simply not there.
    /// </summary>
    public sealed class DiagnosticsLogSource : ILogLineSource
    {
        private readonly LogRing _ring;
        private readonly StationClock _clock;
        private readonly LogEntry[] _one = new LogEntry[1];

        public DiagnosticsLogSource(LogRing ring, StationClock clock)
        {
            _ring = ring;
            _clock = clock;
        }

        public long LastSequence
        {
            get { return _ring.LastSequence; }
        }

        public string NextLine(long afterSequence, out long sequence, out DateTime utc)
        {
            if (_ring.ReadSince(afterSequence, _one) == 0)
            {
                sequence = afterSequence + 1;
                utc = DateTime.MinValue;
                return null;
            }

            LogEntry e = _one[0];
            sequence = e.Sequence;
            utc = _clock.UtcAt(e.TimestampMs);
            return Ocpp.Json.Rfc3339.Format(utc) + " " + e.ToString();
        }
    }
}
