using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>A digital output that records its level and how often it was written.</summary>
    public sealed class SimDigitalOutput : IDigitalOutput
    {
        private bool _state;

        public bool State
        {
            get { return _state; }
        }

        public int WriteCount { get; private set; }

        /// <summary>Raised after each write with the new level (a contactor model listens).</summary>
        public event DigitalLevelHandler Written;

        public void Write(bool high)
        {
            _state = high;
            WriteCount++;
            DigitalLevelHandler handler = Written;
            if (handler != null)
            {
                handler(high);
            }
        }
    }
}
