using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Metering.Service;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Runs the meter service every tick (one poll spans several ticks) and, once per finished
    /// poll, hands its health and phase currents, stamped with the time they were read, to the
    /// safety supervisor, so a meter that stops answering goes stale there.
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
            long readAtMs = _meter.PhaseCurrentsReadAtMs;
            if (readAtMs < 0 && _meter.ChargingPermitted)
            {
                // Nothing read yet and the billing policy does not object: there is nothing to report.
                return;
            }

            // ChargingPermitted folds in the billing (loss) policy: under "continue and flag" a lost meter
            // does not stop the session by itself. The currents carry the time they were read, never the
            // time of this report (issue 12 item 6): the supervisor sees a silent meter go stale and
            // stops charging when its over-current supervision has been blind too long.
            _controller.ReportMeter(readAtMs < 0 ? nowMs : readAtMs, _meter.ChargingPermitted,
                _meter.GetPhaseCurrentA(1), _meter.GetPhaseCurrentA(2), _meter.GetPhaseCurrentA(3));
        }
    }
}
