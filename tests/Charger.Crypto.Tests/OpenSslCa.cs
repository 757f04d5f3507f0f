#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Charger.Crypto.Tests;

/// <summary>
/// Makes keys and certificates with the `openssl` command in a temporary folder (openssl ca, so
/// validity dates are set exactly, expired ones included). Each test gets its own instance.
/// </summary>
internal sealed class OpenSslCa : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("charger-crypto-").FullName;
    private int _serial = 0x1000;

    public string Dir => _dir;

    public static string Run(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {stderr}");
        }

        return stdout;
    }

    public string Openssl(params string[] args) => Run(_dir, args);

    /// <summary>A private key: "rsa:2048", "rsa:3072", "ec:P-256", "ec:P-384".</summary>
    public string Key(string name, string kind)
    {
        string file = name + ".key";
        string[] parts = kind.Split(':');
        if (parts[0] == "rsa")
        {
            Openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + parts[1], "-out", file);
        }
        else
        {
            Openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + parts[1], "-out", file);
        }

        return file;
    }

    /// <summary>
    /// A certificate for key <paramref name="name"/>.key signed by <paramref name="issuer"/> (null:
    /// self-signed), with the given extension lines, validity and digest. Returns its DER.
    /// </summary>
    public byte[] Cert(string name, string subject, string? issuer, string extensions, DateTime notBefore, DateTime notAfter, string md = "sha256", string[]? sigopts = null)
    {
        File.WriteAllText(Path.Combine(_dir, "index.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "serial"), (_serial++).ToString("X4") + "\n");
        File.WriteAllText(Path.Combine(_dir, "ca.cnf"), """
            [ ca ]
            default_ca = CA_default
            [ CA_default ]
            database = index.txt
            new_certs_dir = .
            serial = serial
            policy = policy_any
            unique_subject = no
            email_in_dn = no
            [ policy_any ]
            commonName = supplied
            organizationName = optional
            """);
        File.WriteAllText(Path.Combine(_dir, name + ".ext"), "[ v3 ]\n" + extensions + "\n");
        Openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-utf8", "-out", name + ".csr");
        var args = new List<string>
        {
            "ca", "-batch", "-config", "ca.cnf", "-in", name + ".csr", "-out", name + ".pem", "-notext", "-md", md,
            "-startdate", notBefore.ToUniversalTime().ToString("yyyyMMddHHmmss") + "Z",
            "-enddate", notAfter.ToUniversalTime().ToString("yyyyMMddHHmmss") + "Z",
            "-extfile", name + ".ext", "-extensions", "v3",
        };
        if (issuer == null)
        {
            args.AddRange(new[] { "-selfsign", "-keyfile", name + ".key" });
        }
        else
        {
            args.AddRange(new[] { "-cert", issuer + ".pem", "-keyfile", issuer + ".key" });
        }

        foreach (var s in sigopts ?? Array.Empty<string>())
        {
            args.Add("-sigopt");
            args.Add(s);
        }

        Openssl(args.ToArray());
        Openssl("x509", "-in", name + ".pem", "-outform", "DER", "-out", name + ".der");
        return File.ReadAllBytes(Path.Combine(_dir, name + ".der"));
    }

    public string Pem(string name) => File.ReadAllText(Path.Combine(_dir, name + ".pem"));

    /// <summary>
    /// A CRL of CA <paramref name="ca"/> made by `openssl ca -gencrl`, listing the certificates named
    /// (each must have been made with <see cref="Cert"/>), with cRLNumber <paramref name="number"/>
    /// and the given update times; converted by `openssl crl` to DER (returned) and kept as
    /// <c>crl-name.pem</c>. The ca database is written here, as `openssl ca -revoke` would leave it.
    /// </summary>
    public byte[] Crl(string name, string ca, string[] revoked, DateTime thisUpdate, DateTime nextUpdate, int number = 1, string md = "sha256")
    {
        var index = new System.Text.StringBuilder();
        foreach (var cert in revoked)
        {
            var parsed = Charger.Crypto.X509Certificate.Parse(File.ReadAllBytes(Path.Combine(_dir, cert + ".der")));
            string serial = parsed.SerialNumberHex;
            if (serial.Length % 2 == 1)
            {
                serial = "0" + serial;
            }

            index.Append("R\t491231000000Z\t")
                .Append(thisUpdate.ToUniversalTime().ToString("yyMMddHHmmss")).Append("Z\t").Append(serial).Append("\tunknown\t/CN=").Append(cert).Append('\n');
        }

        File.WriteAllText(Path.Combine(_dir, "index.txt"), index.ToString());
        File.WriteAllText(Path.Combine(_dir, "crlnumber"), number.ToString("X2") + "\n");
        File.WriteAllText(Path.Combine(_dir, "crl.cnf"), """
            [ ca ]
            default_ca = CA_default
            [ CA_default ]
            database = index.txt
            crlnumber = crlnumber
            unique_subject = no
            """);
        Openssl("ca", "-gencrl", "-config", "crl.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key", "-md", md,
            "-crl_lastupdate", thisUpdate.ToUniversalTime().ToString("yyyyMMddHHmmss") + "Z",
            "-crl_nextupdate", nextUpdate.ToUniversalTime().ToString("yyyyMMddHHmmss") + "Z", "-out", name + ".pem");
        Openssl("crl", "-in", name + ".pem", "-outform", "DER", "-out", name + ".der");
        return File.ReadAllBytes(Path.Combine(_dir, name + ".der"));
    }

    public const string CaExtensions = "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash";
    public const string LeafExtensions = "basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
