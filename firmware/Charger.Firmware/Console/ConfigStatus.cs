namespace Charger.Firmware.Console
{
    /// <summary>
    /// Outcome of a console config get/set. Mirrors OCPP 2.0.1 GetVariableStatusEnumType and
    /// SetVariableStatusEnumType so the adapter can pass the device model's answer straight through.
    /// </summary>
    public enum ConfigStatus
    {
        Accepted,
        Rejected,
        UnknownComponent,
        UnknownVariable,
        NotSupportedAttributeType,

        /// <summary>Set only: stored, takes effect after a reboot.</summary>
        RebootRequired,
    }
}
