namespace Charger.Sim.Models.Csms
{
    /// <summary>How the CSMS answers for one idToken.</summary>
    public sealed class TokenEntry
    {
        public TokenEntry(string idToken, string type, string status, string groupIdToken)
        {
            IdToken = idToken;
            Type = type;
            Status = status;
            GroupIdToken = groupIdToken;
        }

        public string IdToken { get; }

        /// <summary>IdTokenEnumType; null matches any type.</summary>
        public string Type { get; }

        /// <summary>AuthorizationStatusEnumType: Accepted, Blocked, Expired, Invalid, ...</summary>
        public string Status { get; }

        /// <summary>The group this token belongs to (sent as groupIdToken, type Central); null for none.</summary>
        public string GroupIdToken { get; }
    }
}
