using Charger.Hal;
using nanoFramework.Runtime.Native;

namespace Charger.Hal.Nano
{
    /// <summary>Reboots with Power.RebootDevice after logging why (OCPP Reset, console, watchdog).</summary>
    public sealed class NanoRebootController : IRebootController
    {
        /// <summary>Bound on Power.OnRebootEvent handlers (file flushes) before the reset happens anyway.</summary>
        private const int RebootHandlerTimeoutMs = 2000;

        private readonly ILog _log;

        public NanoRebootController(ILog log)
        {
            _log = log;
        }

        public void Reboot(string reason)
        {
            if (_log != null)
            {
                _log.Write(LogLevel.Warning, "reboot", "rebooting: " + reason);
            }

            Power.RebootDevice(RebootHandlerTimeoutMs);
        }
    }
}
