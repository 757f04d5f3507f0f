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
        private long _baseUtcTicks = new DateTime(2020, 3, 31, 0, 0, 0, 0).Ticks;
        private long _baseMs;
        private bool _synchronized;

        public bool IsSynchronized
        {
            get { return _synchronized; }
        }

        /// <summary>Wall time <paramref name="utc"/> is now (tick time <paramref name="nowMs"/>).</summary>
        public void Set(DateTime utc, long nowMs)
        {
            _baseUtcTicks = utc.Ticks;
            _baseMs = nowMs;
            _synchronized = true;
        }

        public DateTime UtcAt(long nowMs)
        {
            return new DateTime(_baseUtcTicks + (nowMs - _baseMs) * TicksPerMs);
        }
    }
}
