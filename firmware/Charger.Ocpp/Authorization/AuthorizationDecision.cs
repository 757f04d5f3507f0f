namespace Charger.Ocpp.Authorization
{
    /// <summary>The result of <see cref="AuthorizationDecider.Decide"/>.</summary>
    public sealed class AuthorizationDecision
    {
        public AuthorizationOutcome Outcome;

        /// <summary>Status the decision rests on (Unknown when nothing local knew the token).</summary>
        public AuthorizationStatus Status;

        public AuthorizationSource Source;

        /// <summary>groupIdToken from the list or cache, for the stop check; null when unknown.</summary>
        public IdToken GroupIdToken;

        /// <summary>Accepted while offline: the CSMS may still refuse it later (E05, StopTxOnInvalidId).</summary>
        public bool AcceptedOffline;

        /// <summary>The requirement the decision follows, for the log.</summary>
        public string Rule;

        internal static AuthorizationDecision Make(AuthorizationOutcome outcome, AuthorizationStatus status, AuthorizationSource source,
            IdToken group, bool acceptedOffline, string rule)
        {
            AuthorizationDecision d = new AuthorizationDecision();
            d.Outcome = outcome;
            d.Status = status;
            d.Source = source;
            d.GroupIdToken = group;
            d.AcceptedOffline = acceptedOffline;
            d.Rule = rule;
            return d;
        }
    }
}
