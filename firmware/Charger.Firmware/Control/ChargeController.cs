using Charger.Firmware.Charging;
using Charger.Firmware.Contactors;
using Charger.Firmware.Pilot;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal;

namespace Charger.Firmware.Control
{
    /// <summary>
    /// Builds the charge-control core from the HAL objects and a configuration and registers its
    /// stages with the runtime in the order the design requires: pilot and proximity sampling,
    /// safety, state machine, outputs. The OCPP, metering, console and simulator glue talk to the
    /// core only through this class: commands (authorization, stop, limits, meter reports, fault
    /// reset), read-only status, and <see cref="IChargerEvents"/> subscriptions.
    /// </summary>
    public sealed class ChargeController
    {
        private const int MaxEventSinks = 8;

        private readonly ChargeControlConfig _config;
        private readonly ControlPilot _pilot;
        private readonly ProximityPilot _proximity;
        private readonly ThermalMonitor _thermal;
        private readonly Contactor _contactor;
        private readonly ConnectorLock _lock;
        private readonly ChargerEventHub _events;
        private readonly SafetySupervisor _safety;
        private readonly OfferCalculator _offer;
        private readonly ChargingStateMachine _stateMachine;
        private readonly OutputStage _outputs;

        public ChargeController(ChargerHardware hardware, ChargeControlConfig config, ILog log)
        {
            if (hardware == null || config == null || log == null)
            {
                throw new System.ArgumentNullException("hardware", "charge controller needs hardware, configuration and log");
            }

            if (hardware.PilotAdc == null || hardware.PilotPwm == null || hardware.ContactorCoil == null)
            {
                throw new ChargeControlConfigException("charge control hardware: pilot ADC, pilot PWM and contactor coil are required");
            }

            IAdcChannel[] thermistorAdcs = hardware.Thermistors == null ? new IAdcChannel[0] : hardware.Thermistors;
            config.Validate(thermistorAdcs.Length);
            if (config.TetheredCableRatingDa == 0 && hardware.ProximityAdc == null)
            {
                throw new ChargeControlConfigException("charge control hardware: a socket needs a proximity ADC (or set TetheredCableRatingDa)");
            }

            _config = config;
            PilotBoardProfile board = config.PilotBoard != null ? config.PilotBoard : PilotBoardProfile.CreateDefault(hardware.PilotAdc.MaxValue);
            _pilot = new ControlPilot(hardware.PilotAdc, hardware.PilotPwm, board, config.PilotThresholds,
                config.PilotSamplesPerBurst, config.PilotDebounceTicks);
            _proximity = config.TetheredCableRatingDa > 0
                ? new ProximityPilot(config.TetheredCableRatingDa)
                : new ProximityPilot(hardware.ProximityAdc, config.ProximityPullUpOhms, config.ProximityDecoder, config.ProximityDebounceTicks);

            NtcThermistor[] sensors = new NtcThermistor[thermistorAdcs.Length];
            ThermalDerating[] deratings = new ThermalDerating[thermistorAdcs.Length];
            for (int i = 0; i < sensors.Length; i++)
            {
                ThermistorSettings t = config.Thermistors != null ? config.Thermistors[i] : new ThermistorSettings("ntc" + i);
                sensors[i] = new NtcThermistor(thermistorAdcs[i], t.Name, t.SeriesOhms, t.Model, t.RailMarginPermille);
                deratings[i] = new ThermalDerating(t.HalfPowerC, t.QuarterPowerC, t.StopC, t.HysteresisC);
            }

            _thermal = new ThermalMonitor(sensors, deratings);
            _contactor = new Contactor(hardware.ContactorCoil, hardware.ContactorFeedback, config.ContactorFeedbackClosedWhenHigh,
                config.ContactorConfirmMs);
            _events = new ChargerEventHub(MaxEventSinks, log);
            _safety = new SafetySupervisor(config.Safety, _pilot, _proximity, _thermal, _contactor, hardware.PilotPwm,
                hardware.RcdTrip, hardware.EmergencyStop, log, _events);
            // Before the output stage exists: a latch that stood before the restart vetoes the very first tick.
            _safety.RestoreLatches(hardware.LatchStorage);
            _offer = new OfferCalculator(config.Charging, _proximity, _thermal);
            _stateMachine = new ChargingStateMachine(config.Charging, _pilot, _safety, _offer, log);
            if (hardware.LockActuator != null && config.TetheredCableRatingDa == 0)
            {
                if (hardware.LockFeedback == null)
                {
                    throw new ChargeControlConfigException("charge control hardware: a connector lock needs its feedback contact (LockFeedback)");
                }

                _lock = new ConnectorLock(hardware.LockActuator, hardware.LockFeedback, config.LockFeedbackLockedWhenHigh, config.LockConfirmMs);
                _safety.ConnectorLock = _lock;
            }

            _outputs = new OutputStage(_stateMachine, _safety, _contactor, hardware.PilotPwm, _pilot, _events, log);
            _outputs.ConnectorLock = _lock;
        }

        /// <summary>Adds the stages in their required order and makes the safety supervisor the runtime's fail-safe.</summary>
        public void Register(ChargerRuntime runtime)
        {
            if (runtime.TickPeriodMs != _config.TickPeriodMs)
            {
                throw new ChargeControlConfigException("charge control configured for " + _config.TickPeriodMs
                    + " ms ticks but the runtime ticks every " + runtime.TickPeriodMs + " ms");
            }

            runtime.AddStage(_pilot);
            runtime.AddStage(_proximity);
            runtime.AddStage(_safety);
            runtime.AddStage(_stateMachine);
            runtime.AddStage(_outputs);
            runtime.FailSafe = _safety;
        }

