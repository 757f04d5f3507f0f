namespace Charger.Hal.Sim
{
    /// <summary>
    /// Thrown by the simulated file store at the write where a power cut was injected, and by every
    /// store operation after it until the simulator reboots the firmware. Firmware code must not
    /// depend on catching it: the simulator checks <see cref="MemoryFileStore.PowerIsCut"/> after
    /// every tick whatever the firmware did with the exception.
    /// </summary>
    public sealed class PowerCutException : System.Exception
    {
        public PowerCutException(string message) : base(message)
        {
        }
    }
}
