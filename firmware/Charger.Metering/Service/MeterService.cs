using Charger.Metering.Modbus;
using Charger.Metering.Profiles;

namespace Charger.Metering.Service
{
    /// <summary>
    /// Polls one meter on a fixed period through the Modbus master, turns the profile's register blocks into
    /// a <see cref="MeterReading"/>, and judges the meter's health: the energy register must never go back,
    /// and a number of failed polls in a row means the meter is lost. Driven by <see cref="Tick"/> from the
    /// runtime's slow duties; never waits. The safety supervisor reads <see cref="IsHealthy"/> and the phase
    /// currents each tick (e.g. ReportMeter(nowMs, IsHealthy, GetPhaseCurrentA(1..3))).
    /// </summary>
    public sealed class MeterService
    {
        public const int DefaultPollPeriodMs = 1000;

        public const int DefaultLostAfterFailedPolls = 5;

        /// <summary>
        /// Readings in a row that disagree with the last accepted energy (lower, or a step no rated power
        /// explains) but agree with each other, after which they become the new baseline: a swapped or
        /// reset meter must not stop the station for good. Each is still a failed poll, so fewer than
        /// <see cref="DefaultLostAfterFailedPolls"/> keeps the meter Degraded, not Lost, meanwhile.
        /// </summary>
        public const int RebaselineAfterConsistentReadings = 3;

        private readonly ModbusRtuMaster _master;
        private readonly IMeterProfile _profile;
        private readonly byte _slaveAddress;
        private readonly MeterReading _working = new MeterReading();
        private readonly ushort[] _registers = new ushort[ModbusRtuMaster.MaxReadRegisters];
        private readonly MeterPlausibility _plausibility = new MeterPlausibility();
        private readonly MeterReading _candidate = new MeterReading();
        private int _consistentCandidates;

        private int _pollPeriodMs = DefaultPollPeriodMs;
        private int _lostAfterFailedPolls = DefaultLostAfterFailedPolls;
        private MeterLossPolicy _lossPolicy = MeterLossPolicy.StopCharging;

        private MeterReading _latest;
        private MeterHealth _health = MeterHealth.Unknown;
        private MeterPollFailure _lastFailure = MeterPollFailure.None;
        private ModbusError _lastModbusError = ModbusError.None;
        private ModbusExceptionCode _lastExceptionCode = ModbusExceptionCode.None;

        private bool _polling;
        private bool _started;
        private int _block;
        private long _nextPollMs;
        private int _consecutiveFailedPolls;

        public MeterService(ModbusRtuMaster master, IMeterProfile profile, byte slaveAddress)
        {
            if (master == null)
            {
                throw new System.ArgumentNullException("master");
            }

            if (profile == null)
            {
                throw new System.ArgumentNullException("profile");
            }

            _master = master;
            _profile = profile;
            _slaveAddress = slaveAddress;
        }

        public event MeterReadingHandler ReadingAccepted;

        public event MeterHealthChangedHandler HealthChanged;

        public IMeterProfile Profile
        {
            get { return _profile; }
        }

        public ModbusRtuMaster Master
        {
            get { return _master; }
        }

        public int PollPeriodMs
        {
            get { return _pollPeriodMs; }
            set
            {
                if (value <= 0)
                {
                    throw new System.ArgumentOutOfRangeException("PollPeriodMs", "must be positive");
                }

                _pollPeriodMs = value;
            }
        }

        /// <summary>Failed polls in a row after which the meter counts as lost.</summary>
        public int LostAfterFailedPolls
        {
            get { return _lostAfterFailedPolls; }
            set
            {
                if (value < 1)
                {
                    throw new System.ArgumentOutOfRangeException("LostAfterFailedPolls", "must be at least 1");
                }

                _lostAfterFailedPolls = value;
            }
        }

        public MeterLossPolicy LossPolicy
        {
            get { return _lossPolicy; }
            set { _lossPolicy = value; }
        }

        /// <summary>The last accepted reading, or null before the first one.</summary>
        public MeterReading LatestReading
        {
            get { return _latest; }
        }

        public MeterHealth Health
        {
            get { return _health; }
        }

        /// <summary>True when the last poll gave a good reading: its phase currents are current.</summary>
        public bool IsHealthy
        {
            get { return _health == MeterHealth.Healthy; }
        }

