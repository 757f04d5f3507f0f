namespace System.Device.Pwm
{
    // System.Device.Pwm/PwmChannel.cs: CreateFromPin returns null when no timer serves the pin.
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { }
        public int Frequency { get { throw null; } set { } }
        public double DutyCycle { get { throw null; } set { } }
        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }
        public void Start() { }
        public void Stop() { }
        public void Dispose() { }
    }
}
