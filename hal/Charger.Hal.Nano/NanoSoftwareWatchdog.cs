using System.Threading;
using Charger.Hal;
using nanoFramework.Runtime.Native;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// A watchdog for the tick thread. nanoFramework 1.x has no managed API for the MCU's hardware
    /// watchdog (on ESP32 the ESP-IDF task watchdog still guards the native side), so a Timer thread
    /// checks that <see cref="Feed"/> keeps coming and reboots the board when the loop has stalled for
    /// longer than the timeout. A reboot leaves the contactor driver unpowered: the safe state.
    /// </summary>
    public sealed class NanoSoftwareWatchdog : IWatchdog
    {
        /// <summary>The check runs this many times per timeout, so a stall is caught within 1.25 timeouts.</summary>
        private const int ChecksPerTimeout = 4;

        private readonly object _sync = new object();
        private readonly ILog _log;
        private Timer _timer;
        private int _timeoutMs;
        private long _lastFeedMs;
        private bool _expired;

        public NanoSoftwareWatchdog(ILog log)
        {
            _log = log;
        }

        public void Start(int timeoutMs)
        {
            if (timeoutMs < ChecksPerTimeout)
            {
                throw new System.ArgumentOutOfRangeException("timeoutMs", "a watchdog timeout must be at least " + ChecksPerTimeout + " ms");
            }

            lock (_sync)
            {
                if (_timer != null)
                {
                    throw new System.InvalidOperationException("the watchdog is already running; it cannot be restarted or stopped");
                }

                _timeoutMs = timeoutMs;
                _lastFeedMs = System.Environment.TickCount64;
                int periodMs = timeoutMs / ChecksPerTimeout;
                _timer = new Timer(Check, null, periodMs, periodMs);
            }
        }

        public void Feed()
        {
            // long writes are not atomic on a 32-bit MCU: the lock keeps the checker from a torn value.
            lock (_sync)
            {
                _lastFeedMs = System.Environment.TickCount64;
            }
        }

        private void Check(object state)
        {
            long silentMs;
            lock (_sync)
            {
                if (_expired)
                {
                    return;
                }

                silentMs = System.Environment.TickCount64 - _lastFeedMs;
                if (silentMs <= _timeoutMs)
                {
                    return;
                }

                _expired = true;
            }

            if (_log != null)
            {
                _log.Write(LogLevel.Error, "watchdog", "tick loop silent for " + silentMs + " ms (limit " + _timeoutMs + " ms): rebooting");
            }

            Power.RebootDevice();
        }
    }
}
