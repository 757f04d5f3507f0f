namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Whether a presented token may stop a running transaction (E07, C09): the token that
    /// started it, or any token of the same groupIdToken, or a Master Pass (C16).
    /// </summary>
    public static class StopAuthorization
    {
        /// <param name="startToken">Token that started (authorized) the transaction.</param>
        /// <param name="startGroup">Its groupIdToken, or null.</param>
        /// <param name="presented">Token presented now.</param>
        /// <param name="presentedGroup">Its groupIdToken as list, cache or CSMS told, or null when unknown.</param>
        /// <param name="masterPassGroup">AuthCtrlr.MasterPassGroupId as a token, or null when not configured.</param>
        public static bool MayStop(IdToken startToken, IdToken startGroup, IdToken presented, IdToken presentedGroup, IdToken masterPassGroup)
        {
            if (presented == null)
            {
                return false;
            }

            if (presented.SameAs(startToken))
            {
                return true;
            }

            if (presentedGroup == null)
            {
                return false;
            }

            if (masterPassGroup != null && SameGroup(presentedGroup, masterPassGroup))
            {
                return true;
            }

            return startGroup != null && SameGroup(presentedGroup, startGroup);
        }

        // Groups are compared by identifier: a GroupIdToken's type is set by the CSMS (C09.FR.13
        // recommends Central) and a station must not refuse a stop over a type label.
        private static bool SameGroup(IdToken a, IdToken b)
        {
            return IdToken.FoldCase(a.Value) == IdToken.FoldCase(b.Value);
        }
    }
}
