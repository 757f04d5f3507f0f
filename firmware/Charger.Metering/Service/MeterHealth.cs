namespace Charger.Metering.Service
{
    /// <summary>How far the charger can trust its meter right now.</summary>
    public enum MeterHealth
    {
        /// <summary>No good reading yet since start.</summary>
        Unknown = 0,

        /// <summary>The last poll produced a good reading.</summary>
        Healthy,

        /// <summary>
        /// The last poll failed (no answer, bad frames, invalid values, or an energy register that went
        /// backwards), but fewer than the configured number in a row: the last good reading still stands.
        /// </summary>
        Degraded,

        /// <summary>Too many polls in a row failed: the meter is lost and the loss policy applies.</summary>
        Lost,
    }
}
