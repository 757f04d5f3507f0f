using System.Threading;
using Charger.Hal;
using nanoFramework.Runtime.Native;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// A watchdog for the tick thread. nanoFramework 1.x has no managed API for the MCU's hardware
    /// watchdog (checked against the 1.x reference assemblies: CoreLibrary, Runtime.Native and
    /// Hardware.Esp32 declare no watchdog type; the native watchdog is a build option of the nanoCLR
    /// image and is fed by the interpreter, not by managed code). So a Timer thread checks that
    /// <see cref="Feed"/> keeps coming; when the loop has stalled for longer than the timeout it first
    /// drives <see cref="SafeOutputs"/> low from its own thread (the contactor coil: open at once,
    /// issue 12 item 11), then reboots the board.
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

        /// <summary>Outputs driven low the moment a stall is detected, before the reboot (the contactor coil).</summary>
        public IDigitalOutput[] SafeOutputs { get; set; }

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

            IDigitalOutput[] safe = SafeOutputs;
            if (safe != null)
            {
                for (int i = 0; i < safe.Length; i++)
                {
                    try
                    {
                        if (safe[i] != null)
                        {
                            safe[i].Write(false);
                        }
                    }
                    catch (System.Exception ex)
                    {
                        if (_log != null)
                        {
                            _log.Write(LogLevel.Error, "watchdog", "could not drive a safe output: " + ex.Message);
                        }
                    }
                }
            }

            if (_log != null)
            {
                _log.Write(LogLevel.Error, "watchdog", "tick loop silent for " + silentMs + " ms (limit " + _timeoutMs + " ms): contactor dropped, rebooting");
            }

            Power.RebootDevice();
        }
    }
}
