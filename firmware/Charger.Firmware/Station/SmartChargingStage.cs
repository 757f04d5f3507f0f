using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Ocpp.SmartCharging;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Feeds the charging-profile limit into the offer every tick, ahead of the pilot and the
    /// state machine, so a schedule boundary reaches the PWM in the tick that reaches it. The
    /// OCPP side keeps the next boundary as a tick time, so a tick between boundaries costs a few
    /// comparisons (README, "Smart charging"). The offer is min(hardware, cable, thermal, meter,
    /// profile) in <see cref="Charger.Firmware.Charging.OfferCalculator"/>; below 6 A it pauses.
    /// </summary>
    public sealed class SmartChargingStage : ITickStage
    {
        private readonly ChargeController _controller;
        private readonly int _evseId;
        private SmartChargingService _service;
        private int _appliedDa = -2;

        public SmartChargingStage(ChargeController controller, int evseId)
        {
            _controller = controller;
            _evseId = evseId;
        }

        public string Name
        {
            get { return "smart"; }
        }

        /// <summary>The profile limit last handed to the offer, in deciamperes (int.MaxValue: none).</summary>
        public int AppliedLimitDa
        {
            get { return _appliedDa; }
        }

        /// <summary>Connects the OCPP client's smart charging once it exists (it is built after charge control).</summary>
        public void Attach(SmartChargingService service)
        {
            _service = service;
        }

        public void Tick(long nowMs)
        {
            if (_service == null)
            {
                return;
            }

            // Report last tick's offer first (what the car was offered), then set this tick's limit.
            _service.SetOfferedDa(_evseId, _controller.Offer.OfferDa);
            int limitDa = _service.LimitDaNow(_evseId, nowMs);
            if (limitDa == _appliedDa)
            {
                return;
            }

            _appliedDa = limitDa;
            if (limitDa == ScheduleEvaluator.Unlimited)
            {
                _controller.ClearExternalLimit();
            }
            else
            {
                _controller.Offer.SetExternalLimitDa(limitDa);
            }
        }
    }
}
