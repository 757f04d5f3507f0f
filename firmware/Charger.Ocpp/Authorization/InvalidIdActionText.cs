namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="InvalidIdAction"/>: what the station does with a transaction whose token the CSMS refused, for the log.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class InvalidIdActionText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(InvalidIdAction value)
        {
            return value switch
            {
                InvalidIdAction.Continue => "Continue",
                InvalidIdAction.StopTransaction => "StopTransaction",
                InvalidIdAction.SuspendEnergy => "SuspendEnergy",
                InvalidIdAction.LimitEnergy => "LimitEnergy",
                _ => "?" + (int)value,
            };
        }
    }
}
