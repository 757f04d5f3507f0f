namespace Charger.Firmware.Console
{
    /// <summary>
    /// Erases configuration, device model, queues and caches back to factory state. The console
    /// reboots the charger after a successful erase, so the implementation does not.
    /// </summary>
    public interface IFactoryReset
    {
        ConsoleResult Erase();
    }
}
