using Charger.Firmware.Contactors;
using Charger.Firmware.Pilot;
using Charger.Firmware.Runtime;
using Charger.Firmware.Thermal;
using Charger.Hal;

namespace Charger.Firmware.Safety
{
    /// <summary>
    /// Decides what is allowed. Runs every tick after the pilot stages and before the state machine:
    /// reads RCD, emergency stop, pilot diode and short, cable, temperatures, contactor feedback,
    /// over-current and meter health, raises and clears faults by their policies, and vetoes power
    /// while any fault is active. Every fault is logged and reported through <see cref="IChargerEvents"/>.
    /// It is also the runtime's fail-safe: a stage that throws drives the outputs safe through here.
    /// </summary>
    public sealed class SafetySupervisor : ITickStage, IFailSafe
    {
        private const string Component = "safety";

        private readonly SafetySettings _settings;
        private readonly ControlPilot _pilot;
        private readonly ProximityPilot _proximity;
        private readonly ThermalMonitor _thermal;
        private readonly Contactor _contactor;
        private readonly IPwmOutput _pwm;
        private readonly IDigitalInput _rcd;
        private readonly IDigitalInput _emergencyStop;
        private readonly ILog _log;
        private readonly IChargerEvents _events;

        private readonly bool[] _active = new bool[SafetySettings.FaultCodeCount];
        private readonly bool[] _present = new bool[SafetySettings.FaultCodeCount];
        private readonly bool[] _latched = new bool[SafetySettings.FaultCodeCount];
        private readonly long[] _raisedMs = new long[SafetySettings.FaultCodeCount];
        private readonly long[] _goneSinceMs = new long[SafetySettings.FaultCodeCount];
        private readonly int[] _retryCount = new int[SafetySettings.FaultCodeCount];
        private readonly long[] _lastRaisedMs = new long[SafetySettings.FaultCodeCount];
        private readonly string[] _reasons = new string[SafetySettings.FaultCodeCount];
        private readonly int[] _flapCount = new int[SafetySettings.FaultCodeCount];
        private readonly long[] _flapWindowStartMs = new long[SafetySettings.FaultCodeCount];
        private readonly bool[] _flapLatched = new bool[SafetySettings.FaultCodeCount];
        private int _activeCount;
        private long _faultHoldUntilMs = long.MinValue;
        private long _lastTickMs;

        private int _advertisedOfferDa;
        private bool _meterReported;
        private bool _meterHealthy = true;
        private long _meterReportMs;
        private int _maxPhaseCurrentDa;
        private long _overCurrentSinceMs = -1;
        private long _fastOverCurrentSinceMs = -1;
        private bool _wasClosed;
        private long _closedSinceMs;
        private bool _blind;
        private int _referenceOfferDa;
        private long _referenceOfferMs;
        // Which over-current stage fired (text built only when the fault is raised: no allocation per tick).
        private const int StageSlow = 0;
        private const int StageFast = 1;
        private const int StageInstant = 2;
        private const int StageHardLimit = 3;
        private int _overCurrentStage;
        private int _overCurrentReferenceDa;
        private long _faultRaiseCount;

        private ConnectorLock _lock;
        private IFileStore _store;
        private readonly bool[] _persistLatched = new bool[SafetySettings.FaultCodeCount];
        private readonly int[] _persistRetries = new int[SafetySettings.FaultCodeCount];
        private readonly byte[] _persistBuffer = new byte[LatchRecord.Length(SafetySettings.FaultCodeCount)];
        private readonly byte[] _persistedBuffer = new byte[LatchRecord.Length(SafetySettings.FaultCodeCount)];
        private bool _persistedValid;
        private int _restoredCount;

        public SafetySupervisor(SafetySettings settings, ControlPilot pilot, ProximityPilot proximity, ThermalMonitor thermal,
            Contactor contactor, IPwmOutput pwm, IDigitalInput rcd, IDigitalInput emergencyStop, ILog log, IChargerEvents events)
        {
            if (settings == null || pilot == null || contactor == null || pwm == null || log == null)
            {
                throw new System.ArgumentNullException("settings", "safety supervisor needs settings, pilot, contactor, PWM and log");
            }

            _settings = settings;
            _pilot = pilot;
            _proximity = proximity;
            _thermal = thermal;
            _contactor = contactor;
            _pwm = pwm;
            _rcd = rcd;
            _emergencyStop = emergencyStop;
            _log = log;
            _events = events;
            for (int i = 0; i < SafetySettings.FaultCodeCount; i++)
            {
                _goneSinceMs[i] = -1;
                _lastRaisedMs[i] = long.MinValue / 2;
            }
        }