        // ---- commands ----

        public void AddEventSink(IChargerEvents sink)
        {
            _events.Add(sink);
        }

        /// <summary>OCPP authorization result (or free vend from the console). False is a normal stop.</summary>
        public void SetAuthorized(bool authorized)
        {
            _stateMachine.SetAuthorized(authorized);
        }

        /// <summary>Normal stop: PWM withdrawn first, contactor opened once the EV has dropped its current.</summary>
        public void RequestStop()
        {
            _stateMachine.RequestStop();
        }

        /// <summary>Smart-charging limit in amperes (OCPP charging profile); see <see cref="ClearExternalLimit"/>.</summary>
        public void SetExternalLimitA(double limitA)
        {
            _offer.SetExternalLimitDa(limitA <= 0.0 ? 0 : (int)(limitA * 10.0));
        }

        public void ClearExternalLimit()
        {
            _offer.SetExternalLimitDa(OfferCalculator.Unlimited);
        }

        /// <summary>Protection limit from the metering layer, in amperes.</summary>
        public void SetMeterProtectionLimitA(double limitA)
        {
            _offer.SetMeterLimitDa(limitA <= 0.0 ? 0 : (int)(limitA * 10.0));
        }

        public void ClearMeterProtectionLimit()
        {
            _offer.SetMeterLimitDa(OfferCalculator.Unlimited);
        }

        /// <summary>Meter health and phase currents after each poll (metering glue), stamped with the time they were read.</summary>
        public void ReportMeter(long readAtMs, bool healthy, double l1A, double l2A, double l3A)
        {
            _safety.ReportMeter(readAtMs, healthy, l1A, l2A, l3A);
        }

        /// <summary>Manual fault reset (console, OCPP). A welded contactor needs <paramref name="confirmed"/>.</summary>
        public FaultClearResult ClearFault(FaultCode code, bool confirmed)
        {
            return _safety.ClearFault(code, confirmed);
        }

        public int ClearAllFaults(bool confirmed)
        {
            return _safety.ClearAllFaults(confirmed);
        }

        // ---- status ----

        public PilotLevel PilotLevel
        {
            get { return _pilot.Level; }
        }

        public IecState State
        {
            get { return _outputs.State; }
        }

        /// <summary>Offer the PWM advertises now, in deciamperes (0 without PWM).</summary>
        public int OfferDa
        {
            get { return _outputs.AdvertisedCurrentDa; }
        }

        public double OfferA
        {
            get { return _outputs.AdvertisedCurrentDa / 10.0; }
        }

        public int DutyPermille
        {
            get { return _outputs.DutyPermille; }
        }

        public bool PwmOfferActive
        {
            get { return _outputs.PwmOfferActive; }
        }

        public bool Authorized
        {
            get { return _stateMachine.Authorized; }
        }

        /// <summary>A normal stop was requested and not yet cleared by a new authorization or unplugging.</summary>
        public bool StopRequested
        {
            get { return _stateMachine.StopRequested; }
        }

        public bool ContactorCommandedClosed
        {
            get { return _contactor.CommandedClosed; }
        }

        public bool ContactorFeedbackClosed
        {
            get { return _contactor.FeedbackClosed; }
        }

        public CableStatus CableStatus
        {
            get { return _proximity.Status; }
        }

        public int CableRatingDa
        {
            get { return _proximity.RatingDa; }
        }

        public int TemperatureSensorCount
        {
            get { return _thermal.SensorCount; }
        }

        public double GetTemperatureC(int index)
        {
            return _thermal.GetTemperatureC(index);
        }

        public SensorStatus GetTemperatureStatus(int index)
        {
            return _thermal.GetStatus(index);
        }

        public DeratingStage GetDeratingStage(int index)
        {
            return _thermal.GetStage(index);
        }

        public int ActiveFaultCount
        {
            get { return _safety.ActiveFaultCount; }
        }

        public bool IsFaultActive(FaultCode code)
        {
            return _safety.IsActive(code);
        }

        public int GetActiveFaults(FaultCode[] buffer)
        {
            return _safety.GetActiveFaults(buffer);
        }

        // ---- parts, for the simulator's inspector and the tests ----

        public ControlPilot Pilot
        {
            get { return _pilot; }
        }

        public ProximityPilot Proximity
        {
            get { return _proximity; }
        }

        public ThermalMonitor Thermal
        {
            get { return _thermal; }
        }

        public Contactor Contactor
        {
            get { return _contactor; }
        }

        /// <summary>Null on a tethered cable or a board without a lock.</summary>
        public ConnectorLock ConnectorLock
        {
            get { return _lock; }
        }

        /// <summary>
        /// UnlockConnector (OCPP) or the console: releases the lock only when nothing holds it (contactor
        /// open and verified, not welded). False when it must stay locked or there is no lock.
        /// </summary>
        public bool RequestUnlock()
        {
            if (_lock == null || _outputs.LockHeld)
            {
                return false;
            }

            _stateMachine.SetAuthorized(false);
            _lock.Command(false, _safety.LastTickMs);
            return true;
        }

        public SafetySupervisor Safety
        {
            get { return _safety; }
        }

        public OfferCalculator Offer
        {
            get { return _offer; }
        }

        public ChargingStateMachine StateMachine
        {
            get { return _stateMachine; }
        }

        public OutputStage Outputs
        {
            get { return _outputs; }
        }

        public ChargeControlConfig Config
        {
            get { return _config; }
        }
    }
}
