namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// Text of <see cref="DeratingStage"/>: derating stage names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class DeratingStageText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(DeratingStage value)
        {
            return value switch
            {
                DeratingStage.None => "None",
                DeratingStage.HalfPower => "HalfPower",
                DeratingStage.QuarterPower => "QuarterPower",
                DeratingStage.Stop => "Stop",
                _ => "?" + (int)value,
            };
        }
    }
}
