using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Device.Composition
{
    /// <summary>
    /// THE place where the control logic is wired onto the board: tick stages in order (pilot
    /// sampling, safety supervisor, IEC 61851 state machine, outputs), the fail-safe, and the periodic
    /// duties (meter poll, thermal, OCPP pump, persistence), all built from <see cref="DeviceHal"/>.
    ///
    /// Not composed yet: the control logic (Charger.Firmware), metering (Charger.Metering) and OCPP
    /// client (Charger.Ocpp) are being written. Until they are added here the image boots, logs, runs
    /// the empty tick loop and feeds the watchdog; nothing can switch power because no stage ever
    /// writes the contactor output, which the board file drove low.
    /// </summary>
    public static class ControlComposition
    {
        public static void Compose(ChargerRuntime runtime, DeviceHal hal, LogRing log)
        {
            if (runtime == null || hal == null || log == null)
            {
                throw new System.ArgumentNullException(runtime == null ? "runtime" : hal == null ? "hal" : "log");
            }

            log.Write(LogLevel.Warning, "device", "control logic not composed in this image: charging is disabled, contactor stays open");
        }
    }
}
