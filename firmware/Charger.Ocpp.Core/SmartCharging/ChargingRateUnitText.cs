namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Text of <see cref="ChargingRateUnit"/> exactly as OCPP 2.0.1 spells it. An explicit table because
    /// Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016).
    /// </summary>
    public static class ChargingRateUnitText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ChargingRateUnit value)
        {
            return value switch
            {
                ChargingRateUnit.A => "A",
                ChargingRateUnit.W => "W",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The value named <paramref name="text"/>; false for any other text.</summary>
        public static bool TryParse(string text, out ChargingRateUnit value)
        {
            if (text == null)
            {
                // Compared with the literal only: a string compared with a null variable crashes nanoCLR (TextId).
                value = (ChargingRateUnit)0;
                return false;
            }

            if (text == "A")
            {
                value = ChargingRateUnit.A;
                return true;
            }

            if (text == "W")
            {
                value = ChargingRateUnit.W;
                return true;
            }

            value = (ChargingRateUnit)0;
            return false;
        }
    }
}
