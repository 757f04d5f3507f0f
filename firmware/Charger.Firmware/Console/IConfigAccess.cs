namespace Charger.Firmware.Console
{
    /// <summary>
    /// Reads and writes device-model variables for <c>config get</c> and <c>config set</c>.
    /// The adapter applies the same rules as OCPP GetVariables/SetVariables: a write-only
    /// variable (the maintenance password hash) answers Rejected and never its value.
    /// </summary>
    public interface IConfigAccess
    {
        ConfigResult Get(string component, string variable);

        /// <summary>Validates, stores and applies the value; the console has already checked the login.</summary>
        ConfigResult Set(string component, string variable, string value);
    }
}
