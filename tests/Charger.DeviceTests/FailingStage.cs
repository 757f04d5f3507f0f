using Charger.Firmware.Runtime;

namespace Charger.DeviceTests
{
    /// <summary>A tick stage whose hardware "fails" on every tick.</summary>
    public sealed class FailingStage : ITickStage
    {
        private readonly string _reason;

        public FailingStage(string reason)
        {
            _reason = reason;
        }

        public string Name
        {
            get { return "failing"; }
        }

        public void Tick(long nowMs)
        {
            throw new System.InvalidOperationException(_reason);
        }
    }
}
