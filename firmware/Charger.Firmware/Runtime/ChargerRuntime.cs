using Charger.Hal;

namespace Charger.Firmware.Runtime
{
    /// <summary>
    /// The one loop. <see cref="Tick"/> runs every stage in order, then the periodic duties, then
    /// feeds the watchdog. Time arrives as an argument; nothing here reads a clock or sleeps, so the
    /// simulator can drive it in virtual time and a failing test replays exactly.
    /// </summary>
    public sealed class ChargerRuntime
    {
        /// <summary>Default tick: 10 ms, fast enough to open contactors within 30 ms of a cause.</summary>
        public const int DefaultTickPeriodMs = 10;

        /// <summary>A tick that arrives this late is counted as an overrun (2.5 periods).</summary>
        private const int OverrunFactorTenths = 25;

        private readonly ILog _log;
        private readonly IWatchdog _watchdog;
        private readonly ITickStage[] _stages;
        private readonly DutyScheduler _scheduler;
        private readonly int _tickPeriodMs;
        private IFailSafe _failSafe;
        private int _stageCount;
        private long _lastTickMs = -1;
        private ITickProfiler _profiler;
        private long _tickCount;
        private long _overrunCount;
        private long _stageFailureCount;

        public ChargerRuntime(ILog log, IWatchdog watchdog, int tickPeriodMs, int maxStages, int maxDuties)
        {
            if (log == null)
            {
                throw new System.ArgumentNullException("log");
            }

            if (tickPeriodMs <= 0)
            {
                throw new System.ArgumentOutOfRangeException("tickPeriodMs", "must be positive");
            }

            _log = log;
            _watchdog = watchdog;
            _tickPeriodMs = tickPeriodMs;
            _stages = new ITickStage[maxStages];
            _scheduler = new DutyScheduler(maxDuties, log);
        }

        public ChargerRuntime(ILog log, IWatchdog watchdog) : this(log, watchdog, DefaultTickPeriodMs, 16, 32)
        {
        }

        public int TickPeriodMs
        {
            get { return _tickPeriodMs; }
        }

        public DutyScheduler Scheduler
        {
            get { return _scheduler; }
        }

        public long TickCount
        {
            get { return _tickCount; }
        }

        /// <summary>Ticks that came later than 2.5 periods after the previous one.</summary>
        public long OverrunCount
        {
            get { return _overrunCount; }
        }

        public long StageFailureCount
        {
            get { return _stageFailureCount; }
        }

        public long LastTickMs
        {
            get { return _lastTickMs; }
        }

        /// <summary>Called when a stage throws; the safety supervisor sets itself here.</summary>
        public IFailSafe FailSafe
        {
            get { return _failSafe; }
            set { _failSafe = value; }
        }

        /// <summary>Adds a stage to run every tick after the stages added before it.</summary>
        /// <summary>Times every stage and duty when set (measurement runs only; see <see cref="ITickProfiler"/>).</summary>
        public ITickProfiler Profiler
        {
            get { return _profiler; }
            set { _profiler = value; }
        }

        public void AddStage(ITickStage stage)
        {
            if (stage == null)
            {
                throw new System.ArgumentNullException("stage");
            }

            if (_stageCount == _stages.Length)
            {
                throw new System.InvalidOperationException("too many tick stages (" + _stages.Length + "), cannot add " + stage.Name);
            }

            _stages[_stageCount++] = stage;
        }

        public void Tick(long nowMs)
        {
            if (nowMs < _lastTickMs)
            {
                // The clock is monotonic by contract; a step back is a HAL defect. Refuse the tick
                // rather than run timers backwards.
                _log.Write(LogLevel.Error, "runtime", "tick refused: time went back from " + _lastTickMs + " to " + nowMs + " ms");
                return;
            }

            if (_lastTickMs >= 0 && (nowMs - _lastTickMs) * 10 > (long)_tickPeriodMs * OverrunFactorTenths)
            {
                _overrunCount++;
            }

            _lastTickMs = nowMs;
            _tickCount++;
            ITickProfiler profiler = _profiler;
            for (int i = 0; i < _stageCount; i++)
            {
                long startTicks = profiler == null ? 0 : profiler.NowTicks();
                try
                {
                    _stages[i].Tick(nowMs);
                    if (profiler != null)
                    {
                        profiler.Record(_stages[i].Name, false, profiler.NowTicks() - startTicks, nowMs);
                    }
                }
                catch (System.Exception ex)
                {
                    _stageFailureCount++;
                    string reason = "stage " + _stages[i].Name + " failed: " + ex.Message;
                    _log.Write(LogLevel.Error, "runtime", reason);
                    if (_failSafe != null)
                    {
                        _failSafe.EnterSafeState(reason);
                    }
                }
            }

            _scheduler.RunDue(nowMs, profiler);
            if (_watchdog != null)
            {
                _watchdog.Feed();
            }
        }
    }
}
