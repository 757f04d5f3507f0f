using Charger.Firmware.Console;
using Charger.Ocpp.DeviceModel;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// The console's <c>config get/set Component.Variable</c> on the OCPP device model, with the
    /// same rules as GetVariables and SetVariables (B05/B06): hashed and write-only values are never
    /// shown, read-only ones cannot be set, values must fit the variable's characteristics.
    /// </summary>
    public sealed class StationConfigAccess : IConfigAccess
    {
        /// <summary>
        /// The instance OCPP 2.0.1 gives per-profile variables (OCPPCommCtrlr.MessageTimeout[Default]);
        /// a technician types the plain name and reaches it.
        /// </summary>
        public const string DefaultInstance = "Default";

        private readonly StationDeviceModel _model;

        public StationConfigAccess(StationDeviceModel model)
        {
            _model = model;
        }

        public ConfigResult Get(string component, string variable)
        {
            string value;
            string instance = InstanceOf(component, variable);
            GetVariableStatus status = _model.TryGet(component, null, 0, 0, variable, instance, AttributeType.Actual, out value);
            switch (status)
            {
                case GetVariableStatus.Accepted:
                    return new ConfigResult(ConfigStatus.Accepted, value, null);
                case GetVariableStatus.UnknownComponent:
                    return new ConfigResult(ConfigStatus.UnknownComponent, null, "no component " + component);
                case GetVariableStatus.UnknownVariable:
                    return new ConfigResult(ConfigStatus.UnknownVariable, null, "no variable " + variable + " in " + component);
                case GetVariableStatus.NotSupportedAttributeType:
                    return new ConfigResult(ConfigStatus.NotSupportedAttributeType, null, "no Actual value");
                default:
                    return new ConfigResult(ConfigStatus.Rejected, null, "this value is write-only");
            }
        }

        public ConfigResult Set(string component, string variable, string value)
        {
            string reason;
            string instance = InstanceOf(component, variable);
            SetVariableStatus status = _model.TrySet(component, null, 0, 0, variable, instance, AttributeType.Actual, value, 0, out reason);
            switch (status)
            {
                case SetVariableStatus.Accepted:
                    _model.SaveIfDirty();
                    return new ConfigResult(ConfigStatus.Accepted, null, null);
                case SetVariableStatus.RebootRequired:
                    _model.SaveIfDirty();
                    return new ConfigResult(ConfigStatus.RebootRequired, null, "takes effect after a reboot");
                case SetVariableStatus.UnknownComponent:
                    return new ConfigResult(ConfigStatus.UnknownComponent, null, "no component " + component);
                case SetVariableStatus.UnknownVariable:
                    return new ConfigResult(ConfigStatus.UnknownVariable, null, "no variable " + variable + " in " + component);
                case SetVariableStatus.NotSupportedAttributeType:
                    return new ConfigResult(ConfigStatus.NotSupportedAttributeType, null, "no Actual value");
                default:
                    return new ConfigResult(ConfigStatus.Rejected, null, reason == null ? "rejected" : reason);
            }
        }

        // The plain variable when it exists, else its Default instance, else plain (UnknownVariable).
        private string InstanceOf(string component, string variable)
        {
            if (_model.Find(component, null, 0, 0, variable, null) == null
                && _model.Find(component, null, 0, 0, variable, DefaultInstance) != null)
            {
                return DefaultInstance;
            }

            return null;
        }
    }
}
