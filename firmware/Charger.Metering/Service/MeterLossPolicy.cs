namespace Charger.Metering.Service
{
    /// <summary>What the charger does while its meter is lost.</summary>
    public enum MeterLossPolicy
    {
        /// <summary>Default: a session that cannot be billed must not continue, so charging stops.</summary>
        StopCharging = 0,

        /// <summary>Charging goes on and the missing meter data is flagged (e.g. for a free-vend site).</summary>
        ContinueAndFlag,
    }
}
