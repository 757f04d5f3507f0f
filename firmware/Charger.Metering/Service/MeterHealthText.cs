namespace Charger.Metering.Service
{
    /// <summary>
    /// Text of <see cref="MeterHealth"/>: meter health names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class MeterHealthText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(MeterHealth value)
        {
            return value switch
            {
                MeterHealth.Unknown => "Unknown",
                MeterHealth.Healthy => "Healthy",
                MeterHealth.Degraded => "Degraded",
                MeterHealth.Lost => "Lost",
                _ => "?" + (int)value,
            };
        }
    }
}
