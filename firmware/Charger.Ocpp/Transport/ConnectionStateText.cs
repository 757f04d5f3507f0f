namespace Charger.Ocpp.Transport
{
    /// <summary>
    /// Text of <see cref="ConnectionState"/>: CSMS connection state names for the console.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class ConnectionStateText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ConnectionState value)
        {
            return value switch
            {
                ConnectionState.WaitingToConnect => "WaitingToConnect",
                ConnectionState.Connecting => "Connecting",
                ConnectionState.Connected => "Connected",
                ConnectionState.Misconfigured => "Misconfigured",
                _ => "?" + (int)value,
            };
        }
    }
}
