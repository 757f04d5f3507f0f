namespace Charger.Hal
{
    /// <summary>Restarts the controller (OCPP Reset, console reboot, slot switch).</summary>
    public interface IRebootController
    {
        /// <summary>Does not return on the board; the simulator restarts the firmware with the same file store.</summary>
        void Reboot(string reason);
    }
}
