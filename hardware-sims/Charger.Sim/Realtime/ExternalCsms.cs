namespace Charger.Sim.Realtime;

/// <summary>
/// --csms: the real-time run points the station's own OCPP client at an external CSMS over a real
/// WebSocket (SimOptions.CsmsUrl) instead of the built-in one.
/// </summary>
public static class ExternalCsms
{
    /// <summary>Whether <see cref="SimCommandLine.CsmsUrl"/> is usable; false with a one-line reason when not.</summary>
    public static bool TryConnect(SimCommandLine options, out string error)
    {
        if (!Uri.TryCreate(options.CsmsUrl, UriKind.Absolute, out var url) || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            error = $"--csms needs a ws:// or wss:// URL, got '{options.CsmsUrl}'";
            return false;
        }

        error = null;
        return true;
    }
}
