namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Text of <see cref="UnlockStatus"/>: UnlockStatusEnumType values exactly as OCPP 2.0.1 spells them (UnlockConnectorResponse status).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class UnlockStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(UnlockStatus value)
        {
            return value switch
            {
                UnlockStatus.Unlocked => "Unlocked",
                UnlockStatus.UnlockFailed => "UnlockFailed",
                UnlockStatus.OngoingAuthorizedTransaction => "OngoingAuthorizedTransaction",
                UnlockStatus.UnknownConnector => "UnknownConnector",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out UnlockStatus value)
        {
            switch (text)
            {
                case "Unlocked":
                    value = UnlockStatus.Unlocked;
                    return true;
                case "UnlockFailed":
                    value = UnlockStatus.UnlockFailed;
                    return true;
                case "OngoingAuthorizedTransaction":
                    value = UnlockStatus.OngoingAuthorizedTransaction;
                    return true;
                case "UnknownConnector":
                    value = UnlockStatus.UnknownConnector;
                    return true;
                default:
                    value = UnlockStatus.Unlocked;
                    return false;
            }
        }
    }
}