        public string Name
        {
            get { return "safety"; }
        }

        /// <summary>The veto: true only while no fault is active.</summary>
        public bool ChargingAllowed
        {
            get { return _activeCount == 0; }
        }

        public int ActiveFaultCount
        {
            get { return _activeCount; }
        }

        public long FaultRaiseCount
        {
            get { return _faultRaiseCount; }
        }

        public long LastTickMs
        {
            get { return _lastTickMs; }
        }

        public long FaultHoldUntilMs
        {
            get { return _faultHoldUntilMs; }
        }

        /// <summary>The socket's connector lock, evaluated every tick (null: tethered cable or no lock).</summary>
        public ConnectorLock ConnectorLock
        {
            get { return _lock; }
            set { _lock = value; }
        }

        /// <summary>Latched faults restored from the file store at boot.</summary>
        public int RestoredLatchCount
        {
            get { return _restoredCount; }
        }

        /// <summary>
        /// Issue 12 item 3: reads the latches persisted before the restart (e-stop, welded contactor,
        /// internal failure, retries used up) and the automatic-retry counts, and makes them active
        /// again. Called once at boot, before the first tick and before the output stage drives
        /// anything; from then on every change of a latch or a retry count is written back at once.
        /// An unreadable record fails safe: an InternalFailure latch a technician must clear.
        /// </summary>
        public void RestoreLatches(IFileStore store)
        {
            _store = store;
            if (store == null)
            {
                return;
            }

            byte[] data = null;
            bool readable = true;
            try
            {
                data = store.Read(LatchRecord.FileName);
            }
            catch (System.Exception ex)
            {
                _log.Write(LogLevel.Error, Component, "latch record could not be read: " + ex.Message);
                readable = false;
            }

            bool[] latched = new bool[SafetySettings.FaultCodeCount];
            int[] retries = new int[SafetySettings.FaultCodeCount];
            if (readable && data == null)
            {
                return;
            }

            if (!readable || !LatchRecord.Decode(data, latched, retries))
            {
                latched[(int)FaultCode.InternalFailure] = true;
                _log.Write(LogLevel.Error, Component, "latch record unreadable: charging refused until a technician clears InternalFailure");
            }

            for (int i = 0; i < SafetySettings.FaultCodeCount; i++)
            {
                _retryCount[i] = retries[i];
                if (retries[i] > 0)
                {
                    // The time of the last trip is not known after a restart: the quiet day counts from boot.
                    _lastRaisedMs[i] = 0;
                }
                if (latched[i] && !_active[i])
                {
                    _active[i] = true;
                    _latched[i] = true;
                    // Not cleared by hand before a tick has looked at the cause again.
                    _present[i] = true;
                    _reasons[i] = "latched before the restart";
                    _goneSinceMs[i] = -1;
                    _activeCount++;
                    _restoredCount++;
                    _log.Write(LogLevel.Error, Component, "fault " + FaultCodeText.Of((FaultCode)i)
                        + " restored from the latch record: charging refused until it is cleared by its rule");
                }
            }

            Persist();
        }

        /// <summary>Highest phase current of the latest fresh meter report, in deciamperes (0 when none).</summary>
        public int MaxPhaseCurrentDa
        {
            get { return _maxPhaseCurrentDa; }
        }

        /// <summary>Tick time of the latest meter report.</summary>
        public long MeterReportMs
        {
            get { return _meterReportMs; }
        }

        public ThermalMonitor Thermal
        {
            get { return _thermal; }
        }

        /// <summary>The pilot is held at -12 V (state F) after a fault.</summary>
        public bool FaultHoldActive(long nowMs)
        {
            return nowMs < _faultHoldUntilMs;
        }

        public bool IsActive(FaultCode code)
        {
            return _active[(int)code];
        }

        /// <summary>Active and waiting for a manual reset.</summary>
        public bool IsLatched(FaultCode code)
        {
            return _active[(int)code] && _latched[(int)code];
        }

        public string GetReason(FaultCode code)
        {
            return _reasons[(int)code];
        }

        public int GetRetryCount(FaultCode code)
        {
            return _retryCount[(int)code];
        }

        public FaultPolicy GetPolicy(FaultCode code)
        {
            return _settings.GetPolicy(code);
        }

