using System;
using System.Collections;
using Charger.Differential.Session;
using Charger.Firmware.Runtime;

namespace Charger.Differential
{
    /// <summary>
    /// Heap after a GC at each mark, and wall times from the runtime's clock: whole ticks, the safety
    /// path (pilot, proximity, safety, charging, outputs) and each stage and duty (mean and worst).
    /// </summary>
    public sealed class NanoProbe : ISessionProbe, ITickProfiler
    {
        private const long TicksPerMs = 10000;
        private readonly ArrayList _names = new ArrayList();
        private readonly long[] _count = new long[32];
        private readonly long[] _total = new long[32];
        private readonly long[] _worst = new long[32];
        private readonly long[] _worstAtMs = new long[32];
        private long _safetyThisTick;
        private long _ticks;
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

            Add("tick (whole)", elapsedTicks, nowMs);
            Add("safety path (pilot..outputs)", _safetyThisTick, nowMs);
            _safetyThisTick = 0;
        }

        public void Record(string name, bool isDuty, long elapsedTicks, long nowMs)
        {
            if (!isDuty && (name == "pilot" || name == "proximity" || name == "safety" || name == "charging" || name == "outputs"))
            {
                _safetyThisTick += elapsedTicks;
            }

            Add(isDuty ? "duty " + name : "stage " + name, elapsedTicks, nowMs);
        }

        public void Report(int storeBytes)
        {
            Console.WriteLine("M|ticks " + _ticks.ToString() + ", over 1 ms " + _over1Ms.ToString() + ", over 2 ms " + _over2Ms.ToString());
            for (int i = 0; i < _names.Count; i++)
            {
                Console.WriteLine("M|time " + (string)_names[i] + ": runs " + _count[i].ToString() + ", mean " + Us(_total[i] / _count[i])
                    + " us, worst " + Us(_worst[i]) + " us at " + _worstAtMs[i].ToString() + " ms");
            }

            Console.WriteLine("M|store " + storeBytes.ToString() + " bytes in the simulated file store (RAM here, flash on a board)");
        }

        private void Add(string name, long elapsedTicks, long nowMs)
        {
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                if (_names.Count == _count.Length)
                {
                    return;
                }

                i = _names.Add(name);
            }

            _count[i]++;
            _total[i] += elapsedTicks;
            if (elapsedTicks > _worst[i])
            {
                _worst[i] = elapsedTicks;
                _worstAtMs[i] = nowMs;
            }
        }

        private static string Us(long ticks)
        {
            return (ticks / 10).ToString();
        }
    }
}
