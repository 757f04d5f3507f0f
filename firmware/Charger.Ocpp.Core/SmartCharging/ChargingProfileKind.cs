namespace Charger.Ocpp.SmartCharging
{
    /// <summary>How a charging schedule is placed in time (ChargingProfileKindEnumType).</summary>
    public enum ChargingProfileKind
    {
        Absolute = 0,
        Recurring,
        Relative,
    }
}
