using System;

namespace Charger.Ocpp.Transactions
{
    /// <summary>Unix epoch milliseconds (UTC) for the records that must mean the same after a reboot.</summary>
    public static class EpochTime
    {
        private const long TicksPerMs = 10000;

        // new DateTime(1970, 1, 1).Ticks
        private const long EpochTicks = 621355968000000000;

        public static long ToUtcMs(DateTime utc)
        {
            return (utc.Ticks - EpochTicks) / TicksPerMs;
        }

        public static DateTime FromUtcMs(long utcMs)
        {
            return new DateTime(EpochTicks + utcMs * TicksPerMs);
        }
    }
}
