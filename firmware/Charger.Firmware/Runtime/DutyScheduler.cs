using Charger.Hal;

namespace Charger.Firmware.Runtime
{
    /// <summary>
    /// Runs periodic duties from the tick. Fixed capacity, no allocation per tick. A duty that
    /// falls behind (the tick stalled) runs once and is rescheduled from now instead of running a
    /// burst of catch-up calls; the missed periods are counted.
    /// </summary>
    public sealed class DutyScheduler
    {
        private readonly ILog _log;
        private readonly IPeriodicDuty[] _duties;
        private readonly string[] _names;
        private readonly int[] _periodsMs;
        private readonly long[] _nextDueMs;
        private readonly long[] _runCounts;
        private readonly long[] _failureCounts;
        private int _count;
        private long _missedPeriods;

        public DutyScheduler(int capacity, ILog log)
        {
            _log = log;
            _duties = new IPeriodicDuty[capacity];
            _names = new string[capacity];
            _periodsMs = new int[capacity];
            _nextDueMs = new long[capacity];
            _runCounts = new long[capacity];
            _failureCounts = new long[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Periods skipped because a duty was late by more than one period.</summary>
        public long MissedPeriods
        {
            get { return _missedPeriods; }
        }

        /// <summary>
        /// Adds a duty that first runs at <paramref name="firstDueMs"/> and then every
        /// <paramref name="periodMs"/>. Returns its index for <see cref="SetPeriod"/>.
        /// </summary>
        public int Register(string name, IPeriodicDuty duty, int periodMs, long firstDueMs)
        {
            if (duty == null)
            {
                throw new System.ArgumentNullException("duty");
            }

            if (periodMs <= 0)
            {
                throw new System.ArgumentOutOfRangeException("periodMs", name + ": a period must be positive");
            }

            if (_count == _duties.Length)
            {
                throw new System.InvalidOperationException("duty scheduler full (" + _duties.Length + "), cannot add " + name);
            }

            _duties[_count] = duty;
            _names[_count] = name;
            _periodsMs[_count] = periodMs;
            _nextDueMs[_count] = firstDueMs;
            return _count++;
        }

        /// <summary>Changes a duty's period (a configuration variable changed); it next runs one new period after its last run.</summary>
        public void SetPeriod(int index, int periodMs)
        {
            if (periodMs <= 0)
            {
                throw new System.ArgumentOutOfRangeException("periodMs", _names[index] + ": a period must be positive");
            }

            _nextDueMs[index] += periodMs - _periodsMs[index];
            _periodsMs[index] = periodMs;
        }

        public string GetName(int index)
        {
            return _names[index];
        }

        public int GetPeriod(int index)
        {
            return _periodsMs[index];
        }

        public long GetRunCount(int index)
        {
            return _runCounts[index];
        }

        public long GetFailureCount(int index)
        {
            return _failureCounts[index];
        }

        public void RunDue(long nowMs)
        {
            RunDue(nowMs, null);
        }

        /// <summary>Runs the due duties, timing each with <paramref name="profiler"/> when it is not null.</summary>
        public void RunDue(long nowMs, ITickProfiler profiler)
        {
            for (int i = 0; i < _count; i++)
            {
                if (nowMs < _nextDueMs[i])
                {
                    continue;
                }

                long late = nowMs - _nextDueMs[i];
                if (late >= _periodsMs[i])
                {
                    _missedPeriods += late / _periodsMs[i];
                    _nextDueMs[i] = nowMs + _periodsMs[i];
                }
                else
                {
                    _nextDueMs[i] += _periodsMs[i];
                }

                _runCounts[i]++;
                long startTicks = profiler == null ? 0 : profiler.NowTicks();
                try
                {
                    _duties[i].Run(nowMs);
                    if (profiler != null)
                    {
                        profiler.Record(_names[i], true, profiler.NowTicks() - startTicks, nowMs);
                    }
                }
                catch (System.Exception ex)
                {
                    // A failing duty (meter, OCPP) must not stop the others or the tick.
                    _failureCounts[i]++;
                    _log.Write(LogLevel.Error, "runtime", "duty " + _names[i] + " failed: " + ex.Message);
                }
            }
        }
    }
}
