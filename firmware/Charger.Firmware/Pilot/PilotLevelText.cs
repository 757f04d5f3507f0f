namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Text of <see cref="PilotLevel"/>: pilot voltage band names for the console, the log and configuration errors.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class PilotLevelText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(PilotLevel value)
        {
            return value switch
            {
                PilotLevel.A => "A",
                PilotLevel.B => "B",
                PilotLevel.C => "C",
                PilotLevel.D => "D",
                PilotLevel.E => "E",
                PilotLevel.F => "F",
                PilotLevel.Invalid => "Invalid",
                _ => "?" + (int)value,
            };
        }
    }
}
