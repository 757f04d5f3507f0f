namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Text of <see cref="CableStatus"/>: proximity pilot cable status names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class CableStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(CableStatus value)
        {
            return value switch
            {
                CableStatus.NoCable => "NoCable",
                CableStatus.Rated => "Rated",
                CableStatus.Fault => "Fault",
                _ => "?" + (int)value,
            };
        }
    }
}
