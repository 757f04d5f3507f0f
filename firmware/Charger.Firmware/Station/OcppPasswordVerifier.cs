using Charger.Firmware.Console;
using Charger.Ocpp;
using Charger.Ocpp.DeviceModel;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Checks the console's maintenance password against SecurityCtrlr.MaintenancePassword, which the
    /// device model keeps only as a salted hash (set through SetVariables or <c>config set</c>).
    /// </summary>
    public sealed class OcppPasswordVerifier : IMaintenancePasswordVerifier
    {
        private readonly OcppStation _ocpp;

        public OcppPasswordVerifier(OcppStation ocpp)
        {
            _ocpp = ocpp;
        }

        public bool IsConfigured
        {
            get
            {
                string hash = _ocpp.Variables.MaintenancePassword.GetValue(AttributeType.Actual);
                return hash != null && hash.Length > 0;
            }
        }

        public bool Verify(byte[] password, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)password[i];
            }

            bool ok = _ocpp.VerifyMaintenancePassword(new string(chars));
            for (int i = 0; i < length; i++)
            {
                chars[i] = '\0';
            }

            return ok;
        }
    }
}
