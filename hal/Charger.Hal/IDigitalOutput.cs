namespace Charger.Hal
{
    /// <summary>A digital output (contactor coil, connector lock, LED, RS-485 driver enable).</summary>
    public interface IDigitalOutput
    {
        /// <summary>The level last written.</summary>
        bool State { get; }

        void Write(bool high);
    }
}
