using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// Records a reboot request. The simulator sees <see cref="Requested"/> after the tick and
    /// restarts the firmware on the same file store, as a board would come back.
    /// </summary>
    public sealed class SimRebootController : IRebootController
    {
        public bool Requested { get; private set; }

        public string Reason { get; private set; }

        public int Count { get; private set; }

        public void Reboot(string reason)
        {
            Requested = true;
            Reason = reason;
            Count++;
        }

        /// <summary>Called by the simulator once it has restarted the firmware.</summary>
        public void Acknowledge()
        {
            Requested = false;
        }
    }
}
