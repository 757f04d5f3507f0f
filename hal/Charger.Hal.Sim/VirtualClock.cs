using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// Monotonic time that moves only when the simulation says so, so a day of charging runs in
    /// milliseconds and every run with the same inputs replays exactly.
    /// </summary>
    public sealed class VirtualClock : IClock
    {
        private long _nowMs;

        public VirtualClock(long startMs)
        {
            _nowMs = startMs;
        }

        public VirtualClock() : this(0)
        {
        }

        public long NowMs
        {
            get { return _nowMs; }
        }

        public void Advance(long deltaMs)
        {
            if (deltaMs < 0)
            {
                throw new System.ArgumentOutOfRangeException("deltaMs", "a monotonic clock cannot go back");
            }

            _nowMs += deltaMs;
        }

        public void Set(long nowMs)
        {
            if (nowMs < _nowMs)
            {
                throw new System.ArgumentOutOfRangeException("nowMs", "a monotonic clock cannot go back");
            }

            _nowMs = nowMs;
        }
    }
}
