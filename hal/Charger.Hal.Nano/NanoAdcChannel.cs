using System.Device.Adc;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// One ADC input on System.Device.Adc. Returns raw counts; the board profile converts them. On
    /// ESP32 the pin must be routed to its ADC1 channel first (board file).
    /// </summary>
    public sealed class NanoAdcChannel : IAdcChannel
    {
        private readonly AdcChannel _channel;
        private readonly int _maxValue;

        public NanoAdcChannel(AdcController controller, int channelNumber)
        {
            if (controller == null)
            {
                throw new System.ArgumentNullException("controller");
            }

            if (channelNumber < 0 || channelNumber >= controller.ChannelCount)
            {
                throw new HardwareConfigurationException("ADC channel " + channelNumber + " does not exist: this board has "
                    + controller.ChannelCount + " channels");
            }

            _channel = controller.OpenChannel(channelNumber);
            _maxValue = controller.MaxValue;
        }

        public int MaxValue
        {
            get { return _maxValue; }
        }

        public int ReadRaw()
        {
            return _channel.ReadValue();
        }
    }
}