        /// <summary>Copies the active fault codes into <paramref name="buffer"/>; returns how many.</summary>
        public int GetActiveFaults(FaultCode[] buffer)
        {
            int n = 0;
            for (int i = 0; i < SafetySettings.FaultCodeCount && n < buffer.Length; i++)
            {
                if (_active[i])
                {
                    buffer[n++] = (FaultCode)i;
                }
            }

            return n;
        }

        /// <summary>True when the meter has reported within its stale time.</summary>
        public bool MeterFresh(long nowMs)
        {
            return _meterReported && _meterHealthy && nowMs - _meterReportMs <= _settings.MeterStaleMs;
        }

        /// <summary>The current the PWM advertises now (set by the output stage each tick), the over-current reference.</summary>
        public void SetAdvertisedOfferDa(int offerDa)
        {
            _advertisedOfferDa = offerDa;
            // The fast stage measures against the highest offer of the last 5 s: a lowered offer gives
            // the EV the standard's 5 s to follow before its old current counts as over-current.
            if (offerDa >= _referenceOfferDa || _lastTickMs - _referenceOfferMs >= SafetySettings.OfferFollowMs)
            {
                _referenceOfferDa = offerDa;
                _referenceOfferMs = _lastTickMs;
            }
        }

        /// <summary>The offer the fast over-current stage measures against (highest of the last 5 s), in deciamperes.</summary>
        public int OverCurrentReferenceDa
        {
            get { return _referenceOfferDa; }
        }

        /// <summary>
        /// Called by the metering glue after each poll: whether the meter is healthy by its billing
        /// policy, and the phase currents in amperes (0 for phases not present) with
        /// <paramref name="readAtMs"/>, the time they were READ. After a failed poll that is still the time
        /// of the last successful read, never the time of the report (issue 12 item 6): stale data goes stale.
        /// </summary>
        public void ReportMeter(long readAtMs, bool healthy, double l1A, double l2A, double l3A)
        {
            _meterReported = true;
            _meterHealthy = healthy;
            _meterReportMs = readAtMs;
            double max = l1A;
            if (l2A > max)
            {
                max = l2A;
            }

            if (l3A > max)
            {
                max = l3A;
            }

            _maxPhaseCurrentDa = healthy ? (int)(max * 10.0 + 0.5) : 0;
        }

