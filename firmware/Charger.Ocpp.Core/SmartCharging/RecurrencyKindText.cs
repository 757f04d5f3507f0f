namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Text of <see cref="RecurrencyKind"/> exactly as OCPP 2.0.1 spells it (None, a profile that does not recur, never goes on the wire). An explicit table because
    /// Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016).
    /// </summary>
    public static class RecurrencyKindText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(RecurrencyKind value)
        {
            return value switch
            {
                RecurrencyKind.None => "None",
                RecurrencyKind.Daily => "Daily",
                RecurrencyKind.Weekly => "Weekly",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The value named <paramref name="text"/>; false for any other text.</summary>
        public static bool TryParse(string text, out RecurrencyKind value)
        {
            if (text == null)
            {
                // Compared with the literal only: a string compared with a null variable crashes nanoCLR (TextId).
                value = (RecurrencyKind)0;
                return false;
            }

            if (text == "None")
            {
                value = RecurrencyKind.None;
                return true;
            }

            if (text == "Daily")
            {
                value = RecurrencyKind.Daily;
                return true;
            }

            if (text == "Weekly")
            {
                value = RecurrencyKind.Weekly;
                return true;
            }

            value = (RecurrencyKind)0;
            return false;
        }
    }
}
