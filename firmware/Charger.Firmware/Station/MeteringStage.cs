using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Metering.Service;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Runs the meter service every tick (one poll spans several ticks) and, once per finished
    /// poll, hands its health and phase currents to the safety supervisor. Reporting only finished
    /// polls matters: the supervisor takes the report time as the age of the currents, so a meter
    /// that stops answering must go stale there.
    /// </summary>
    public sealed class MeteringStage : ITickStage
    {
        private readonly MeterService _meter;
        private readonly ChargeController _controller;
        private int _pollsReported;

        public MeteringStage(MeterService meter, ChargeController controller)
        {
            _meter = meter;
            _controller = controller;
        }

        public string Name
        {
            get { return "meter"; }
        }

        public void Tick(long nowMs)
        {
            _meter.Tick(nowMs);
            int pollsFinished = _meter.PollsSucceeded + _meter.PollsFailed;
            if (pollsFinished == _pollsReported)
            {
                return;
            }

            _pollsReported = pollsFinished;

            // ChargingPermitted folds in the loss policy: under "continue and flag" a lost meter
            // does not stop the session, it only marks the data missing.
            _controller.ReportMeter(nowMs, _meter.ChargingPermitted,
                _meter.GetPhaseCurrentA(1), _meter.GetPhaseCurrentA(2), _meter.GetPhaseCurrentA(3));
        }
    }
}
