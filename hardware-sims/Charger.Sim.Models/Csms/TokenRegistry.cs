using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The CSMS's authorization database: which idTokens are accepted, blocked, expired, ...,
    /// and their group. Ships with the default list the simulator's scenarios use.
    /// </summary>
    public sealed class TokenRegistry
    {
        /// <summary>The group the default tokens share, so stopping with another fleet card works (C01.FR.03).</summary>
        public const string DefaultGroupIdToken = "GROUP-0001";

        private readonly Dictionary<string, TokenEntry> _entries = new Dictionary<string, TokenEntry>(StringComparer.Ordinal);

        public TokenRegistry()
        {
            UnknownTokenStatus = "Unknown";
        }

        /// <summary>Status for tokens not in the registry; "Unknown" by default, "Accepted" accepts everyone.</summary>
        public string UnknownTokenStatus { get; set; }

        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>RFID-0001 .. RFID-0005, ISO14443, Accepted, all in <see cref="DefaultGroupIdToken"/>.</summary>
        public static TokenRegistry WithDefaults()
        {
            var registry = new TokenRegistry();
            for (int i = 1; i <= 5; i++)
            {
                registry.Set("RFID-000" + i, "ISO14443", "Accepted", DefaultGroupIdToken);
            }

            return registry;
        }

        public void Set(string idToken, string type, string status, string groupIdToken)
        {
            if (string.IsNullOrEmpty(idToken))
            {
                throw new ArgumentException("an idToken needs a value", nameof(idToken));
            }

            if (type != null && !OcppEnums.Contains(OcppEnums.IdTokenType, type))
            {
                throw new ArgumentException("'" + type + "' is not an OCPP 2.0.1 IdTokenEnumType", nameof(type));
            }

            if (!OcppEnums.Contains(OcppEnums.AuthorizationStatus, status))
            {
                throw new ArgumentException("'" + status + "' is not an OCPP 2.0.1 AuthorizationStatusEnumType", nameof(status));
            }

            _entries[idToken] = new TokenEntry(idToken, type, status, groupIdToken);
        }

        public void Accept(string idToken, string type, string groupIdToken)
        {
            Set(idToken, type, "Accepted", groupIdToken);
        }

        public void Block(string idToken)
        {
            TokenEntry existing = Find(idToken);
            Set(idToken, existing == null ? null : existing.Type, "Blocked", existing == null ? null : existing.GroupIdToken);
        }

        public bool Remove(string idToken)
        {
            return _entries.Remove(idToken);
        }

        public TokenEntry Find(string idToken)
        {
            TokenEntry entry;
            return _entries.TryGetValue(idToken, out entry) ? entry : null;
        }

        /// <summary>The authorization status the CSMS gives this token.</summary>
        public string StatusOf(string idToken, string type)
        {
            // NoAuthorization carries no identity to check: the station charges for free (C01 use case note).
            if (type == "NoAuthorization")
            {
                return "Accepted";
            }

            TokenEntry entry = Find(idToken);
            if (entry == null || (entry.Type != null && entry.Type != type))
            {
                return UnknownTokenStatus;
            }

            return entry.Status;
        }

        /// <summary>Builds an IdTokenInfoType object (status and, when known, groupIdToken).</summary>
        public JsonObject IdTokenInfo(string idToken, string type)
        {
            var info = new JsonObject { ["status"] = StatusOf(idToken, type) };
            TokenEntry entry = Find(idToken);
            if (entry != null && entry.GroupIdToken != null && type != "NoAuthorization")
            {
                info["groupIdToken"] = new JsonObject { ["idToken"] = entry.GroupIdToken, ["type"] = "Central" };
            }

            return info;
        }
    }
}