        public void Tick(long nowMs)
        {
            _lastTickMs = nowMs;

            if (Condition(FaultCode.RcdTrip, _rcd != null && _rcd.Read() == _settings.RcdTrippedWhenHigh))
            {
                Raise(FaultCode.RcdTrip, "residual current device tripped (RDC-DD 6 mA DC / 30 mA AC)", nowMs);
            }

            if (Condition(FaultCode.EmergencyStop, _emergencyStop != null && _emergencyStop.Read() == _settings.EmergencyStopPressedWhenHigh))
            {
                Raise(FaultCode.EmergencyStop, "emergency stop pressed", nowMs);
            }

            if (Condition(FaultCode.DiodeFault, _pilot.DiodeFaultDetected))
            {
                Raise(FaultCode.DiodeFault, "EV pilot diode missing: low plateau not at -12 V while PWM runs", nowMs);
            }

            if (Condition(FaultCode.PilotShort, _pilot.ShortDetected))
            {
                Raise(FaultCode.PilotShort, "control pilot shorted (reads 0 V or -12 V while driven high)", nowMs);
            }

            if (Condition(FaultCode.CableFault, _proximity != null && _proximity.Status == CableStatus.Fault))
            {
                Raise(FaultCode.CableFault, "cable proximity resistor out of range (damaged or unknown cable)", nowMs);
            }

            if (_thermal != null)
            {
                _thermal.Update();
                if (Condition(FaultCode.TemperatureSensor, _thermal.AnySensorFault))
                {
                    NtcThermistor sensor = _thermal.GetSensor(_thermal.FaultySensorIndex);
                    Raise(FaultCode.TemperatureSensor, "temperature sensor " + sensor.Name + " "
                        + SensorStatusText.Describe(sensor.Status), nowMs);
                }

                if (Condition(FaultCode.OverTemperature, _thermal.OverTemperature))
                {
                    NtcThermistor sensor = _thermal.GetSensor(_thermal.OverTemperatureSensorIndex);
                    Raise(FaultCode.OverTemperature, "temperature " + sensor.Name + " at " + sensor.TemperatureC.ToString("F1")
                        + " °C reached its stop threshold", nowMs);
                }
            }
            else
            {
                Condition(FaultCode.TemperatureSensor, false);
                Condition(FaultCode.OverTemperature, false);
            }

            _contactor.Evaluate(nowMs);
            if (Condition(FaultCode.ContactorStuckOpen, _contactor.StuckOpenDetected))
            {
                Raise(FaultCode.ContactorStuckOpen, "contactor did not confirm closing within " + _contactor.ConfirmMs + " ms", nowMs);
            }

            if (Condition(FaultCode.ContactorWelded, _contactor.WeldedDetected))
            {
                Raise(FaultCode.ContactorWelded, "contactor still closed " + _contactor.ConfirmMs + " ms after opening: welded", nowMs);
            }

            if (_lock != null)
            {
                _lock.Evaluate(nowMs);
            }

            if (Condition(FaultCode.LockFailure, _lock != null && _lock.FailureDetected))
            {
                Raise(FaultCode.LockFailure, _lock.FailureReason, nowMs);
            }

            if (Condition(FaultCode.OverCurrent, OverCurrentPersisting(nowMs)))
            {
                Raise(FaultCode.OverCurrent, "phase current " + _maxPhaseCurrentDa + " dA " + OverCurrentStageText(), nowMs);
            }

            bool closed = _contactor.CommandedClosed;
            if (closed && !_wasClosed)
            {
                _closedSinceMs = nowMs;
            }

            _wasClosed = closed;
            bool fresh = MeterFresh(nowMs);
            // Blind over-current supervision: closed for longer than the blind time without a current read
            // within it. It stays blind (and the fault present) until a fresh reading arrives, so it cannot flap.
            bool unseen = !_meterReported || nowMs - _meterReportMs > _settings.MeterBlindMs;
            _blind = _settings.MeterFitted && !fresh
                && ((closed && unseen && nowMs - _closedSinceMs > _settings.MeterBlindMs) || (_blind && _active[(int)FaultCode.MeterFault]));
            bool billingBad = (_meterReported && !_meterHealthy && _settings.StopOnMeterFault)
                || (_settings.MeterRequired && (!_meterReported || nowMs - _meterReportMs > _settings.MeterStaleMs));
            if (Condition(FaultCode.MeterFault, billingBad || _blind))
            {
                Raise(FaultCode.MeterFault, _blind && !billingBad
                    ? "over-current supervision blind: no fresh phase current for more than " + _settings.MeterBlindMs + " ms"
                    : _meterReported && !_meterHealthy ? "energy meter reports a fault" : "energy meter not reporting", nowMs);
            }

            for (int i = 0; i < SafetySettings.FaultCodeCount; i++)
            {
                if (_active[i])
                {
                    TryRecover((FaultCode)i, nowMs);
                }
            }
        }

        /// <summary>The runtime's fail-safe: open the contactor, hold the pilot at -12 V, latch a fault. Never throws.</summary>
        public void EnterSafeState(string reason)
        {
            try
            {
                _contactor.Command(false, _lastTickMs);
                _pwm.SetDutyCycle(0.0);
                _pwm.Start();
            }
            catch (System.Exception ex)
            {
                _log.Write(LogLevel.Error, Component, "fail-safe could not drive outputs: " + ex.Message);
            }

            if (!_active[(int)FaultCode.InternalFailure])
            {
                _present[(int)FaultCode.InternalFailure] = false;
                Raise(FaultCode.InternalFailure, reason, _lastTickMs);
            }
            else
            {
                _faultHoldUntilMs = _lastTickMs + _settings.FaultHoldMs;
            }
        }

        /// <summary>
        /// Manual reset from the console or OCPP. A welded contactor needs
        /// <paramref name="confirmed"/>: the technician states the contactor was inspected.
        /// </summary>
        public FaultClearResult ClearFault(FaultCode code, bool confirmed)
        {
            int i = (int)code;
            if (!_active[i])
            {
                return FaultClearResult.NotActive;
            }

            if (_settings.GetPolicy(code).Latch == LatchPolicy.ManualWithConfirmation && !confirmed)
            {
                return FaultClearResult.ConfirmationRequired;
            }

            if (_present[i])
            {
                return FaultClearResult.ConditionPresent;
            }

            if (_settings.GetPolicy(code).Latch == LatchPolicy.UntilUnplug && _pilot.Level != PilotLevel.A)
            {
                // Issue 12 item 5: with the PWM off the missing diode (or the bad cable) cannot be seen, so
                // "condition gone" proves nothing; the vehicle that caused it is still plugged in.
                return FaultClearResult.ConditionPresent;
            }

            _retryCount[i] = 0;
            _flapCount[i] = 0;
            Clear(code, "manual reset", _lastTickMs);
            return FaultClearResult.Cleared;
        }

