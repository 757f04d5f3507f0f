using System;
using Charger.Sim.Models.Csms;

namespace Charger.Sim.Firmware;

/// <summary>
/// What the built-in CSMS offers a station for a firmware update, good and bad (issue 14), each a
/// bundle it publishes on its HTTP server and the UpdateFirmware request that names it:
/// <list type="bullet">
/// <item><c>good</c>: signed by the manufacturer's signer; installs and is confirmed.</item>
/// <item><c>bad-signature</c>: the signature of another bundle: InvalidSignature.</item>
/// <item><c>untrusted</c>: signed by a certificate of another root: InvalidCertificate.</item>
/// <item><c>broken-url</c>: a URL nothing is published at: DownloadFailed after the retries.</item>
/// <item><c>truncated</c>: a build cut short before it was signed (the signature over the whole file verifies, the bundle does not): InstallVerificationFailed.</item>
/// <item><c>interrupted</c>: the connection drops halfway once; the next attempt resumes with a Range.</item>
/// <item><c>failing</c>: a signed image that throws on start: rolled back, InstallationFailed.</item>
/// </list>
/// </summary>
public static class SimFirmwareUpdates
{
    public const string BaseUrl = "http://csms.sim/firmware/";

    public static readonly string[] Kinds = { "good", "bad-signature", "untrusted", "broken-url", "truncated", "interrupted", "failing" };

    /// <summary>
    /// Publishes the bundle of <paramref name="kind"/> through <paramref name="publish"/> (given a
    /// file name and bytes, it returns the URL) and returns the request.
    /// </summary>
    public static CsmsRequest Prepare(string kind, string version, int requestId, DateTime nowUtc, Func<string, byte[], string> publish,
        Action<int> interruptAfter = null, TimeSpan? installIn = null, int retries = 2, int retryInterval = 30)
    {
        byte[] bundle = SimFirmware.BuildBundle(version, kind == "failing" ? SimFirmware.FailingEntry : SimFirmware.StationEntry);
        string certificate = SimFirmwarePki.SignerCertificatePem;
        string signature = SimFirmware.Sign(bundle, SimFirmwarePki.SignerKeyPem);
        string file = "charger-" + version + "-" + kind + ".cfwb";
        switch (kind)
        {
            case "good":
            case "failing":
                break;
            case "bad-signature":
                signature = SimFirmware.Sign(SimFirmware.BuildBundle(version + "-other"), SimFirmwarePki.SignerKeyPem);
                break;
            case "untrusted":
                certificate = SimFirmwarePki.UntrustedCertificatePem;
                signature = SimFirmware.Sign(bundle, SimFirmwarePki.UntrustedKeyPem);
                break;
            case "broken-url":
                file = "missing-" + file;
                bundle = null;
                break;
            case "truncated":
                bundle = bundle.AsSpan(0, bundle.Length / 2).ToArray();
                signature = SimFirmware.Sign(bundle, SimFirmwarePki.SignerKeyPem);
                break;
            case "interrupted":
                interruptAfter?.Invoke(bundle.Length / 2);
                break;
            default:
                throw new ArgumentException("no firmware update kind " + kind + " (" + string.Join(", ", Kinds) + ")");
        }

        string url = bundle == null ? BaseUrl + file : publish(file, bundle);
        return CsmsRequests.UpdateFirmware(requestId, url, nowUtc, certificate, signature,
            installIn == null ? null : nowUtc + installIn.Value, retries, retryInterval);
    }
}
