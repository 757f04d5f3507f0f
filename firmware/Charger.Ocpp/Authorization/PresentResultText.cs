namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="PresentResult"/>: what presenting a card did, for the card reader's caller and the log.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class PresentResultText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(PresentResult value)
        {
            return value switch
            {
                PresentResult.Accepted => "Accepted",
                PresentResult.Pending => "Pending",
                PresentResult.Rejected => "Rejected",
                PresentResult.Stopped => "Stopped",
                PresentResult.StopRefused => "StopRefused",
                PresentResult.Busy => "Busy",
                _ => "?" + (int)value,
            };
        }
    }
}
