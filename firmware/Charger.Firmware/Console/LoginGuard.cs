namespace Charger.Firmware.Console
{
    /// <summary>
    /// Counts wrong maintenance passwords and locks the login after a run of them. Each lockout
    /// lasts twice the one before (up to a cap) until a correct password resets the count, so
    /// guessing slows down geometrically. Time is the tick's nowMs, never a wall clock.
    /// </summary>
    public sealed class LoginGuard
    {
        private readonly int _failuresBeforeLockout;
        private readonly long _baseLockoutMs;
        private readonly long _maxLockoutMs;
        private int _consecutiveFailures;
        private int _lockoutCount;
        private long _lockedUntilMs;
        private long _lastLockoutMs;
        private long _totalFailures;

        public LoginGuard(int failuresBeforeLockout, long baseLockoutMs, long maxLockoutMs)
        {
            if (failuresBeforeLockout <= 0)
            {
                throw new System.ArgumentOutOfRangeException("failuresBeforeLockout", "must be positive");
            }

            if (baseLockoutMs <= 0 || maxLockoutMs < baseLockoutMs)
            {
                throw new System.ArgumentOutOfRangeException("baseLockoutMs", "lockout must be positive and not above its cap");
            }

            _failuresBeforeLockout = failuresBeforeLockout;
            _baseLockoutMs = baseLockoutMs;
            _maxLockoutMs = maxLockoutMs;
        }

        /// <summary>Wrong passwords since the last success or lockout.</summary>
        public int ConsecutiveFailures
        {
            get { return _consecutiveFailures; }
        }

        public int FailuresBeforeLockout
        {
            get { return _failuresBeforeLockout; }
        }

        /// <summary>Lockouts since the last correct password.</summary>
        public int LockoutCount
        {
            get { return _lockoutCount; }
        }

        /// <summary>Length of the most recent lockout.</summary>
        public long LastLockoutMs
        {
            get { return _lastLockoutMs; }
        }

        public long TotalFailures
        {
            get { return _totalFailures; }
        }

        public bool IsLockedOut(long nowMs)
        {
            return nowMs < _lockedUntilMs;
        }

        public long RemainingLockoutMs(long nowMs)
        {
            return nowMs < _lockedUntilMs ? _lockedUntilMs - nowMs : 0;
        }

        /// <summary>Records a wrong password; true when it started a lockout.</summary>
        public bool RecordFailure(long nowMs)
        {
            _totalFailures++;
            _consecutiveFailures++;
            if (_consecutiveFailures < _failuresBeforeLockout)
            {
                return false;
            }

            _consecutiveFailures = 0;
            _lockoutCount++;
            _lastLockoutMs = LockoutLengthMs(_lockoutCount);
            _lockedUntilMs = nowMs + _lastLockoutMs;
            return true;
        }

        public void RecordSuccess()
        {
            _consecutiveFailures = 0;
            _lockoutCount = 0;
        }

        /// <summary>The base doubled for every lockout after the first, never above the cap.</summary>
        public long LockoutLengthMs(int lockoutNumber)
        {
            long length = _baseLockoutMs;
            for (int i = 1; i < lockoutNumber && length < _maxLockoutMs; i++)
            {
                length *= 2;
            }

            return length < _maxLockoutMs ? length : _maxLockoutMs;
        }
    }
}
