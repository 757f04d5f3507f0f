using Charger.Hal;

namespace Charger.Device.Boards
{
    /// <summary>
    /// A board: its name and how its pins, converters and buses become the HAL. Board specifics
    /// (pin numbers, pin routing, UART names, drive letters) live only in the classes that implement this.
    /// </summary>
    public interface IBoard
    {
        string Name { get; }

        /// <summary>Routes pins, opens the peripherals and drives every output to its safe level.</summary>
        DeviceHal CreateHal(IClock clock, ILog log);
    }
}
