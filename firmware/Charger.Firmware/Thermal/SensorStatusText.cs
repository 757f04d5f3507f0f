namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// Text of <see cref="SensorStatus"/>: the names (<see cref="Of"/>) and the console's wording
    /// (<see cref="Describe"/>). An explicit table because Enum.ToString gives the NUMBER on
    /// nanoFramework 1.x (gate rule NF1016); a member added to the enum without a row here fails the
    /// desktop table test.
    /// </summary>
    public static class SensorStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(SensorStatus value)
        {
            return value switch
            {
                SensorStatus.Ok => "Ok",
                SensorStatus.Open => "Open",
                SensorStatus.Short => "Short",
                SensorStatus.Implausible => "Implausible",
                _ => "?" + (int)value,
            };
        }

        /// <summary>What the console says of a sensor in this state.</summary>
        public static string Describe(SensorStatus status)
        {
            switch (status)
            {
                case SensorStatus.Ok:
                    return "ok";
                case SensorStatus.Open:
                    return "open circuit";
                case SensorStatus.Short:
                    return "short circuit";
                case SensorStatus.Implausible:
                    return "implausible reading (outside -40..150 C)";
                default:
                    return "status " + ((int)status).ToString();
            }
        }
    }
}
