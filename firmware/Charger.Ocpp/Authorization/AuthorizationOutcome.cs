namespace Charger.Ocpp.Authorization
{
    /// <summary>What the station does with a presented token now.</summary>
    public enum AuthorizationOutcome
    {
        /// <summary>Authorized here and now; no AuthorizeRequest needed.</summary>
        AcceptLocally = 0,

        /// <summary>Send an AuthorizeRequest and let the CSMS decide.</summary>
        AskCsms = 1,

        /// <summary>Not authorized; tell the driver.</summary>
        Reject = 2,
    }
}
