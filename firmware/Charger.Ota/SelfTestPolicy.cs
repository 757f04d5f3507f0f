namespace Charger.Ota
{
    /// <summary>
    /// When a trial image has proven itself, fed by the station every tick. Passed: charge control
    /// healthy without a break for <see cref="HealthyForMs"/> and, at that point, either the OCPP
    /// registration Accepted or the station offline without a break for <see cref="OfflineForMs"/>
    /// (an update must not be rolled back only because the CSMS is unreachable). Failed: no pass
    /// within <see cref="DeadlineMs"/> of the first tick (charge control kept failing, or the CSMS
    /// answered but never accepted the registration). The verdict latches.
    /// </summary>
    public sealed class SelfTestPolicy
    {
        private long _startMs = -1;
        private long _healthySinceMs = -1;
        private long _offlineSinceMs = -1;
        private SelfTestVerdict _verdict = SelfTestVerdict.Pending;

        public SelfTestPolicy(int healthyForMs, int offlineForMs, int deadlineMs)
        {
            if (healthyForMs < 1000 || healthyForMs > 3600000)
            {
                throw new System.ArgumentOutOfRangeException("healthyForMs", "1 s to 1 h");
            }

            if (offlineForMs < healthyForMs || offlineForMs > 86400000)
            {
                throw new System.ArgumentOutOfRangeException("offlineForMs", "healthyForMs to 24 h");
            }

            if (deadlineMs <= offlineForMs || deadlineMs > 172800000)
            {
                throw new System.ArgumentOutOfRangeException("deadlineMs", "more than offlineForMs, at most 48 h");
            }

            HealthyForMs = healthyForMs;
            OfflineForMs = offlineForMs;
            DeadlineMs = deadlineMs;
        }

        /// <summary>The product's choice: 2 min healthy, 10 min offline, 30 min deadline.</summary>
        public static SelfTestPolicy ProductDefault()
        {
            return new SelfTestPolicy(120000, 600000, 1800000);
        }

        public int HealthyForMs { get; private set; }

        public int OfflineForMs { get; private set; }

        public int DeadlineMs { get; private set; }

        public SelfTestVerdict Verdict
        {
            get { return _verdict; }
        }

        public SelfTestVerdict Update(long nowMs, bool chargeControlHealthy, bool registrationAccepted, bool online)
        {
            if (_verdict != SelfTestVerdict.Pending)
            {
                return _verdict;
            }

            if (_startMs < 0)
            {
                _startMs = nowMs;
            }

            _healthySinceMs = chargeControlHealthy ? (_healthySinceMs < 0 ? nowMs : _healthySinceMs) : -1;
            _offlineSinceMs = online ? -1 : (_offlineSinceMs < 0 ? nowMs : _offlineSinceMs);
            bool healthyLongEnough = _healthySinceMs >= 0 && nowMs - _healthySinceMs >= HealthyForMs;
            bool offlineLongEnough = _offlineSinceMs >= 0 && nowMs - _offlineSinceMs >= OfflineForMs;
            if (healthyLongEnough && ((online && registrationAccepted) || offlineLongEnough))
            {
                _verdict = SelfTestVerdict.Passed;
            }
            else if (nowMs - _startMs >= DeadlineMs)
            {
                _verdict = SelfTestVerdict.Failed;
            }

            return _verdict;
        }
    }
}
