using System;
using System.Globalization;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The CSMS's notion of time: monotonic milliseconds from a delegate (the simulator's virtual
    /// clock, or a wall-clock tick count in --realtime) plus the UTC instant that 0 ms stands for.
    /// Never reads the wall clock itself, so a virtual-time run replays byte for byte.
    /// </summary>
    public sealed class CsmsClock
    {
        private readonly Func<long> _nowMs;
        private readonly DateTime _epochUtc;

        public CsmsClock(Func<long> nowMs, DateTime epochUtc)
        {
            _nowMs = nowMs ?? throw new ArgumentNullException(nameof(nowMs));
            if (epochUtc.Kind != DateTimeKind.Utc)
            {
                throw new ArgumentException("the CSMS epoch must be a UTC time (DateTimeKind.Utc)", nameof(epochUtc));
            }

            _epochUtc = epochUtc;
        }

        public long NowMs
        {
            get { return _nowMs(); }
        }

        public DateTime EpochUtc
        {
            get { return _epochUtc; }
        }

        public DateTime UtcAt(long timeMs)
        {
            return _epochUtc.AddMilliseconds(timeMs);
        }

        /// <summary>The current time as OCPP wants it: RFC 3339, UTC, millisecond precision.</summary>
        public string NowText()
        {
            return Format(UtcAt(NowMs));
        }

        public string TextAt(long timeMs)
        {
            return Format(UtcAt(timeMs));
        }

        public static string Format(DateTime utc)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
    }
}
