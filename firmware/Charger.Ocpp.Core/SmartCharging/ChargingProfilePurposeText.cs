namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Text of <see cref="ChargingProfilePurpose"/> exactly as OCPP 2.0.1 spells it. An explicit table because
    /// Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016).
    /// </summary>
    public static class ChargingProfilePurposeText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ChargingProfilePurpose value)
        {
            return value switch
            {
                ChargingProfilePurpose.ChargingStationExternalConstraints => "ChargingStationExternalConstraints",
                ChargingProfilePurpose.ChargingStationMaxProfile => "ChargingStationMaxProfile",
                ChargingProfilePurpose.TxDefaultProfile => "TxDefaultProfile",
                ChargingProfilePurpose.TxProfile => "TxProfile",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The value named <paramref name="text"/>; false for any other text.</summary>
        public static bool TryParse(string text, out ChargingProfilePurpose value)
        {
            if (text == null)
            {
                // Compared with the literal only: a string compared with a null variable crashes nanoCLR (TextId).
                value = (ChargingProfilePurpose)0;
                return false;
            }

            if (text == "ChargingStationExternalConstraints")
            {
                value = ChargingProfilePurpose.ChargingStationExternalConstraints;
                return true;
            }

            if (text == "ChargingStationMaxProfile")
            {
                value = ChargingProfilePurpose.ChargingStationMaxProfile;
                return true;
            }

            if (text == "TxDefaultProfile")
            {
                value = ChargingProfilePurpose.TxDefaultProfile;
                return true;
            }

            if (text == "TxProfile")
            {
                value = ChargingProfilePurpose.TxProfile;
                return true;
            }

            value = (ChargingProfilePurpose)0;
            return false;
        }
    }
}
