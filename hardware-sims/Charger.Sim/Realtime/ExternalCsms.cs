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

        bool secure = url.Scheme == "wss";
        if (!secure && (options.CaFile != null || options.ClientCertFile != null))
        {
            error = "--ca and --client-cert are for a wss:// CSMS; " + options.CsmsUrl + " is plain ws://";
            return false;
        }

        if (secure && options.CaFile == null)
        {
            error = "a wss:// CSMS needs --ca <file.pem>: the station trusts only the CSMS root certificates it is given";
            return false;
        }

        if ((options.ClientCertFile == null) != (options.ClientKeyFile == null))
        {
            error = "--client-cert and --client-key go together (security profile 3)";
            return false;
        }

        foreach (var (flag, file) in new[] { ("--ca", options.CaFile), ("--client-cert", options.ClientCertFile), ("--client-key", options.ClientKeyFile) })
        {
            if (file != null && !File.Exists(file))
            {
                error = $"{flag}: no such file '{file}'";
                return false;
            }
        }

        if (options.CaFile != null && !File.ReadAllText(options.CaFile).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            error = $"--ca: '{options.CaFile}' holds no PEM certificate";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The security profile the options ask for: 3 with a client certificate, 2 for wss://, else 1.</summary>
    public static int SecurityProfile(SimCommandLine options) =>
        options.CsmsUrl == null || !options.CsmsUrl.StartsWith("wss://", StringComparison.Ordinal) ? 1
        : options.ClientCertFile != null ? 3 : 2;

    public static string ReadOrNull(string file) => file == null ? null : File.ReadAllText(file);
}
