using System.Device.Pwm;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// A PWM output on System.Device.Pwm, such as the 1 kHz control-pilot generator.
    /// PwmChannel.CreateFromPin returns null when the pin has no PWM function: on ESP32 the board file
    /// routes the pin (Configuration.SetPinFunction) before this is created.
    /// </summary>
    public sealed class NanoPwmOutput : IPwmOutput
    {
        private readonly PwmChannel _channel;
        private readonly int _frequencyHz;
        private double _dutyCycle;
        private bool _running;

        /// <param name="initialDutyFraction">Duty applied before Start; 1.0 holds the pilot at +12 V (state A).</param>
        public NanoPwmOutput(int pin, int frequencyHz, double initialDutyFraction)
        {
            CheckDuty(initialDutyFraction);
            _channel = PwmChannel.CreateFromPin(pin, frequencyHz, initialDutyFraction);
            if (_channel == null)
            {
                throw new HardwareConfigurationException("pin " + pin + " has no PWM function: route it to a PWM channel in the board file");
            }

            _frequencyHz = frequencyHz;
            _dutyCycle = initialDutyFraction;
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

        public void SetDutyCycle(double dutyFraction)
        {
            CheckDuty(dutyFraction);
            _channel.DutyCycle = dutyFraction;
            _dutyCycle = dutyFraction;
        }

        public void Start()
        {
            _channel.Start();
            _running = true;
        }

        public void Stop()
        {
            _channel.Stop();
            _running = false;
        }

        private static void CheckDuty(double dutyFraction)
        {
            if (dutyFraction < 0.0 || dutyFraction > 1.0)
            {
                throw new System.ArgumentOutOfRangeException("dutyFraction", "duty must be within 0.0 and 1.0");
            }
        }
    }
}
