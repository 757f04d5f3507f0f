using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Charger.Sim.Models.Network;

/// <summary>
/// The desktop adapters' server-certificate rule (the board's mbedTLS applies the same one): the
/// certificate must chain to one of the station's own roots (never the system store), be valid now
/// and name the URL's host. Used by the CSMS WebSocket and by the HTTP transfer (firmware download,
/// log upload), each naming its server in the reasons.
/// </summary>
public static class ServerCertificateCheck
{
    /// <summary>The roots in <paramref name="pem"/>; null with <paramref name="problem"/> set when there are none or they cannot be read.</summary>
    public static X509Certificate2Collection LoadRoots(string pem, out string problem)
    {
        problem = null;
        var roots = new X509Certificate2Collection();
        try
        {
            if (!string.IsNullOrEmpty(pem))
            {
                roots.ImportFromPem(pem);
            }
        }
        catch (CryptographicException e)
        {
            problem = "TLS: the installed root certificate cannot be read (" + e.Message + ")";
            return null;
        }

        return roots.Count == 0 ? null : roots;
    }

    /// <summary>Null when <paramref name="certificate"/> passes; otherwise the reason, naming <paramref name="server"/> ("CSMS", "HTTP server").</summary>
    public static string Check(X509Certificate2Collection roots, X509Certificate certificate, SslPolicyErrors errors, string server, string rootKind)
    {
        if (certificate == null)
        {
            return "TLS: the " + server + " sent no certificate";
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "TLS: the " + server + " certificate does not name the host of the " + server + " URL";
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (custom.Build(leaf))
        {
            return null;
        }

        foreach (X509ChainStatus status in custom.ChainStatus)
        {
            if ((status.Status & X509ChainStatusFlags.NotTimeValid) != 0)
            {
                return "TLS: the " + server + " certificate has expired or is not yet valid";
            }
        }

        return "TLS: the " + server + " certificate does not chain to an installed " + rootKind + " root certificate";
    }
}
