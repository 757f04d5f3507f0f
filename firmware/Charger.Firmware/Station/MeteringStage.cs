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
        private readonly ServiceStop _serviceStop;
        private int _pollsReported;
        private bool _lossDeferred;

        public MeteringStage(MeterService meter, ChargeController controller, ServiceStop serviceStop)
        {
            _meter = meter;
            _controller = controller;
            _serviceStop = serviceStop;
        }

        public string Name
        {
            get { return "meter"; }
        }

        public void Tick(long nowMs)
        {
            _meter.Tick(nowMs);
            int pollsFinished = _meter.PollsSucceeded + _meter.PollsFailed;
            if (pollsFinished == _pollsReported && !(_lossDeferred && _serviceStop.IsServiceStopComplete))
            {
                return;
            }

            _pollsReported = pollsFinished;
            bool permitted = _meter.ChargingPermitted;
            if (_serviceStop != null)
            {
                // Meter loss is a service stop, not a safety trip (issue 12 item 2): while the
                // contactor carries load, the offer is withdrawn first and the loss reaches the
                // safety supervisor (MeterFault) only once the contactor is open.
                if (!permitted)
                {
                    _serviceStop.RequestServiceStop(ServiceStopReason.MeterLoss, nowMs);
                    _lossDeferred = !_serviceStop.IsServiceStopComplete;
                    if (_lossDeferred)
                    {
                        return;
                    }
                }
                else
                {
                    _lossDeferred = false;
                    _serviceStop.Release(ServiceStopReason.MeterLoss);
                }
            }

            long readAtMs = _meter.PhaseCurrentsReadAtMs;
            if (readAtMs < 0 && permitted)
            {
                // Nothing read yet and the billing policy does not object: there is nothing to report.
                return;
            }

            // ChargingPermitted folds in the billing (loss) policy: under "continue and flag" a lost meter
            // does not stop the session by itself. The currents carry the time they were read, never the
            // time of this report (issue 12 item 6): the supervisor sees a silent meter go stale and
            // stops charging when its over-current supervision has been blind too long.
            _controller.ReportMeter(readAtMs < 0 ? nowMs : readAtMs, permitted,
                _meter.GetPhaseCurrentA(1), _meter.GetPhaseCurrentA(2), _meter.GetPhaseCurrentA(3));
        }
    }
}
