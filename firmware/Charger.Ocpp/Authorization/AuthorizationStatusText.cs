namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="AuthorizationStatus"/>: AuthorizationStatusEnumType values exactly as OCPP 2.0.1 spells them (idTokenInfo.status).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class AuthorizationStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(AuthorizationStatus value)
        {
            return value switch
            {
                AuthorizationStatus.Accepted => "Accepted",
                AuthorizationStatus.Blocked => "Blocked",
                AuthorizationStatus.ConcurrentTx => "ConcurrentTx",
                AuthorizationStatus.Expired => "Expired",
                AuthorizationStatus.Invalid => "Invalid",
                AuthorizationStatus.NoCredit => "NoCredit",
                AuthorizationStatus.NotAllowedTypeEVSE => "NotAllowedTypeEVSE",
                AuthorizationStatus.NotAtThisTime => "NotAtThisTime",
                AuthorizationStatus.Unknown => "Unknown",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out AuthorizationStatus value)
        {
            switch (text)
            {
                case "Accepted":
                    value = AuthorizationStatus.Accepted;
                    return true;
                case "Blocked":
                    value = AuthorizationStatus.Blocked;
                    return true;
                case "ConcurrentTx":
                    value = AuthorizationStatus.ConcurrentTx;
                    return true;
                case "Expired":
                    value = AuthorizationStatus.Expired;
                    return true;
                case "Invalid":
                    value = AuthorizationStatus.Invalid;
                    return true;
                case "NoCredit":
                    value = AuthorizationStatus.NoCredit;
                    return true;
                case "NotAllowedTypeEVSE":
                    value = AuthorizationStatus.NotAllowedTypeEVSE;
                    return true;
                case "NotAtThisTime":
                    value = AuthorizationStatus.NotAtThisTime;
                    return true;
                case "Unknown":
                    value = AuthorizationStatus.Unknown;
                    return true;
                default:
                    value = AuthorizationStatus.Accepted;
                    return false;
            }
        }
    }
}
