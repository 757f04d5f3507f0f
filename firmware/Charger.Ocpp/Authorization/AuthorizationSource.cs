namespace Charger.Ocpp.Authorization
{
    /// <summary>What the decision rested on.</summary>
    public enum AuthorizationSource
    {
        None = 0,

        /// <summary>AuthCtrlr.Enabled is false.</summary>
        AuthorizationDisabled = 1,

        /// <summary>The token's type needs no authorization by the station (NoAuthorization, Central).</summary>
        TokenType = 2,

        LocalList = 3,
        Cache = 4,

        /// <summary>Unknown token accepted offline under OfflineTxForUnknownIdEnabled.</summary>
        UnknownOffline = 5,
    }
}
