namespace Charger.Ocpp
{
    /// <summary>
    /// Deadline arithmetic on monotonic milliseconds, in 64 bits with saturation: a number a CSMS
    /// sends can push a deadline to "never", but can never wrap it into the past (issue 13: a huge
    /// BootNotification interval times 1000 overflowed and made the station send in a loop).
    /// </summary>
    public static class TimeMath
    {
        private const long MsPerSecond = 1000;

        /// <summary><paramref name="nowMs"/> plus <paramref name="seconds"/>, saturated at long.MaxValue; negative seconds add nothing.</summary>
        public static long AddSeconds(long nowMs, long seconds)
        {
            if (seconds <= 0)
            {
                return nowMs;
            }

            if (seconds > (long.MaxValue - (nowMs > 0 ? nowMs : 0)) / MsPerSecond)
            {
                return long.MaxValue;
            }

            return nowMs + seconds * MsPerSecond;
        }
    }
}
