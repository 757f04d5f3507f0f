namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="LocalListUpdateType"/>: UpdateEnumType values exactly as OCPP 2.0.1 spells them (SendLocalListRequest updateType).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class LocalListUpdateTypeText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(LocalListUpdateType value)
        {
            return value switch
            {
                LocalListUpdateType.Differential => "Differential",
                LocalListUpdateType.Full => "Full",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out LocalListUpdateType value)
        {
            switch (text)
            {
                case "Differential":
                    value = LocalListUpdateType.Differential;
                    return true;
                case "Full":
                    value = LocalListUpdateType.Full;
                    return true;
                default:
                    value = LocalListUpdateType.Differential;
                    return false;
            }
        }
    }
}
