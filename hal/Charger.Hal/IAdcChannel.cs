namespace Charger.Hal
{
    /// <summary>
    /// One analog input. Returns raw converter counts; conversion to volts or ohms belongs to the
    /// board profile, so the logic never depends on one converter's resolution.
    /// </summary>
    public interface IAdcChannel
    {
        /// <summary>Largest count the converter returns (4095 for a 12-bit ADC).</summary>
        int MaxValue { get; }

        /// <summary>One conversion, in counts from 0 to <see cref="MaxValue"/>.</summary>
        int ReadRaw();
    }
}
