namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// Text of <see cref="SensorStatus"/>: temperature sensor status names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
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
                _ => "?" + (int)value,
            };
        }
    }
}
