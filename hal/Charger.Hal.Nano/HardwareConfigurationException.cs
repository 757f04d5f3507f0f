namespace Charger.Hal.Nano
{
    /// <summary>
    /// The board cannot provide what the board file asked for (a pin without a PWM function, a UART
    /// that does not exist). The message names the pin or port and what to check, for the technician
    /// reading the console at first boot.
    /// </summary>
    public sealed class HardwareConfigurationException : System.Exception
    {
        public HardwareConfigurationException(string message) : base(message)
        {
        }

        public HardwareConfigurationException(string message, System.Exception innerException) : base(message, innerException)
        {
        }
    }
}
