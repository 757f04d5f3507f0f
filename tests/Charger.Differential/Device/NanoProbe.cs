using System;
using Charger.Differential.Session;

namespace Charger.Differential
{
    /// <summary>Heap after a GC at each mark, and tick wall times from the runtime's clock.</summary>
    public sealed class NanoProbe : ISessionProbe
    {
        private const long TicksPerMs = 10000;
        private long _ticks;
        private long _totalIdle;
        private long _countIdle;
        private long _worstIdle;
        private long _worstIdleAtMs;
        private long _totalCharging;
        private long _countCharging;
        private long _worstCharging;
        private long _worstChargingAtMs;
        private long _over1Ms;
        private long _over2Ms;

        public void Mark(string part)
        {
            uint free = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("M|mark " + part + ": heap free " + free.ToString() + " bytes");
        }

        public long NowTicks()
        {
            return DateTime.UtcNow.Ticks;
        }

        public void TickTook(long nowMs, long elapsedTicks, string phase)
        {
            _ticks++;
            if (elapsedTicks > TicksPerMs)
            {
                _over1Ms++;
            }

            if (elapsedTicks > 2 * TicksPerMs)
            {
                _over2Ms++;
            }

            if (phase == "charging")
            {
                _totalCharging += elapsedTicks;
                _countCharging++;
                if (elapsedTicks > _worstCharging)
                {
                    _worstCharging = elapsedTicks;
                    _worstChargingAtMs = nowMs;
                }
            }
            else
            {
                _totalIdle += elapsedTicks;
                _countIdle++;
                if (elapsedTicks > _worstIdle)
                {
                    _worstIdle = elapsedTicks;
                    _worstIdleAtMs = nowMs;
                }
            }
        }

        public void Report(int storeBytes)
        {
            Console.WriteLine("M|ticks " + _ticks.ToString() + ", over 1 ms " + _over1Ms.ToString() + ", over 2 ms " + _over2Ms.ToString());
            Console.WriteLine("M|tick idle: mean " + Us(_countIdle == 0 ? 0 : _totalIdle / _countIdle) + " us, worst " + Us(_worstIdle)
                + " us at " + _worstIdleAtMs.ToString() + " ms");
            Console.WriteLine("M|tick charging: mean " + Us(_countCharging == 0 ? 0 : _totalCharging / _countCharging) + " us, worst "
                + Us(_worstCharging) + " us at " + _worstChargingAtMs.ToString() + " ms");
            Console.WriteLine("M|store " + storeBytes.ToString() + " bytes in the simulated file store (RAM here, flash on a board)");
        }

        private static string Us(long ticks)
        {
            return (ticks / 10).ToString();
        }
    }
}
