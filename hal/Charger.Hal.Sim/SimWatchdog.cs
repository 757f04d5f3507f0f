using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// A watchdog on the virtual clock: <see cref="HasExpired"/> tells a test whether the firmware
    /// stopped feeding it for longer than its timeout.
    /// </summary>
    public sealed class SimWatchdog : IWatchdog
    {
        private readonly IClock _clock;
        private int _timeoutMs;
        private long _lastFeedMs;
        private bool _started;

        public SimWatchdog(IClock clock)
        {
            _clock = clock;
        }

        public int FeedCount { get; private set; }

        public bool IsStarted
        {
            get { return _started; }
        }

        public bool HasExpired
        {
            get { return _started && _clock.NowMs - _lastFeedMs > _timeoutMs; }
        }

        public void Start(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
            _lastFeedMs = _clock.NowMs;
            _started = true;
        }

        public void Feed()
        {
            _lastFeedMs = _clock.NowMs;
            FeedCount++;
        }
    }
}
