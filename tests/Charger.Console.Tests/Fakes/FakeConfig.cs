using System;
using System.Collections.Generic;
using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    /// <summary>A tiny device model: known variables, one read-only, one write-only secret, one reboot-required.</summary>
    public sealed class FakeConfig : IConfigAccess
    {
        public Dictionary<string, string> Values { get; } = new Dictionary<string, string>
        {
            ["OCPPCommCtrlr.HeartbeatInterval"] = "300",
            ["SecurityCtrlr.MaintenancePasswordHash"] = "hash-never-shown",
            ["ChargingStation.Model"] = "CX-1",
            ["NetworkConfiguration.Url"] = "ws://csms",
        };

        public ConfigResult Get(string component, string variable)
        {
            string key = component + "." + variable;
            if (!Values.ContainsKey(key))
            {
                return Unknown(component);
            }

            if (key == "SecurityCtrlr.MaintenancePasswordHash")
            {
                return new ConfigResult(ConfigStatus.Rejected, null, "write-only variable");
            }

            return new ConfigResult(ConfigStatus.Accepted, Values[key], null);
        }

        public ConfigResult Set(string component, string variable, string value)
        {
            string key = component + "." + variable;
            if (!Values.ContainsKey(key))
            {
                return Unknown(component);
            }

            if (key == "ChargingStation.Model")
            {
                return new ConfigResult(ConfigStatus.Rejected, null, "read-only");
            }

            if (key == "OCPPCommCtrlr.HeartbeatInterval" && !int.TryParse(value, out int seconds))
            {
                return new ConfigResult(ConfigStatus.Rejected, null, "expected whole seconds, got '" + value + "'");
            }

            Values[key] = value;
            return new ConfigResult(key == "NetworkConfiguration.Url" ? ConfigStatus.RebootRequired : ConfigStatus.Accepted, null, null);
        }

        private ConfigResult Unknown(string component)
        {
            foreach (string key in Values.Keys)
            {
                if (key.StartsWith(component + ".", StringComparison.Ordinal))
                {
                    return new ConfigResult(ConfigStatus.UnknownVariable, null, "no such variable in " + component);
                }
            }

            return new ConfigResult(ConfigStatus.UnknownComponent, null, "no such component");
        }
    }
}
