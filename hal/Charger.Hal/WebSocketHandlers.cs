namespace Charger.Hal
{
    /// <summary>A complete text frame arrived.</summary>
    public delegate void WebSocketTextHandler(string text);

    /// <summary>
    /// The connection ended or could not be made. <paramref name="reason"/> is readable by a
    /// technician ("connect failed: HTTP 401", "closed by peer 1001").
    /// </summary>
    public delegate void WebSocketClosedHandler(int closeCode, string reason);

    /// <summary>A frame longer than the configured maximum was refused without buffering it.</summary>
    public delegate void WebSocketOversizeHandler(int frameLengthBytes);
}
