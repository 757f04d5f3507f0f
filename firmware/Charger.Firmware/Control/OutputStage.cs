using Charger.Firmware.Charging;
using Charger.Firmware.Contactors;
using Charger.Firmware.Pilot;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Hal;

namespace Charger.Firmware.Control
{
    /// <summary>
    /// The last stage of the tick: outputs = wanted AND allowed. Drives the pilot (-12 V during the
    /// fault hold, PWM when the state machine wants an offer and safety allows it, +12 V otherwise)
    /// and the contactor, then reports the resulting IEC state. Hardware is written only on change.
    /// </summary>
    public sealed class OutputStage : ITickStage
    {
        public const int StaticHighPermille = 1000;
        public const int StaticLowPermille = 0;

        private readonly ChargingStateMachine _stateMachine;
        private readonly SafetySupervisor _safety;
        private readonly Contactor _contactor;
        private readonly IPwmOutput _pwm;
        private readonly ControlPilot _pilot;
        private readonly IChargerEvents _events;
        private readonly ILog _log;
        private int _dutyPermille = -1;
        private int _advertisedDa;
        private IecState _state = IecState.Invalid;
        private long _stateSinceMs;

        public OutputStage(ChargingStateMachine stateMachine, SafetySupervisor safety, Contactor contactor, IPwmOutput pwm,
            ControlPilot pilot, IChargerEvents events, ILog log)
        {
            _stateMachine = stateMachine;
            _safety = safety;
            _contactor = contactor;
            _pwm = pwm;
            _pilot = pilot;
            _events = events;
            _log = log;
            // Power-up: +12 V static, nothing offered (state A behaviour).
            WriteDuty(StaticHighPermille);
            _pwm.Start();
        }

        public string Name
        {
            get { return "outputs"; }
        }

        /// <summary>Duty driven now in per mille: 0 = -12 V (F), 1000 = +12 V static.</summary>
        public int DutyPermille
        {
            get { return _dutyPermille; }
        }

        /// <summary>The current the PWM advertises, in deciamperes (0 without PWM).</summary>
        public int AdvertisedCurrentDa
        {
            get { return _advertisedDa; }
        }

        public bool PwmOfferActive
        {
            get { return _dutyPermille > StaticLowPermille && _dutyPermille < StaticHighPermille; }
        }

        public IecState State
        {
            get { return _state; }
        }

        public long StateSinceMs
        {
            get { return _stateSinceMs; }
        }

        /// <summary>Null without a connector lock (tethered cable).</summary>
        public ConnectorLock ConnectorLock { get; set; }

        /// <summary>
        /// Something keeps the lock engaged: the contactor is commanded closed, its contact still reads
        /// closed (open not yet verified), or it is welded.
        /// </summary>
        public bool LockHeld
        {
            get
            {
                return _contactor.CommandedClosed || _contactor.FeedbackClosed || _safety.IsActive(FaultCode.ContactorWelded);
            }
        }

        public void Tick(long nowMs)
        {
            bool hold = _safety.FaultHoldActive(nowMs);
            bool allowed = _safety.ChargingAllowed && !hold;
            bool wantClose = _stateMachine.WantContactorClosed && allowed;
            if (ConnectorLock != null)
            {
                // Issue 12 item 10: lock first and close only on confirmed feedback; hold while energised or
                // welded; release only with the contactor open and verified. The lock engages with the PWM
                // offer already, so a vehicle that asks for power finds the plug locked and is not delayed.
                if (wantClose || LockHeld || (_stateMachine.WantPwm && allowed))
                {
                    ConnectorLock.Command(true, nowMs);
                }
                else if (!_stateMachine.WantPwm)
                {
                    ConnectorLock.Command(false, nowMs);
                }

                // A lock that opens while held loses its confirmation in the supervisor's evaluation of this same
                // tick: the contactor opens at once.
                wantClose = wantClose && ConnectorLock.Confirmed;
            }

            int duty;
            if (hold)
            {
                duty = StaticLowPermille;
            }
            else if (_stateMachine.WantPwm && allowed)
            {
                duty = _stateMachine.WantedDutyPermille;
            }
            else
            {
                duty = StaticHighPermille;
            }

            _contactor.Command(wantClose, nowMs);
            WriteDuty(duty);
            if (!_pwm.IsRunning)
            {
                _pwm.Start();
            }

            _advertisedDa = PwmOfferActive ? DutyCycleMap.CurrentDaFor(duty) : 0;
            _safety.SetAdvertisedOfferDa(_advertisedDa);

            IecState state = StateFor(_pilot.Level, duty);
            if (state != _state)
            {
                IecState previous = _state;
                _state = state;
                _stateSinceMs = nowMs;
                if (_log != null)
                {
                    _log.Write(LogLevel.Info, "charging", "state " + IecStateText.Of(previous) + " -> " + IecStateText.Of(state));
                }

                if (_events != null)
                {
                    _events.StateChanged(previous, state, nowMs);
                }
            }
        }

        private void WriteDuty(int dutyPermille)
        {
            if (dutyPermille == _dutyPermille)
            {
                return;
            }

            _dutyPermille = dutyPermille;
            _pwm.SetDutyCycle(dutyPermille / 1000.0);
        }

        private static IecState StateFor(PilotLevel level, int dutyPermille)
        {
            if (dutyPermille == StaticLowPermille)
            {
                return IecState.F;
            }

            bool pwm = dutyPermille < StaticHighPermille;
            switch (level)
            {
                case PilotLevel.A:
                    return IecState.A;
                case PilotLevel.B:
                    return pwm ? IecState.B2 : IecState.B1;
                case PilotLevel.C:
                    return pwm ? IecState.C2 : IecState.C1;
                case PilotLevel.D:
                    return pwm ? IecState.D2 : IecState.D1;
                case PilotLevel.E:
                    return IecState.E;
                case PilotLevel.F:
                    return IecState.F;
                default:
                    return IecState.Invalid;
            }
        }
    }
}
