using System;
using System.IO;
using Charger.Crypto.Tests;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// TLS certificates for the interop and simulator tests, made by the `openssl` command through
/// <see cref="OpenSslCa"/>: a root CA and server or client leaves it issues, with the names and
/// validity each test needs. Paths are returned without extension: base.pem and base.key.
/// </summary>
public sealed class OpensslPki : IDisposable
{
    private readonly OpenSslCa _ca = new();

    public string Folder => _ca.Dir;

    /// <summary>A self-signed CA (EC P-256), valid from yesterday for 30 days.</summary>
    public string Root(string name, string commonName)
    {
        _ca.Key(name, "ec:P-256");
        _ca.Cert(name, "/CN=" + commonName, null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30));
        return Path.Combine(Folder, name);
    }

    /// <summary>
    /// A leaf (RSA 2048) issued by <paramref name="issuer"/>, a path from <see cref="Root"/>; with
    /// <paramref name="days"/> below 0 it expired that many days ago (valid for the 30 days before).
    /// </summary>
    public string Leaf(string name, string issuer, string commonName, string subjectAltName, bool client, int days = 10)
    {
        _ca.Key(name, "rsa:2048");
        string extensions = "basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature, keyEncipherment\n" +
            "extendedKeyUsage = " + (client ? "clientAuth" : "serverAuth") + (subjectAltName != null ? "\nsubjectAltName = " + subjectAltName : "");
        DateTime notAfter = DateTime.UtcNow.AddDays(days);
        _ca.Cert(name, "/CN=" + commonName, Path.GetFileName(issuer), extensions, (days < 0 ? notAfter : DateTime.UtcNow).AddDays(-30), notAfter);
        return Path.Combine(Folder, name);
    }

    public string Pem(string basePath) => File.ReadAllText(basePath + ".pem");

    public string Key(string basePath) => File.ReadAllText(basePath + ".key");

    public void Dispose() => _ca.Dispose();
}
