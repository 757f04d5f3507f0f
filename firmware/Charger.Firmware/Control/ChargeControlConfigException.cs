namespace Charger.Firmware.Control
{
    /// <summary>The charge-control configuration cannot be used; the message names the setting and the limit.</summary>
    public sealed class ChargeControlConfigException : System.Exception
    {
        public ChargeControlConfigException(string message) : base(message)
        {
        }
    }
}
