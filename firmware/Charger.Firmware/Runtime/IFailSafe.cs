namespace Charger.Firmware.Runtime
{
    /// <summary>
    /// What the runtime calls when a tick stage throws: open the contactors, hold the pilot at
    /// -12 V, latch a fault. It must not throw and must not depend on the stage that failed.
    /// </summary>
    public interface IFailSafe
    {
        void EnterSafeState(string reason);
    }
}
