using System.Device.Gpio;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>A GPIO input (contactor auxiliary contact, RCD trip, emergency stop). Polarity belongs to the board profile.</summary>
    public sealed class NanoDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        /// <param name="mode">Input, InputPullUp or InputPullDown, as the board's wiring needs.</param>
        public NanoDigitalInput(GpioController gpio, int pin, PinMode mode)
        {
            if (mode != PinMode.Input && mode != PinMode.InputPullUp && mode != PinMode.InputPullDown)
            {
                throw new HardwareConfigurationException("pin " + pin + " is an input; mode " + ModeName(mode) + " is an output mode");
            }

            _pin = gpio.OpenPin(pin, mode);
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        // PinMode belongs to System.Device.Gpio; its ToString gives the number on the board (NF1016).
        private static string ModeName(PinMode mode)
        {
            return mode switch
            {
                PinMode.Output => "Output",
                PinMode.OutputOpenDrain => "OutputOpenDrain",
                PinMode.OutputOpenDrainPullUp => "OutputOpenDrainPullUp",
                PinMode.OutputOpenSource => "OutputOpenSource",
                PinMode.OutputOpenSourcePullDown => "OutputOpenSourcePullDown",
                _ => "?" + (int)mode,
            };
        }
    }
}
