using Charger.Firmware.Runtime;

namespace Charger.DeviceTests
{
    /// <summary>A periodic duty that counts its runs and remembers when it last ran.</summary>
    public sealed class CountingDuty : IPeriodicDuty
    {
        public int Runs { get; private set; }

        public long LastRunMs { get; private set; }

        public void Run(long nowMs)
        {
            Runs++;
            LastRunMs = nowMs;
        }
    }
}
