namespace Charger.Ocpp.SmartCharging
{
    /// <summary>How a Recurring schedule repeats (RecurrencyKindEnumType); None when the profile does not recur.</summary>
    public enum RecurrencyKind
    {
        None = 0,
        Daily,
        Weekly,
    }
}
