using Charger.Firmware.Pilot;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Hal;

namespace Charger.Firmware.Charging
{
    /// <summary>
    /// IEC 61851-1 Annex A state machine: decides what is WANTED (PWM offer, contactor) from the
    /// debounced pilot, the authorization, stop requests and the offer. It asks the safety supervisor
    /// and never overrides it; the output stage combines wanted AND allowed.
    /// Normal stop: the PWM is withdrawn first; the contactor opens when the EV leaves C/D, when its
    /// current falls below the stop threshold, or after the stop grace time, and never later than
    /// the C1 limit (6 s). Anything else that ends charging opens the contactor in the same tick.
    /// </summary>
    public sealed class ChargingStateMachine : ITickStage
    {
        private readonly ChargingSettings _settings;
        private readonly ControlPilot _pilot;
        private readonly SafetySupervisor _safety;
        private readonly OfferCalculator _offer;
        private readonly ILog _log;
        private bool _authorized;
        private bool _stopRequested;
        private bool _serviceHold;
        private bool _wantPwm;
        private int _wantedDutyPermille = 1000;
        private bool _wantContactor;
        private bool _stopping;
        private long _stopStartedMs;
        private PilotLevel _previousLevel = PilotLevel.Invalid;

        public ChargingStateMachine(ChargingSettings settings, ControlPilot pilot, SafetySupervisor safety, OfferCalculator offer, ILog log)
        {
            if (settings == null || pilot == null || safety == null || offer == null)
            {
                throw new System.ArgumentNullException("settings", "state machine needs settings, pilot, safety supervisor and offer");
            }

            _settings = settings;
            _pilot = pilot;
            _safety = safety;
            _offer = offer;
            _log = log;
        }

        public string Name
        {
            get { return "charging"; }
        }

        public bool Authorized
        {
            get { return _authorized || _settings.FreeVend; }
        }

        public bool StopRequested
        {
            get { return _stopRequested; }
        }

        public bool WantPwm
        {
            get { return _wantPwm; }
        }

        /// <summary>Duty to drive when <see cref="WantPwm"/>; 1000 (static +12 V) otherwise.</summary>
        public int WantedDutyPermille
        {
            get { return _wantedDutyPermille; }
        }

        public bool WantContactorClosed
        {
            get { return _wantContactor; }
        }

        /// <summary>PWM withdrawn with the contactor still closed, waiting for the EV to drop its current.</summary>
        public bool Stopping
        {
            get { return _stopping; }
        }

        public long StopStartedMs
        {
            get { return _stopStartedMs; }
        }

        /// <summary>
        /// Authorization from the OCPP layer (or the console). True clears an earlier stop request;
        /// false is a normal stop. Unplugging the EV ends the authorization.
        /// </summary>
        public void SetAuthorized(bool authorized)
        {
            _authorized = authorized;
            if (authorized)
            {
                _stopRequested = false;
            }
        }

        /// <summary>
        /// Service stop hold (Station/ServiceStop): while held no PWM is offered, so the contactor
        /// opens as in a normal stop (EV leaves C, current below the threshold, or the grace time);
        /// unlike a stop request the authorization stays, and charging resumes on release.
        /// </summary>
        public void SetServiceHold(bool hold)
        {
            _serviceHold = hold;
        }

        public bool ServiceHold
        {
            get { return _serviceHold; }
        }

        /// <summary>Normal stop (stop button, RequestStopTransaction): withdraw the offer, then open.</summary>
        public void RequestStop()
        {
            _stopRequested = true;
        }

        public void Tick(long nowMs)
        {
            PilotLevel level = _pilot.Level;
            if (level == PilotLevel.A && _previousLevel != PilotLevel.A)
            {
                // The session ends with the plug: the next EV needs its own authorization.
                _authorized = false;
                _stopRequested = false;
            }

            _previousLevel = level;

            int offerDa = _offer.Update(nowMs);
            bool hold = _safety.FaultHoldActive(nowMs);
            bool allowed = _safety.ChargingAllowed && !hold;
            bool ventilationOk = level != PilotLevel.D || _settings.AllowVentilation;
            bool evPresent = level == PilotLevel.B || level == PilotLevel.C || level == PilotLevel.D;
            bool evWantsPower = (level == PilotLevel.C || level == PilotLevel.D) && ventilationOk;

            _wantPwm = evPresent && ventilationOk && allowed && Authorized && !_stopRequested && !_serviceHold && offerDa >= DutyCycleMap.MinCurrentDa;
            _wantedDutyPermille = _wantPwm ? DutyCycleMap.DutyPermilleFor(offerDa) : 1000;

            if (!evWantsPower || !allowed)
            {
                _wantContactor = false;
                _stopping = false;
            }
            else if (_wantPwm)
            {
                // Issue 12 item 1: close only after a passed diode check (PWM running and a -12 V low half
                // for two consecutive ticks in C), in every path: EV already in C when the offer starts,
                // free vend, resume after a fault hold or an auto-retry. Once closed, a missing diode is
                // the supervisor's DiodeFault, which opens at once.
                if (_wantContactor || _pilot.DiodeCheckPassed)
                {
                    _wantContactor = true;
                }

                _stopping = false;
            }
            else if (_wantContactor)
            {
                // C1/D1 with the contactor closed: the EV is being asked to stop.
                if (!_stopping)
                {
                    _stopping = true;
                    _stopStartedMs = nowMs;
                }

                long limitMs = _settings.StopGraceMs < _settings.C1PowerOffMs ? _settings.StopGraceMs : _settings.C1PowerOffMs;
                bool currentDropped = _safety.MeterFresh(nowMs) && _safety.MeterReportMs > _stopStartedMs
                    && _safety.MaxPhaseCurrentDa < _settings.StopCurrentThresholdDa;
                if (currentDropped)
                {
                    _wantContactor = false;
                    _stopping = false;
                    Log(LogLevel.Info, "EV dropped its current after the offer was withdrawn: contactor opened");
                }
                else if (nowMs - _stopStartedMs >= limitMs)
                {
                    _wantContactor = false;
                    _stopping = false;
                    Log(LogLevel.Warning, "EV still in C when the stop grace ran out: contactor opened (C1 power off)");
                }
            }
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, "charging", message);
            }
        }
    }
}
