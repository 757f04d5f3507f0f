namespace Charger.Sim.Realtime;

/// <summary>
/// --csms: where the real-time run points the station's own OCPP client at an external CSMS instead of
/// the built-in one. The station's OCPP client is wired in, but <c>SimulatedStation</c> always gives it
/// a loopback socket to the built-in CSMS, so this refuses with one clear line. To connect for real,
/// SimulatedStation needs (see the realtime README): a CSMS URL, station id and Basic-auth password in
/// SimOptions that go into <c>Settings.Ocpp</c> (CsmsUrl, StationId, BasicAuthPassword), and a
/// <c>DesktopWebSocketClient</c> in <c>StationHardware.CsmsSocket</c> instead of the loopback. Then this
/// method fills those options and returns true.
/// </summary>
public static class ExternalCsms
{
    /// <summary>Whether the run can use <see cref="SimCommandLine.CsmsUrl"/>; false with a one-line reason when not.</summary>
    public static bool TryConnect(SimCommandLine options, out string error)
    {
        if (!Uri.TryCreate(options.CsmsUrl, UriKind.Absolute, out var url) || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            error = $"--csms needs a ws:// or wss:// URL, got '{options.CsmsUrl}'";
            return false;
        }

        error = $"--csms {options.CsmsUrl}: this build connects the simulated station only to its built-in CSMS; an external CSMS is not supported yet";
        return false;
    }
}
