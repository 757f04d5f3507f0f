using Charger.Ocpp.Json;

namespace Charger.Ocpp.NetworkProfiles
{
    /// <summary>
    /// One NetworkConnectionProfileType (OCPP 2.0.1 part 2 section 2) in a configuration slot: where
    /// the CSMS is and how to reach it. The apn and vpn objects are kept as the CSMS sent them (JSON
    /// text) and reported back, but the station has one IP link the board brings up and never dials
    /// an APN or a VPN itself. OCPP 2.0.1 profiles carry no password or certificate: every slot uses
    /// SecurityCtrlr.BasicAuthPassword and the station's certificate store.
    /// </summary>
    public sealed class NetworkProfile
    {
        public const string Ocpp20 = "OCPP20";
        public const string Json = "JSON";

        public int Slot;
        public string OcppVersion = Ocpp20;
        public string OcppTransport = Json;

        /// <summary>CSMS URL without the station identity (appended when connecting).</summary>
        public string CsmsUrl;
        public int MessageTimeoutS = 30;
        public int SecurityProfile = 1;
        public string OcppInterface = "Wired0";

        /// <summary>The request's apn object as JSON, or null (stored, never used).</summary>
        public string ApnJson;

        /// <summary>The request's vpn object as JSON, or null (stored, never used).</summary>
        public string VpnJson;

        /// <summary>The profile from a NetworkConnectionProfileType object (schema-checked before).</summary>
        public static NetworkProfile FromConnectionData(int slot, JsonValue data)
        {
            NetworkProfile p = new NetworkProfile();
            p.Slot = slot;
            p.OcppVersion = data.GetString("ocppVersion");
            p.OcppTransport = data.GetString("ocppTransport");
            p.CsmsUrl = data.GetString("ocppCsmsUrl");
            p.MessageTimeoutS = ClampToInt(data.GetInteger("messageTimeout", 0));
            p.SecurityProfile = ClampToInt(data.GetInteger("securityProfile", 0));
            p.OcppInterface = data.GetString("ocppInterface");
            p.ApnJson = ObjectJson(data.Get("apn"));
            p.VpnJson = ObjectJson(data.Get("vpn"));
            return p;
        }

        /// <summary>The NetworkConnectionProfileType JSON this profile is stored as.</summary>
        public string ToJson()
        {
            JsonWriter w = new JsonWriter(8, 4096);
            w.BeginObject();
            w.OptionalProperty("ocppVersion", OcppVersion);
            w.OptionalProperty("ocppTransport", OcppTransport);
            w.OptionalProperty("ocppCsmsUrl", CsmsUrl);
            w.Property("messageTimeout", MessageTimeoutS);
            w.Property("securityProfile", SecurityProfile);
            w.OptionalProperty("ocppInterface", OcppInterface);
            if (ApnJson != null)
            {
                w.Name("apn");
                w.Raw(ApnJson);
            }

            if (VpnJson != null)
            {
                w.Name("vpn");
                w.Raw(VpnJson);
            }

            w.EndObject();
            return w.ToString();
        }

        /// <summary>A stored profile, or null when <paramref name="json"/> is not one (a damaged record).</summary>
        public static NetworkProfile FromJson(int slot, string json)
        {
            JsonValue v;
            try
            {
                v = new JsonParser(8, 4096).Parse(json);
            }
            catch (JsonException)
            {
                return null;
            }

            if (v == null || v.Kind != JsonValueKind.Object || v.GetString("ocppCsmsUrl") == null)
            {
                return null;
            }

            return FromConnectionData(slot, v);
        }

        private static string ObjectJson(JsonValue value)
        {
            if (value == null)
            {
                return null;
            }

            JsonWriter w = new JsonWriter(8, 4096);
            value.WriteTo(w);
            return w.ToString();
        }

        private static int ClampToInt(long value)
        {
            if (value > int.MaxValue)
            {
                return int.MaxValue;
            }

            return value < int.MinValue ? int.MinValue : (int)value;
        }
    }
}
