namespace Charger.Sim.Models.Csms
{
    /// <summary>One entry of a SendLocalList: the token, and its status (null removes it in a Differential update).</summary>
    public sealed class LocalListEntry
    {
        public LocalListEntry(string idToken, string type, string status, string groupIdToken)
        {
            IdToken = idToken;
            Type = type;
            Status = status;
            GroupIdToken = groupIdToken;
        }

        public string IdToken { get; }

        public string Type { get; }

        /// <summary>AuthorizationStatusEnumType, or null for "remove from the list" (D01, Differential).</summary>
        public string Status { get; }

        public string GroupIdToken { get; }
    }
}
