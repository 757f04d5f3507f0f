using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Samples the control pilot once per tick: a burst of conversions long enough to cover at least
    /// one 1 kHz PWM period, whose maximum is the high plateau (the EV's resistor state) and whose
    /// minimum is the low plateau (the diode check). The state is debounced over consecutive ticks;
    /// the debounce is bounded by the configuration check so that reaction limits still hold.
    /// Allocates nothing per tick.
    /// </summary>
    public sealed class ControlPilot : ITickStage
    {
        private readonly IAdcChannel _adc;
        private readonly IPwmOutput _pwm;
        private readonly PilotBoardProfile _profile;
        private readonly PilotThresholds _thresholds;
        private readonly int _samplesPerBurst;
        private readonly int _debounceTicks;

        private PilotLevel _level = PilotLevel.Invalid;
        private long _levelSinceMs;
        private PilotLevel _candidate = PilotLevel.Invalid;
        private int _candidateTicks;
        private long _candidateSinceMs;
        private int _deviationTicks;
        private long _deviationSinceMs;
        private int _deviationBits;
        private PilotLevel _rawLevel = PilotLevel.Invalid;
        private int _highMv;
        private int _lowMv;
        private bool _drivingLow;
        private int _shortTicks;
        private long _shortSinceMs;
        private int _diodeBadTicks;
        private long _diodeBadSinceMs;
        private long _levelChangeCount;
        private int _diodeOkTicks;
        private bool _burstValid = true;
        private long _invalidBurstCount;

        /// <param name="samplesPerBurst">Conversions per tick; the board file sizes it so the burst spans at least one PWM period.</param>
        /// <param name="debounceTicks">Consecutive ticks that must agree before a new state is accepted (1 = no debounce).</param>
        public ControlPilot(IAdcChannel adc, IPwmOutput pwm, PilotBoardProfile profile, PilotThresholds thresholds,
            int samplesPerBurst, int debounceTicks)
        {
            if (adc == null)
            {
                throw new System.ArgumentNullException("adc");
            }

            if (pwm == null)
            {
                throw new System.ArgumentNullException("pwm");
            }

            if (samplesPerBurst < 2)
            {
                throw new System.ArgumentOutOfRangeException("samplesPerBurst", "a burst needs at least 2 samples to see both plateaus");
            }

            if (debounceTicks < 1)
            {
                throw new System.ArgumentOutOfRangeException("debounceTicks", "must be 1 or more");
            }

            _adc = adc;
            _pwm = pwm;
            _profile = profile;
            _thresholds = thresholds;
            _samplesPerBurst = samplesPerBurst;
            _debounceTicks = debounceTicks;
        }

        public string Name
        {
            get { return "pilot"; }
        }

        /// <summary>The debounced state the charger acts on.</summary>
        public PilotLevel Level
        {
            get { return _level; }
        }

        /// <summary>Tick time of the first sample that showed the current debounced state.</summary>
        public long LevelSinceMs
        {
            get { return _levelSinceMs; }
        }

        /// <summary>The state of the latest burst, before debouncing (F while the charger drives the line low).</summary>
        public PilotLevel RawLevel
        {
            get { return _rawLevel; }
        }

        public int HighPlateauMv
        {
            get { return _highMv; }
        }

        public int LowPlateauMv
        {
            get { return _lowMv; }
        }

        /// <summary>True when the charger itself holds the line at -12 V (state F), so the EV cannot be seen.</summary>
        public bool DrivingLow
        {
            get { return _drivingLow; }
        }

        /// <summary>
        /// The pilot reads 0 V (E) or -12 V while the charger drives it high, or 0 V or more while it
        /// drives it low: shorted to PE or to a supply rail.
        /// </summary>
        public bool ShortDetected
        {
            get { return _shortTicks >= _debounceTicks; }
        }

        public long ShortSinceMs
        {
            get { return _shortSinceMs; }
        }

        /// <summary>PWM runs and an EV is present, but the low plateau is not near -12 V: the EV's diode is missing or shorted.</summary>
        public bool DiodeFaultDetected
        {
            get { return _diodeBadTicks >= _debounceTicks; }
        }

        public long DiodeFaultSinceMs
        {
            get { return _diodeBadSinceMs; }
        }

        /// <summary>
        /// Issue 12 item 1: the contactor may close only after this many consecutive ticks in which the
        /// PWM was running during the burst, the EV read C (or D) and the low half sat at -12 V. The
        /// clock starts with the PWM, so a pilot that already reads C when the offer starts still waits.
        /// </summary>
        public const int DiodeCheckTicks = 2;

        /// <summary>
        /// Consecutive ticks with the PWM running, the EV in C or D and a valid -12 V low half (the diode
        /// check). Any tick that fails it starts the count again.
        /// </summary>
        public int DiodeCheckTicksPassed
        {
            get { return _diodeOkTicks; }
        }

        /// <summary>True when the diode check has passed for at least <see cref="DiodeCheckTicks"/> consecutive ticks (and the debounce).</summary>
        public bool DiodeCheckPassed
        {
            get { return _diodeOkTicks >= DiodeCheckTicks && _diodeOkTicks >= _debounceTicks; }
        }

        /// <summary>False when the latest burst held a conversion outside the converter range (a broken ADC or wiring).</summary>
        public bool LastBurstValid
        {
            get { return _burstValid; }
        }

        /// <summary>Bursts rejected because a conversion was outside 0..MaxValue.</summary>
        public long InvalidBurstCount
        {
            get { return _invalidBurstCount; }
        }

        public int DebounceTicks
        {
            get { return _debounceTicks; }
        }

        public long LevelChangeCount
        {
            get { return _levelChangeCount; }
        }

        public void Tick(long nowMs)
        {
            int minCounts = int.MaxValue;
            int maxCounts = int.MinValue;
            int maxValue = _adc.MaxValue;
            bool burstValid = true;
            for (int i = 0; i < _samplesPerBurst; i++)
            {
                int counts = _adc.ReadRaw();
                if (counts < 0 || counts > maxValue)
                {
                    // A conversion the converter cannot produce: the channel or its driver is broken, so the
                    // whole burst says nothing about the EV (never a state, never a diode check).
                    burstValid = false;
                }

                if (counts < minCounts)
                {
                    minCounts = counts;
                }

                if (counts > maxCounts)
                {
                    maxCounts = counts;
                }
            }

            _burstValid = burstValid;
            if (!burstValid)
            {
                _invalidBurstCount++;
            }

            _highMv = _profile.ToPilotMv(maxCounts);
            _lowMv = _profile.ToPilotMv(minCounts);

            double duty = _pwm.DutyCycle;
            bool running = _pwm.IsRunning;
            _drivingLow = !running || duty <= 0.0;
            bool pwmActive = running && duty > 0.0 && duty < 1.0;

            // While the charger holds the line at -12 V the samples say nothing about the EV: the level
            // is F until readings under a high drive have been debounced again.
            PilotLevel measured = burstValid ? _thresholds.Classify(_highMv) : PilotLevel.Invalid;
            PilotLevel raw = _drivingLow ? PilotLevel.F : measured;
            _rawLevel = raw;
            Debounce(raw, nowMs);

            // Driven high but reading 0 V or -12 V, or driven low but held at 0 V or above: the line is
            // shorted to PE or to a supply.
            bool shortSeen = _drivingLow
                ? _highMv >= _thresholds.GetLowMv(PilotLevel.E)
                : measured == PilotLevel.E || measured == PilotLevel.F;
            _shortTicks = Count(shortSeen, _shortTicks, nowMs, ref _shortSinceMs);

            bool evPresent = raw == PilotLevel.B || raw == PilotLevel.C || raw == PilotLevel.D;
            bool diodeBad = pwmActive && evPresent && _thresholds.Classify(_lowMv) != PilotLevel.F;
            _diodeBadTicks = Count(diodeBad, _diodeBadTicks, nowMs, ref _diodeBadSinceMs);

            bool charging = raw == PilotLevel.C || raw == PilotLevel.D;
            bool diodeOk = pwmActive && burstValid && charging && _thresholds.Classify(_lowMv) == PilotLevel.F;
            _diodeOkTicks = diodeOk ? (_diodeOkTicks < int.MaxValue ? _diodeOkTicks + 1 : _diodeOkTicks) : 0;
        }

        /// <summary>
        /// Issue 12 item 7: leaving an accepted state is decided over a bounded window of the last
        /// <see cref="LeaveWindowTicks"/> bursts (100 ms at 10 ms ticks, the IEC 61851-1 Table A.6 limit):
        /// once <c>debounceTicks</c> of them disagree with the state, it is left, for the new state when
        /// that one is stable, for Invalid otherwise. Bursts that read the old state again do not start
        /// anything over, so an interleaving of bursts cannot hold a closed contactor; a real C to B (every
        /// burst B) is left on its debounce-th burst, well inside 30 ms.
        /// </summary>
        public const int LeaveWindowTicks = 10;

        /// <summary>
        /// A new state is accepted after <c>debounceTicks</c> consecutive ticks agree on it; the accepted
        /// state is left by the bounded window above.
        /// </summary>
        private void Debounce(PilotLevel raw, long nowMs)
        {
            if (raw != _candidate)
            {
                _candidate = raw;
                _candidateTicks = 1;
                _candidateSinceMs = nowMs;
            }
            else if (_candidateTicks < _debounceTicks)
            {
                _candidateTicks++;
            }

            bool deviates = raw != _level;
            if (deviates && _deviationBits == 0)
            {
                _deviationSinceMs = nowMs;
            }

            _deviationBits = ((_deviationBits << 1) | (deviates ? 1 : 0)) & LeaveWindowMask;
            _deviationTicks = CountBits(_deviationBits);

            if (_candidateTicks >= _debounceTicks && _level != _candidate)
            {
                Accept(_candidate, _candidateSinceMs);
            }
            else if (_deviationTicks >= _debounceTicks && _level != PilotLevel.Invalid)
            {
                Accept(PilotLevel.Invalid, _deviationSinceMs);
            }
        }

        private const int LeaveWindowMask = (1 << LeaveWindowTicks) - 1;

        private static int CountBits(int bits)
        {
            int n = 0;
            while (bits != 0)
            {
                bits &= bits - 1;
                n++;
            }

            return n;
        }

        private void Accept(PilotLevel level, long sinceMs)
        {
            _level = level;
            _levelSinceMs = sinceMs;
            _levelChangeCount++;
            _deviationTicks = 0;
            _deviationBits = 0;
        }

        private int Count(bool seen, int ticks, long nowMs, ref long sinceMs)
        {
            if (!seen)
            {
                return 0;
            }

            if (ticks == 0)
            {
                sinceMs = nowMs;
            }

            return ticks < _debounceTicks ? ticks + 1 : ticks;
        }
    }
}
