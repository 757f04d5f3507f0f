using System.Device.Gpio;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>A GPIO output (contactor coil driver, lock motor, LED, RS-485 driver enable).</summary>
    public sealed class NanoDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private bool _state;

        /// <param name="initialHigh">Level written before anything else runs: the safe state of what the pin drives.</param>
        public NanoDigitalOutput(GpioController gpio, int pin, bool initialHigh)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            Write(initialHigh);
        }

        public bool State
        {
            get { return _state; }
        }

        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
            _state = high;
        }
    }
}
