using System.Threading;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Device
{
    /// <summary>
    /// Drives <see cref="ChargerRuntime.Tick"/> at its period from the monotonic clock and sleeps to
    /// the next tick. The only place on the board that sleeps for the logic. A loop that falls more
    /// than <see cref="ResyncAfterPeriods"/> periods behind (a long flash write, a GC) starts counting
    /// again from now instead of firing a burst of catch-up ticks; the runtime counts the overrun.
    /// </summary>
    public sealed class TickLoop
    {
        private const int ResyncAfterPeriods = 5;

        private readonly ChargerRuntime _runtime;
        private readonly IClock _clock;
        private readonly ILog _log;
        private long _resyncCount;

        public TickLoop(ChargerRuntime runtime, IClock clock, ILog log)
        {
            _runtime = runtime;
            _clock = clock;
            _log = log;
        }

        public long ResyncCount
        {
            get { return _resyncCount; }
        }

        /// <summary>Never returns.</summary>
        public void Run()
        {
            int periodMs = _runtime.TickPeriodMs;
            long nextTickMs = _clock.NowMs;
            while (true)
            {
                _runtime.Tick(_clock.NowMs);
                nextTickMs += periodMs;
                long nowMs = _clock.NowMs;
                long lateMs = nowMs - nextTickMs;
                if (lateMs > (long)periodMs * ResyncAfterPeriods)
                {
                    _resyncCount++;
                    _log.Write(LogLevel.Warning, "device", "tick loop " + lateMs + " ms behind, resynchronised (" + _resyncCount + " times since boot)");
                    nextTickMs = nowMs + periodMs;
                }

                long waitMs = nextTickMs - nowMs;
                if (waitMs > 0)
                {
                    Thread.Sleep((int)waitMs);
                }
            }
        }
    }
}
