using Charger.Firmware.Charging;
using Charger.Firmware.Safety;

namespace Charger.DeviceTests
{
    /// <summary>An event subscriber that is down: every call throws.</summary>
    public sealed class ThrowingChargerEvents : IChargerEvents
    {
        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            throw new System.Exception("subscriber down");
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            throw new System.Exception("subscriber down");
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
            throw new System.Exception("subscriber down");
        }
    }
}
