using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>A simulated PWM generator that remembers what the firmware asked of it.</summary>
    public sealed class SimPwmOutput : IPwmOutput
    {
        private readonly int _frequencyHz;
        private double _dutyCycle;
        private bool _running;
        private int _changeCount;

        public SimPwmOutput(int frequencyHz)
        {
            _frequencyHz = frequencyHz;
        }

        public int FrequencyHz
        {
            get { return _frequencyHz; }
        }

        public double DutyCycle
        {
            get { return _dutyCycle; }
        }

        public bool IsRunning
        {
            get { return _running; }
        }

        /// <summary>How many times duty or run state changed (for rate-limit tests).</summary>
        public int ChangeCount
        {
            get { return _changeCount; }
        }

        public void SetDutyCycle(double dutyFraction)
        {
            if (dutyFraction < 0.0 || dutyFraction > 1.0)
            {
                throw new System.ArgumentOutOfRangeException("dutyFraction", "duty must be within 0.0 and 1.0");
            }

            if (dutyFraction != _dutyCycle)
            {
                _changeCount++;
            }

            _dutyCycle = dutyFraction;
        }

        public void Start()
        {
            if (!_running)
            {
                _changeCount++;
            }

            _running = true;
        }

        public void Stop()
        {
            if (_running)
            {
                _changeCount++;
            }

            _running = false;
        }
    }
}
