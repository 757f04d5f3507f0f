namespace Charger.Firmware.Charging
{
    /// <summary>
    /// Text of <see cref="IecState"/>: IEC 61851-1 state names as the console and the log show them ("B1", "C2").
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class IecStateText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(IecState value)
        {
            return value switch
            {
                IecState.A => "A",
                IecState.B1 => "B1",
                IecState.B2 => "B2",
                IecState.C1 => "C1",
                IecState.C2 => "C2",
                IecState.D1 => "D1",
                IecState.D2 => "D2",
                IecState.E => "E",
                IecState.F => "F",
                IecState.Invalid => "Invalid",
                _ => "?" + (int)value,
            };
        }
    }
}