        /// <summary>Manual reset of every fault whose condition is gone; returns how many cleared.</summary>
        public int ClearAllFaults(bool confirmed)
        {
            int cleared = 0;
            for (int i = 0; i < SafetySettings.FaultCodeCount; i++)
            {
                if (_active[i] && ClearFault((FaultCode)i, confirmed) == FaultClearResult.Cleared)
                {
                    cleared++;
                }
            }

            return cleared;
        }

        /// <summary>Writes the latches and retry counts when they changed since the last write. Never throws.</summary>
        private void Persist()
        {
            if (_store == null)
            {
                return;
            }

            for (int i = 0; i < SafetySettings.FaultCodeCount; i++)
            {
                _persistLatched[i] = _active[i] && _latched[i];
                _persistRetries[i] = _retryCount[i];
            }

            int length = LatchRecord.Encode(_persistLatched, _persistRetries, _persistBuffer);
            if (_persistedValid && Same(_persistBuffer, _persistedBuffer, length))
            {
                return;
            }

            try
            {
                _store.WriteAtomic(LatchRecord.FileName, _persistBuffer, length);
                System.Array.Copy(_persistBuffer, _persistedBuffer, length);
                _persistedValid = true;
            }
            catch (System.Exception ex)
            {
                // The latch still holds in RAM; a restart before the next successful write would lose it.
                _persistedValid = false;
                _log.Write(LogLevel.Error, Component, "latch record not written: " + ex.Message);
            }
        }