        /// <summary>
        /// False when the meter is lost, or has never answered, under <see cref="MeterLossPolicy.StopCharging"/>:
        /// without a meter a session cannot be billed. Always true under ContinueAndFlag.
        /// </summary>
        public bool ChargingPermitted
        {
            get
            {
                if (_lossPolicy == MeterLossPolicy.ContinueAndFlag)
                {
                    return true;
                }

                return _health == MeterHealth.Healthy || _health == MeterHealth.Degraded;
            }
        }

        /// <summary>True while measurands are missing (meter lost or not yet read): the data must be flagged.</summary>
        public bool DataMissing
        {
            get { return _health == MeterHealth.Lost || _health == MeterHealth.Unknown; }
        }

        public int ConsecutiveFailedPolls
        {
            get { return _consecutiveFailedPolls; }
        }

        public MeterPollFailure LastFailure
        {
            get { return _lastFailure; }
        }

        public ModbusError LastModbusError
        {
            get { return _lastModbusError; }
        }

        public ModbusExceptionCode LastExceptionCode
        {
            get { return _lastExceptionCode; }
        }

        public int PollsStarted { get; private set; }

        public int PollsSucceeded { get; private set; }

        public int PollsFailed { get; private set; }

        public int EnergyDecreases { get; private set; }

        public int InvalidReadings { get; private set; }

        /// <summary>Readings refused because a value broke the physical bounds of <see cref="Plausibility"/>.</summary>
        public int ImplausibleReadings { get; private set; }

        /// <summary>Why the last implausible reading was refused (for the log and the console), or null.</summary>
        public string LastImplausibleReason { get; private set; }

        /// <summary>Times a new energy baseline was taken after consistent readings disagreed with the old one.</summary>
        public int EnergyRebaselines { get; private set; }

        /// <summary>Bounds every decoded reading is checked against; adjust them to the meter's rating.</summary>
        public MeterPlausibility Plausibility
        {
            get { return _plausibility; }
        }

        /// <summary>Raised for each refused reading (implausible value, energy fault) with the reason, for the log.</summary>
        public event MeterReadingRefusedHandler ReadingRefused;

        /// <summary>Times the meter went from lost back to healthy.</summary>
        public int Recoveries { get; private set; }

        /// <summary>Current.Import of phase 1..3 in A from the last accepted reading (0 before the first).</summary>
        public double GetPhaseCurrentA(int phase)
        {
            return _latest == null ? 0 : _latest.GetCurrentA(phase);
        }

        /// <summary>When the phase currents were read (ms), or -1 before the first reading.</summary>
        public long PhaseCurrentsReadAtMs
        {
            get { return _latest == null ? -1 : _latest.ReadAtMs; }
        }

        public void Tick(long nowMs)
        {
            if (!_started)
            {
                _started = true;
                _nextPollMs = nowMs;
            }

            if (!_polling && nowMs >= _nextPollMs)
            {
                StartPoll(nowMs);
            }

            if (!_polling)
            {
                _master.Tick(nowMs);
                return;
            }

            // A poll may finish several blocks in one tick when answers are already waiting.
            ModbusTransactionState state = _master.Tick(nowMs);
            while (_polling && state != ModbusTransactionState.Busy)
            {
                if (state == ModbusTransactionState.Failed)
                {
                    _lastModbusError = _master.LastError;
                    _lastExceptionCode = _master.LastExceptionCode;
                    _master.Reset();
                    PollFailed(MeterPollFailure.Communication, nowMs);
                    return;
                }

                _master.CopyRegisters(_registers, 0);
                _master.Reset();
                if (!_profile.Decode(_block, _registers, _working))
                {
                    InvalidReadings++;
                    PollFailed(MeterPollFailure.InvalidValue, nowMs);
                    return;
                }

                _block++;
                if (_block >= _profile.BlockCount)
                {
                    FinishPoll(nowMs);
                    return;
                }

                BeginBlock();
                state = _master.Tick(nowMs);
            }
        }

        private void StartPoll(long nowMs)
        {
            // Fixed rate: the next poll is due one period after this one started, not after it ended.
            _nextPollMs = nowMs + _pollPeriodMs;
            _polling = true;
            _block = 0;
            PollsStarted++;
            _master.Reset();
            BeginBlock();
        }

