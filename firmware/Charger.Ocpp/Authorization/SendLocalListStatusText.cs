namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="SendLocalListStatus"/>: SendLocalListStatusEnumType values exactly as OCPP 2.0.1 spells them (SendLocalListResponse status).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class SendLocalListStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(SendLocalListStatus value)
        {
            return value switch
            {
                SendLocalListStatus.Accepted => "Accepted",
                SendLocalListStatus.Failed => "Failed",
                SendLocalListStatus.VersionMismatch => "VersionMismatch",
                _ => "?" + (int)value,
            };
        }
    }
}
