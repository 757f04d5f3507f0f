namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Decides what to do with a presented idToken from what the station knows locally: the
    /// token type, the Local Authorization List (which takes precedence), the Authorization
    /// Cache, online state and the AuthCtrlr/AuthCacheCtrlr/LocalAuthListCtrlr flags.
    /// Pure apart from the cache's use bookkeeping; the caller sends the AuthorizeRequest.
    /// </summary>
    public static class AuthorizationDecider
    {
        public static AuthorizationDecision Decide(IdToken token, bool online, AuthorizationConfig config,
            LocalAuthorizationList localList, AuthorizationCache cache, long nowUtcMs)
        {
            if (!config.AuthEnabled)
            {
                return AuthorizationDecision.Make(AuthorizationOutcome.AcceptLocally, AuthorizationStatus.Accepted,
                    AuthorizationSource.AuthorizationDisabled, null, !online, "AuthCtrlr.Enabled false");
            }

            // NoAuthorization: nothing to check. Central: the CSMS issued it (remote start), and the
            // station shall not send an AuthorizeRequest for it (C03.FR.01, C05.FR.01).
            if (token.Type == IdTokenType.NoAuthorization || token.Type == IdTokenType.Central)
            {
                return AuthorizationDecision.Make(AuthorizationOutcome.AcceptLocally, AuthorizationStatus.Accepted,
                    AuthorizationSource.TokenType, null, !online, "C03.FR.01/C05.FR.01 " + IdToken.TypeName(token.Type));
            }

            bool mayUseLocal = online ? config.LocalPreAuthorize : config.LocalAuthorizeOffline;
            if (mayUseLocal && localList != null && localList.Enabled)
            {
                IdTokenInfo listed = localList.Lookup(token);
                if (listed != null)
                {
                    return FromKnown(listed.Status, AuthorizationSource.LocalList, listed.GroupIdToken, online, config.DisableRemoteAuthorization,
                        online ? "C14.FR.02/03 local list" : "C15 offline local list");
                }
            }

            if (mayUseLocal && cache != null && cache.Enabled)
            {
                AuthCacheEntry cached = cache.Lookup(token, nowUtcMs);
                if (cached != null)
                {
                    // C10.FR.03 / C12.FR.05: a non-Accepted cached token is asked about again unless DisablePostAuthorize.
                    bool noPostAuthorize = config.DisableRemoteAuthorization || cache.Config.DisablePostAuthorize;
                    return FromKnown(cached.Info.Status, AuthorizationSource.Cache, cached.Info.GroupIdToken, online, noPostAuthorize,
                        online ? "C12 cache / C10.FR.03" : "C12 offline cache");
                }
            }

            if (!online)
            {
                if (config.OfflineTxForUnknownIdEnabled)
                {
                    return AuthorizationDecision.Make(AuthorizationOutcome.AcceptLocally, AuthorizationStatus.Accepted,
                        AuthorizationSource.UnknownOffline, null, true, "C13 OfflineTxForUnknownIdEnabled");
                }

                return AuthorizationDecision.Make(AuthorizationOutcome.Reject, AuthorizationStatus.Unknown,
                    AuthorizationSource.None, null, false, "offline, token unknown locally");
            }

            if (config.DisableRemoteAuthorization)
            {
                return AuthorizationDecision.Make(AuthorizationOutcome.Reject, AuthorizationStatus.Unknown,
                    AuthorizationSource.None, null, false, "DisableRemoteAuthorization, token unknown locally");
            }

            return AuthorizationDecision.Make(AuthorizationOutcome.AskCsms, AuthorizationStatus.Unknown,
                AuthorizationSource.None, null, false, "online: ask the CSMS");
        }

        /// <summary>
        /// Files the CSMS's answer about a token (AuthorizeResponse, TransactionEventResponse) in
        /// the cache (C10.FR.04, C10.FR.05), except for tokens the local list holds: the list takes
        /// precedence, so caching them would only spend the cache's bound.
        /// </summary>
        public static bool RecordCsmsAnswer(IdToken token, IdTokenInfo info, LocalAuthorizationList localList, AuthorizationCache cache, long nowUtcMs)
        {
            if (cache == null || !cache.Enabled)
            {
                return false;
            }

            if (localList != null && localList.Lookup(token) != null)
            {
                return false;
            }

            return cache.Store(token, info, nowUtcMs);
        }

        private static AuthorizationDecision FromKnown(AuthorizationStatus status, AuthorizationSource source, IdToken group, bool online,
            bool noPostAuthorize, string rule)
        {
            if (status == AuthorizationStatus.Accepted)
            {
                return AuthorizationDecision.Make(AuthorizationOutcome.AcceptLocally, status, source, group, !online, rule);
            }

            // Known but not Accepted: online the CSMS may know better; offline it is refused (C13.FR.04 errata).
            if (online && !noPostAuthorize)
            {
                return AuthorizationDecision.Make(AuthorizationOutcome.AskCsms, status, source, group, false, rule);
            }

            return AuthorizationDecision.Make(AuthorizationOutcome.Reject, status, source, group, false, rule);
        }
    }
}