        private static bool Same(byte[] a, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Two stages (issue 12 item 8). Slow: above offer + 10 % + 0.5 A for more than 7 s. Fast: above
        /// 125 % of the reference offer (+ 0.5 A) for more than 1 s. Instant: above 150 % of it (+ 0.5 A) or
        /// above the hard limit.
        /// </summary>
        private bool OverCurrentPersisting(long nowMs)
        {
            if (!MeterFresh(nowMs))
            {
                _overCurrentSinceMs = -1;
                _fastOverCurrentSinceMs = -1;
                return false;
            }

            int currentDa = _maxPhaseCurrentDa;
            int referenceDa = _referenceOfferDa > _advertisedOfferDa ? _referenceOfferDa : _advertisedOfferDa;
            int instantDa = referenceDa * _settings.InstantOverCurrentPercent / 100 + _settings.OverCurrentOffsetDa;
            if (currentDa > _settings.OverCurrentHardLimitDa || currentDa > instantDa)
            {
                _overCurrentStage = currentDa > _settings.OverCurrentHardLimitDa ? StageHardLimit : StageInstant;
                _overCurrentReferenceDa = referenceDa;
                return true;
            }

            int fastDa = referenceDa * _settings.FastOverCurrentPercent / 100 + _settings.OverCurrentOffsetDa;
            if (currentDa > fastDa)
            {
                if (_fastOverCurrentSinceMs < 0)
                {
                    _fastOverCurrentSinceMs = nowMs;
                }

                if (nowMs - _fastOverCurrentSinceMs > _settings.FastOverCurrentDurationMs)
                {
                    _overCurrentStage = StageFast;
                    _overCurrentReferenceDa = referenceDa;
                    return true;
                }
            }
            else
            {
                _fastOverCurrentSinceMs = -1;
            }

            int limitDa = _advertisedOfferDa + _advertisedOfferDa * _settings.OverCurrentMarginPercent / 100 + _settings.OverCurrentOffsetDa;
            if (currentDa <= limitDa)
            {
                _overCurrentSinceMs = -1;
                return false;
            }

            if (_overCurrentSinceMs < 0)
            {
                _overCurrentSinceMs = nowMs;
            }

            _overCurrentStage = StageSlow;
            _overCurrentReferenceDa = _advertisedOfferDa;
            return nowMs - _overCurrentSinceMs > _settings.OverCurrentDurationMs;
        }

        private string OverCurrentStageText()
        {
            switch (_overCurrentStage)
            {
                case StageHardLimit:
                    return "above the hard limit " + _settings.OverCurrentHardLimitDa + " dA";
                case StageInstant:
                    return "above " + _settings.InstantOverCurrentPercent + " % of the offer " + _overCurrentReferenceDa + " dA: tripped at once";
                case StageFast:
                    return "above " + _settings.FastOverCurrentPercent + " % of the offer " + _overCurrentReferenceDa + " dA for more than "
                        + _settings.FastOverCurrentDurationMs + " ms";
                default:
                    return "above offer " + _overCurrentReferenceDa + " dA + margin for more than " + _settings.OverCurrentDurationMs + " ms";
            }
        }

        /// <summary>Records whether the cause is there now; true when it is and the fault is not yet raised.</summary>
        private bool Condition(FaultCode code, bool present)
        {
            int i = (int)code;
            _present[i] = present;
            return present && !_active[i];
        }

        private void Raise(FaultCode code, string reason, long nowMs)
        {
            int i = (int)code;
            FaultPolicy policy = _settings.GetPolicy(code);
            // The RCD count never expires (issue 12 item 4); other counts start again after a quiet day.
            if (code != FaultCode.RcdTrip && nowMs - _lastRaisedMs[i] >= _settings.RetryCounterResetMs)
            {
                _retryCount[i] = 0;
            }

            _active[i] = true;
            _raisedMs[i] = nowMs;
            _lastRaisedMs[i] = nowMs;
            _goneSinceMs[i] = -1;
            _reasons[i] = reason;
            _latched[i] = policy.Latch == LatchPolicy.Manual || policy.Latch == LatchPolicy.ManualWithConfirmation
                || (policy.Latch == LatchPolicy.AutoRetry && _retryCount[i] >= policy.MaxRetries);
            _flapLatched[i] = false;
            if (policy.Latch == LatchPolicy.SelfClearing && code != FaultCode.OverTemperature)
            {
                // Flap limit (issue 12 item 12): a sensor or meter fault that keeps coming back is a broken part,
                // not a condition; the Nth raise within the window latches it for a technician. Over-temperature
                // is left out: its 3 C hysteresis already paces it, and it is a physical cycle.
                if (_flapCount[i] == 0 || nowMs - _flapWindowStartMs[i] > _settings.FlapWindowMs)
                {
                    _flapCount[i] = 0;
                    _flapWindowStartMs[i] = nowMs;
                }

                _flapCount[i]++;
                if (_flapCount[i] >= _settings.FlapLimit)
                {
                    _latched[i] = true;
                    _flapLatched[i] = true;
                }
            }
            _activeCount++;
            _faultRaiseCount++;
            _faultHoldUntilMs = nowMs + _settings.FaultHoldMs;
            Persist();

            string rule = _latched[i] && policy.Latch == LatchPolicy.AutoRetry
                ? "retries used up (" + policy.MaxRetries + "): manual reset"
                : _flapLatched[i]
                    ? "raised " + _flapCount[i] + " times within " + (_settings.FlapWindowMs / 60000) + " min: manual reset"
                    : policy.RecoveryRule;
            _log.Write(LogLevel.Error, Component, "fault " + FaultCodeText.Of(code) + ": " + reason + "; recovery: " + rule);
            if (_events != null)
            {
                _events.FaultRaised(code, reason, _latched[i], nowMs);
            }
        }

        private void TryRecover(FaultCode code, long nowMs)
        {
            int i = (int)code;
            if (_present[i])
            {
                _goneSinceMs[i] = -1;
                return;
            }

            if (_goneSinceMs[i] < 0)
            {
                _goneSinceMs[i] = nowMs;
            }

            if (_latched[i])
            {
                return;
            }

            FaultPolicy policy = _settings.GetPolicy(code);
            switch (policy.Latch)
            {
                case LatchPolicy.SelfClearing:
                    if (nowMs - _goneSinceMs[i] >= policy.RetryDelayMs)
                    {
                        Clear(code, "condition gone", nowMs);
                    }

                    break;
                case LatchPolicy.AutoRetry:
                    if (nowMs - _raisedMs[i] >= policy.RetryDelayMs)
                    {
                        _retryCount[i]++;
                        Clear(code, "auto-retry " + _retryCount[i] + " of " + policy.MaxRetries, nowMs);
                    }

                    break;
                case LatchPolicy.UntilUnplug:
                    if (_pilot.Level == PilotLevel.A)
                    {
                        Clear(code, "EV unplugged", nowMs);
                    }

                    break;
            }
        }

        private void Clear(FaultCode code, string how, long nowMs)
        {
            int i = (int)code;
            _active[i] = false;
            _latched[i] = false;
            _goneSinceMs[i] = -1;
            _activeCount--;
            Persist();
            _log.Write(LogLevel.Info, Component, "fault " + FaultCodeText.Of(code) + " cleared: " + how);
            if (_events != null)
            {
                _events.FaultCleared(code, how, nowMs);
            }
        }
    }
}
