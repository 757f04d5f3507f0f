namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Text of <see cref="ChargingProfileKind"/> exactly as OCPP 2.0.1 spells it. An explicit table because
    /// Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016).
    /// </summary>
    public static class ChargingProfileKindText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ChargingProfileKind value)
        {
            return value switch
            {
                ChargingProfileKind.Absolute => "Absolute",
                ChargingProfileKind.Recurring => "Recurring",
                ChargingProfileKind.Relative => "Relative",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The value named <paramref name="text"/>; false for any other text.</summary>
        public static bool TryParse(string text, out ChargingProfileKind value)
        {
            if (text == null)
            {
                // Compared with the literal only: a string compared with a null variable crashes nanoCLR (TextId).
                value = (ChargingProfileKind)0;
                return false;
            }

            if (text == "Absolute")
            {
                value = ChargingProfileKind.Absolute;
                return true;
            }

            if (text == "Recurring")
            {
                value = ChargingProfileKind.Recurring;
                return true;
            }

            if (text == "Relative")
            {
                value = ChargingProfileKind.Relative;
                return true;
            }

            value = (ChargingProfileKind)0;
            return false;
        }
    }
}