        private void BeginBlock()
        {
            ushort start = _profile.GetBlockStart(_block);
            int length = _profile.GetBlockLength(_block);
            if (_profile.ReadFunction == ModbusFunctionCode.ReadInputRegisters)
            {
                _master.BeginReadInputRegisters(_slaveAddress, start, length);
            }
            else
            {
                _master.BeginReadHoldingRegisters(_slaveAddress, start, length);
            }
        }

        private void FinishPoll(long nowMs)
        {
            _polling = false;
            _working.ReadAtMs = nowMs;
            string implausible = _plausibility.Check(_working);
            if (implausible != null)
            {
                // A value no installation can produce: skip it without touching the last good reading,
                // so the next good one is judged against that, not against the lie.
                ImplausibleReadings++;
                Refuse(MeterPollFailure.Implausible, implausible, nowMs);
                return;
            }

            if (_latest != null && !EnergyFollows(_latest, _working))
            {
                // A cumulative register cannot go back nor jump faster than the rated power allows: the
                // meter is faulty or was swapped. Billing must not use this value unless readings keep
                // agreeing with each other (a new baseline, see RebaselineAfterConsistentReadings).
                bool decreased = _working.EnergyActiveImportWh < _latest.EnergyActiveImportWh;
                if (decreased)
                {
                    EnergyDecreases++;
                }
                else
                {
                    ImplausibleReadings++;
                }

                if (_consistentCandidates > 0 && EnergyFollows(_candidate, _working))
                {
                    _consistentCandidates++;
                }
                else
                {
                    _consistentCandidates = 1;
                }

                _candidate.CopyFrom(_working);
                if (_consistentCandidates < RebaselineAfterConsistentReadings)
                {
                    Refuse(decreased ? MeterPollFailure.EnergyDecreased : MeterPollFailure.Implausible,
                        decreased ? "energy register went back" : "energy step above the rated power", nowMs);
                    return;
                }

                EnergyRebaselines++;
            }

            _consistentCandidates = 0;

            // The one allocation per poll: consumers may keep the reading they are handed.
            MeterReading accepted = new MeterReading();
            accepted.CopyFrom(_working);
            _latest = accepted;
            PollsSucceeded++;
            _consecutiveFailedPolls = 0;
            _lastFailure = MeterPollFailure.None;
            _lastModbusError = ModbusError.None;
            _lastExceptionCode = ModbusExceptionCode.None;
            if (_health == MeterHealth.Lost)
            {
                Recoveries++;
            }

            SetHealth(MeterHealth.Healthy, nowMs);
            MeterReadingHandler handler = ReadingAccepted;
            if (handler != null)
            {
                handler(accepted);
            }
        }

        // Whether energy in `next` can follow `previous`: not lower, and no faster than the rated power allows.
        private bool EnergyFollows(MeterReading previous, MeterReading next)
        {
            double step = next.EnergyActiveImportWh - previous.EnergyActiveImportWh;
            int phases = next.PhaseCount < 1 ? _profile.PhaseCount : next.PhaseCount;
            return step >= 0 && step <= _plausibility.MaxEnergyStepWh(phases, next.ReadAtMs - previous.ReadAtMs);
        }

        private void Refuse(MeterPollFailure failure, string reason, long nowMs)
        {
            LastImplausibleReason = reason;
            PollFailed(failure, nowMs);
            MeterReadingRefusedHandler handler = ReadingRefused;
            if (handler != null)
            {
                handler(failure, reason, nowMs);
            }
        }

        private void PollFailed(MeterPollFailure failure, long nowMs)
        {
            _polling = false;
            PollsFailed++;
            _lastFailure = failure;
            _consecutiveFailedPolls++;
            if (_consecutiveFailedPolls >= _lostAfterFailedPolls)
            {
                SetHealth(MeterHealth.Lost, nowMs);
            }
            else if (_health == MeterHealth.Healthy)
            {
                SetHealth(MeterHealth.Degraded, nowMs);
            }
        }

        private void SetHealth(MeterHealth health, long nowMs)
        {
            if (health == _health)
            {
                return;
            }

            MeterHealth previous = _health;
            _health = health;
            MeterHealthChangedHandler handler = HealthChanged;
            if (handler != null)
            {
                handler(previous, health, nowMs);
            }
        }
    }
}
