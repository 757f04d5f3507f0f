namespace System.Device.Adc
{
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential = 1,
    }

    public interface IAdcController
    {
        int ChannelCount { get; }
        AdcChannelMode ChannelMode { get; set; }
        int MaxValue { get; }
        int MinValue { get; }
        int ResolutionInBits { get; }
        bool IsChannelModeSupported(AdcChannelMode channelMode);
        AdcChannel OpenChannel(int channelNumber);
    }

    // System.Device.Adc/AdcController.cs: a second instance throws InvalidOperationException.
    public sealed class AdcController : IAdcController
    {
        public AdcController() { }
        public int ChannelCount { get { throw null; } }
        public AdcChannelMode ChannelMode { get { throw null; } set { } }
        public int MaxValue { get { throw null; } }
        public int MinValue { get { throw null; } }
        public int ResolutionInBits { get { throw null; } }
        public bool IsChannelModeSupported(AdcChannelMode channelMode) { throw null; }
        public AdcChannel OpenChannel(int channelNumber) { throw null; }
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
        public double ReadRatio() { throw null; }
        public AdcController Controller { get { throw null; } }
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }
        public override int ReadValue() { throw null; }
        public void Dispose() { }
    }
}
