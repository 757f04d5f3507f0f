namespace Charger.Ocpp.SmartCharging
{
    /// <summary>Unit of a schedule's limits (ChargingRateUnitEnumType): amperes per phase or watts.</summary>
    public enum ChargingRateUnit
    {
        A = 0,
        W,
    }
}
