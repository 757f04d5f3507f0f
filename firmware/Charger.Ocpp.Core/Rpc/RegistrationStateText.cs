namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// Text of <see cref="RegistrationState"/>: BootNotification registration state names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class RegistrationStateText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(RegistrationState value)
        {
            return value switch
            {
                RegistrationState.NotRegistered => "NotRegistered",
                RegistrationState.Pending => "Pending",
                RegistrationState.Rejected => "Rejected",
                RegistrationState.Accepted => "Accepted",
                _ => "?" + (int)value,
            };
        }
    }
}
