namespace Charger.Hal
{
    /// <summary>
    /// A PWM output such as the 1 kHz control-pilot generator. A duty of 1.0 holds the line high
    /// (+12 V on the pilot), 0.0 holds it low (-12 V, state F).
    /// </summary>
    public interface IPwmOutput
    {
        int FrequencyHz { get; }

        /// <summary>Duty cycle as a fraction from 0.0 to 1.0.</summary>
        double DutyCycle { get; }

        bool IsRunning { get; }

        void SetDutyCycle(double dutyFraction);

        void Start();

        void Stop();
    }
}
