namespace Charger.Hal.Sim
{
    /// <summary>
    /// Produces the next conversion of a simulated analog input, in counts. Called once per
    /// <see cref="Charger.Hal.IAdcChannel.ReadRaw"/>, so a model can walk through a waveform
    /// (the pilot's PWM plateaus) sample by sample.
    /// </summary>
    public delegate int AdcSampler();
}
