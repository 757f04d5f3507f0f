using Charger.Ocpp.Json;

namespace Charger.Ocpp.Authorization
{
    /// <summary>Reads IdTokenType and IdTokenInfoType from a validated JSON payload, writes the status enum.</summary>
    public static class IdTokenJson
    {
        /// <summary>The token in an IdTokenType object, or null when absent.</summary>
        public static IdToken ReadToken(JsonValue obj)
        {
            if (obj == null)
            {
                return null;
            }

            return new IdToken(obj.GetString("idToken"), IdToken.ParseType(obj.GetString("type")));
        }

        /// <summary>The parts of an IdTokenInfoType the station uses; cacheExpiryDateTime as Unix epoch ms.</summary>
        public static IdTokenInfo ReadInfo(JsonValue obj)
        {
            IdTokenInfo info = new IdTokenInfo();
            info.Status = ParseStatus(obj.GetString("status"));
            info.GroupIdToken = ReadToken(obj.Get("groupIdToken"));
            string expiry = obj.GetString("cacheExpiryDateTime");
            System.DateTime utc;
            if (expiry != null && Rfc3339.TryParse(expiry, out utc))
            {
                info.CacheExpiryUtcMs = Transactions.EpochTime.ToUtcMs(utc);
            }

            return info;
        }

        public static AuthorizationStatus ParseStatus(string name)
        {
            AuthorizationStatus status;
            return AuthorizationStatusText.TryParse(name, out status) ? status : AuthorizationStatus.Unknown;
        }
    }
}
