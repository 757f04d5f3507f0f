namespace Charger.Hal
{
    /// <summary>
    /// Text of <see cref="WebSocketState"/>: WebSocket state names for errors and the log.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class WebSocketStateText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(WebSocketState value)
        {
            return value switch
            {
                WebSocketState.Closed => "Closed",
                WebSocketState.Connecting => "Connecting",
                WebSocketState.Open => "Open",
                WebSocketState.Closing => "Closing",
                _ => "?" + (int)value,
            };
        }
    }
}
