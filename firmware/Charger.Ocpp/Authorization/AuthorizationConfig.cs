namespace Charger.Ocpp.Authorization
{
    /// <summary>AuthCtrlr variables the local authorization decision reads; the device model writes them.</summary>
    public sealed class AuthorizationConfig
    {
        /// <summary>AuthCtrlr.Enabled: false means every token is accepted without authorization.</summary>
        public bool AuthEnabled = true;

        /// <summary>AuthCtrlr.LocalAuthorizeOffline: offline, tokens in the local list or cache may start charging.</summary>
        public bool LocalAuthorizeOffline = true;

        /// <summary>AuthCtrlr.LocalPreAuthorize: online, tokens in the local list or cache start charging without waiting for the CSMS.</summary>
        public bool LocalPreAuthorize;

        /// <summary>AuthCtrlr.OfflineTxForUnknownIdEnabled: offline, a token unknown to list and cache is accepted (C13).</summary>
        public bool OfflineTxForUnknownIdEnabled;

        /// <summary>AuthCtrlr.DisableRemoteAuthorization: never send an AuthorizeRequest; decide from list and cache only.</summary>
        public bool DisableRemoteAuthorization;
    }
}
