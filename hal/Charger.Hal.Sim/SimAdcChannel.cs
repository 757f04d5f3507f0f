using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// A simulated ADC input: a fixed value set by the test, or a model's sampler. Values are
    /// clamped to the converter range as real hardware would.
    /// </summary>
    public sealed class SimAdcChannel : IAdcChannel
    {
        private readonly int _maxValue;
        private int _value;
        private AdcSampler _sampler;
        private long _readCount;

        public SimAdcChannel(int maxValue)
        {
            _maxValue = maxValue;
        }

        public int MaxValue
        {
            get { return _maxValue; }
        }

        /// <summary>How many conversions the firmware asked for.</summary>
        public long ReadCount
        {
            get { return _readCount; }
        }

        /// <summary>A fixed reading; removes any sampler.</summary>
        public int Value
        {
            get { return _value; }
            set
            {
                _sampler = null;
                _value = value;
            }
        }

        public AdcSampler Sampler
        {
            get { return _sampler; }
            set { _sampler = value; }
        }

        public int ReadRaw()
        {
            _readCount++;
            int raw = _sampler != null ? _sampler() : _value;
            if (raw < 0)
            {
                return 0;
            }

            return raw > _maxValue ? _maxValue : raw;
        }
    }
}
