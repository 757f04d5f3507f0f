using System;
using System.Diagnostics;
using System.IO;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Certificates made by the `openssl` command in a temporary folder, for the TLS interop tests:
/// a root CA and leaves it issues (server or client), with the names and validity each test needs.
/// </summary>
public sealed class OpensslPki : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ocpp-pki-" + Guid.NewGuid().ToString("N"));

    public OpensslPki()
    {
        Directory.CreateDirectory(_dir);
    }

    public string Folder => _dir;

    /// <summary>A self-signed CA (EC P-256); returns the base path: base.pem and base.key.</summary>
    public string Root(string name, string commonName)
    {
        string b = Path.Combine(_dir, name);
        Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", b + ".key", "-out", b + ".pem",
            "-subj", "/CN=" + commonName, "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return b;
    }

    /// <summary>
    /// A leaf issued by <paramref name="issuer"/> (a base path from <see cref="Root"/>), RSA 2048.
    /// <paramref name="days"/> below 0 makes a certificate that has already expired.
    /// </summary>
    public string Leaf(string name, string issuer, string commonName, string subjectAltName, bool client, int days = 10)
    {
        string b = Path.Combine(_dir, name);
        Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", b + ".key", "-out", b + ".csr", "-subj", "/CN=" + commonName);
        string ext = b + ".ext";
        File.WriteAllText(ext, (subjectAltName != null ? "subjectAltName=" + subjectAltName + "\n" : "") +
            "extendedKeyUsage=" + (client ? "clientAuth" : "serverAuth") + "\nbasicConstraints=CA:FALSE\n");
        Run("x509", "-req", "-in", b + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + ".key", "-CAcreateserial",
            "-out", b + ".pem", "-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "-extfile", ext);
        return b;
    }

    public string Pem(string basePath) => File.ReadAllText(basePath + ".pem");

    public string Key(string basePath) => File.ReadAllText(basePath + ".key");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // A node child may still hold a file open; the temp folder is cleaned by the OS.
        }
    }

    private void Run(params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir,
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started");
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("openssl " + string.Join(' ', args) + " failed: " + err);
        }
    }
}
