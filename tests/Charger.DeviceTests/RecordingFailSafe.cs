using Charger.Firmware.Runtime;

namespace Charger.DeviceTests
{
    /// <summary>Remembers the reasons the runtime gave for entering the safe state.</summary>
    public sealed class RecordingFailSafe : IFailSafe
    {
        public int Count { get; private set; }

        public string LastReason { get; private set; }

        public void EnterSafeState(string reason)
        {
            Count++;
            LastReason = reason;
        }
    }
}
