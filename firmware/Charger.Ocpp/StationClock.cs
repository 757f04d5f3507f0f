using System;

namespace Charger.Ocpp
{
    /// <summary>
    /// Wall-clock time for OCPP timestamps, kept as an offset from the monotonic tick so that it
    /// never jumps inside a session: set from BootNotificationResponse.currentTime and
    /// HeartbeatResponse.currentTime (ClockCtrlr.TimeSource Heartbeat), or from the board's RTC.
    /// </summary>
    public sealed class StationClock
    {
        private const long TicksPerMs = 10000;

        // Until the CSMS or an RTC sets it the clock starts at the OCPP 2.0.1 publication year, so
        // timestamps stay valid RFC 3339 and are recognisably unsynchronised.
        private static readonly long UnsyncedBaseTicks = new DateTime(2020, 3, 31, 0, 0, 0, 0).Ticks;

        // An unsynchronised stamp is the marker date plus the uptime; a year of uptime bounds it.
        private const long UnsyncedWindowTicks = 366L * 24 * 3600 * 1000 * TicksPerMs;

        /// <summary>
        /// A correction at least this large counts as setting the system time (security event
        /// SettingSystemTime). Smaller ones are the drift and network delay every Heartbeat corrects;
        /// the specification gives no figure, this is ours: above a cellular round trip, far below
        /// anything that would matter to a bill.
        /// </summary>
        public const long SignificantStepMs = 10000;

        private long _baseUtcTicks = UnsyncedBaseTicks;
        private long _baseMs;
        private bool _synchronized;
        private int _significantSets;
        private long _lastStepMs;

        /// <summary>Times the clock was first set or moved by at least <see cref="SignificantStepMs"/>.</summary>
        public int SignificantSets
        {
            get { return _significantSets; }
        }

        /// <summary>How far the last <see cref="Set"/> moved the clock, in ms (positive: forward).</summary>
        public long LastStepMs
        {
            get { return _lastStepMs; }
        }

        public bool IsSynchronized
        {
            get { return _synchronized; }
        }

        /// <summary>Wall time <paramref name="utc"/> is now (tick time <paramref name="nowMs"/>).</summary>
        public void Set(DateTime utc, long nowMs)
        {
            _lastStepMs = (utc.Ticks - UtcAt(nowMs).Ticks) / TicksPerMs;
            if (!_synchronized || _lastStepMs >= SignificantStepMs || -_lastStepMs >= SignificantStepMs)
            {
                _significantSets++;
            }

            _baseUtcTicks = utc.Ticks;
            _baseMs = nowMs;
            _synchronized = true;
        }

        public DateTime UtcAt(long nowMs)
        {
            return new DateTime(_baseUtcTicks + (nowMs - _baseMs) * TicksPerMs);
        }

        /// <summary>
        /// Whether <paramref name="stamp"/> was taken before this clock was set (the marker date
        /// plus the uptime of this boot).
        /// </summary>
        public static bool IsUnsynchronizedStamp(DateTime stamp)
        {
            return stamp.Ticks >= UnsyncedBaseTicks && stamp.Ticks < UnsyncedBaseTicks + UnsyncedWindowTicks;
        }

        /// <summary>
        /// The real time of a stamp taken before the clock was set, once it is set: the stamp holds
        /// the monotonic time of the event, and the clock is an offset from that same monotonic
        /// time (issue 17 item 4: no event leaves with a time from before the clock was set).
        /// Returns <paramref name="stamp"/> unchanged when the clock is still unset or the stamp is real.
        /// </summary>
        public DateTime Resolve(DateTime stamp)
        {
            if (!_synchronized || !IsUnsynchronizedStamp(stamp))
            {
                return stamp;
            }

            long tickMs = (stamp.Ticks - UnsyncedBaseTicks) / TicksPerMs;
            return UtcAt(tickMs);
        }
    }
}
