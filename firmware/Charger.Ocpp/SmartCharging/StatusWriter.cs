using Charger.Ocpp.Json;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>Writes the common { status, statusInfo? } response of block K.</summary>
    public static class StatusWriter
    {
        public static void Write(JsonWriter w, string status, string reasonCode)
        {
            w.BeginObject();
            w.Property("status", status);
            if (reasonCode != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", reasonCode);
                w.EndObject();
            }

            w.EndObject();
        }
    }
}
