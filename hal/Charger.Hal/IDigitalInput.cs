namespace Charger.Hal
{
    /// <summary>A digital input (contactor auxiliary contact, RCD trip, emergency stop).</summary>
    public interface IDigitalInput
    {
        /// <summary>True when the pin reads high. Polarity is the board file's concern.</summary>
        bool Read();
    }
}
