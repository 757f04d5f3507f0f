using Charger.Firmware.Runtime;
using Charger.Ocpp;

namespace Charger.Firmware.Station
{
    /// <summary>The OCPP pump: frames in and out, timeouts, retries, on its own period inside the tick.</summary>
    public sealed class OcppDuty : IPeriodicDuty
    {
        /// <summary>50 ms: 20 slices a second keep replies prompt without a slice on every tick.</summary>
        public const int PeriodMs = 50;

        private readonly OcppStation _ocpp;
        private readonly OcppBridge _bridge;

        public OcppDuty(OcppStation ocpp, OcppBridge bridge)
        {
            _ocpp = ocpp;
            _bridge = bridge;
        }

        public void Run(long nowMs)
        {
            _bridge.Feed(nowMs);
            _ocpp.Tick(nowMs);
        }
    }
}
