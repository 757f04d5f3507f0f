namespace Charger.Ocpp.SmartCharging
{
    /// <summary>The purpose of a charging profile (ChargingProfilePurposeEnumType).</summary>
    public enum ChargingProfilePurpose
    {
        ChargingStationExternalConstraints = 0,
        ChargingStationMaxProfile,
        TxDefaultProfile,
        TxProfile,
    }
}
