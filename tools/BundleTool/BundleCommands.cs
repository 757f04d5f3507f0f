using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Charger.Ota.Bundle;

namespace Charger.BundleTool;

/// <summary>
/// <c>pack</c>, <c>sign</c> and <c>inspect</c>. Exit codes: 0 done, 1 the input is refused (a bad
/// bundle, key or certificate: the message names the check), 2 a usage mistake.
/// </summary>
public static class BundleCommands
{
    public const string Usage = """
        usage:
          BundleTool pack <folder> --version V --board B -o <bundle> [--min-boot N] [--entry Type.Name] [--order a.pe,b.pe,...] [--all-files]
              packs every .pe of <folder> (every file with --all-files) into one bundle. Files load in
              --order first, the rest each after the .pe files it references (read from the .pe
              header), else in ordinal name order. The boot set (mscorlib, Charger.Hal, Charger.Hal.Nano,
              Charger.Crypto, Charger.Ota, Charger.Boot) is refused unless --allow-boot-set. --entry names the type implementing
              IFirmwareApplication (default Charger.Device.FirmwareApplication); --min-boot defaults to 1.
          BundleTool sign <bundle> --key key.pem --cert cert.pem [-o <signature file>]
              prints the UpdateFirmware request's "signature": the RSA (PKCS#1 v1.5) or ECDSA (DER) signature
              over the SHA-256 of the entire bundle file, in base64, exactly what
              `openssl dgst -sha256 -sign key.pem <bundle> | base64 -w0` makes (OCPP 2.0.1 L01.FR.04). The
              bundle is not changed (sign the file you publish, byte for byte); the certificate must hold the
              matching public key. -o also writes the base64 signature to a file.
          BundleTool inspect <bundle> [--board B --boot-version N]
              prints the header, manifest and signature block and checks every file's size and SHA-256
              (and the board and boot version when given).
        """;

    /// <summary>Deployed with the boot assembly (README, "How to ship a firmware update"), never in a bundle.</summary>
    public static readonly string[] BootSetFiles =
    {
        "mscorlib.pe", "Charger.Hal.pe", "Charger.Hal.Nano.pe", "Charger.Crypto.pe", "Charger.Ota.pe", "Charger.Boot.pe",
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Options.Parse(args.Skip(1).ToArray());
            return args[0] switch
            {
                "pack" => Pack(options, output),
                "sign" => Sign(options, output),
                "inspect" => Inspect(options, output),
                _ => throw new UsageException("unknown command '" + args[0] + "'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine("BundleTool: " + e.Message);
            error.WriteLine(Usage);
            return 2;
        }
        catch (BundleException e)
        {
            error.WriteLine("BundleTool: bundle refused: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CryptographicException or ArgumentException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            error.WriteLine("BundleTool: " + e.Message);
            return 1;
        }
    }

    private static int Pack(Options options, TextWriter output)
    {
        string folder = options.Positional(0, "<folder>");
        string version = options.Required("--version");
        string board = options.Required("--board");
        string outPath = options.Required("-o");
        if (!Directory.Exists(folder))
        {
            throw new IOException("no folder " + folder);
        }

        if (!Charger.Ota.Slots.SlotState.IsStorableVersion(version))
        {
            throw new UsageException("--version must be 1 to 32 printable characters without spaces");
        }

        var contents = Directory.GetFiles(folder)
            .Where(f => options.Has("--all-files") || f.EndsWith(".pe", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var bootSet = contents.Keys.Where(n => BootSetFiles.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (bootSet.Count > 0 && !options.Has("--allow-boot-set"))
        {
            throw new UsageException(string.Join(", ", bootSet) + " belong(s) to the boot set, deployed once with the boot assembly: "
                + "a bundle that loads them again would hold a second copy of the contract types (--allow-boot-set to force)");
        }

        // Each .pe after the bundle files it references: Assembly.Load resolves references against what is loaded.
        var files = PeImage.LoadOrder(contents);
        var order = (options.Optional("--order") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in order.Reverse())
        {
            if (!files.Remove(name))
            {
                throw new UsageException("--order names " + name + ", which is not in " + folder);
            }

            files.Insert(0, name);
        }

        if (files.Count == 0)
        {
            throw new IOException("no " + (options.Has("--all-files") ? "files" : ".pe files") + " in " + folder);
        }

        var manifest = new BundleManifest
        {
            FormatVersion = BundleReader.FormatVersion,
            FirmwareVersion = version,
            Board = board,
            MinBootVersion = int.Parse(options.Optional("--min-boot") ?? "1"),
            EntryType = options.Optional("--entry") ?? "Charger.Device.FirmwareApplication",
        };
        var bundle = BundleWriter.Build(manifest, files.ToArray(), files.Select(f => contents[f]).ToArray());

        // Read back with the device reader: a bundle the station would refuse is never written.
        BundleReader.Open(new ByteArrayBundleSource(bundle)).VerifyFiles();
        File.WriteAllBytes(outPath, bundle);
        output.WriteLine($"packed {files.Count} files, {bundle.Length} bytes, version {version} for {board}: {outPath}");
        return 0;
    }

    private static int Sign(Options options, TextWriter output)
    {
        string path = options.Positional(0, "<bundle>");
        string keyPem = File.ReadAllText(options.Required("--key"));
        string certPem = File.ReadAllText(options.Required("--cert"));
        string outPath = options.Optional("-o");
        var bundle = File.ReadAllBytes(path);

        // Only a bundle the station would read is signed: layout and every file's SHA-256.
        var reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
        reader.VerifyFiles();

        using var certificate = X509Certificate2.CreateFromPem(certPem);
        byte[] signature;
        string algorithm;
        if (keyPem.Contains("EC PRIVATE KEY") || IsEcKey(keyPem))
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(keyPem);
            signature = key.SignData(bundle, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            using var publicKey = certificate.GetECDsaPublicKey() ?? throw new CryptographicException("the certificate holds no ECDSA key, the key is ECDSA");
            if (!publicKey.VerifyData(bundle, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                throw new CryptographicException("the certificate's public key does not match the private key");
            }

            algorithm = "ECDSA P-" + key.KeySize + " SHA-256";
        }
        else
        {
            using var key = RSA.Create();
            key.ImportFromPem(keyPem);
            signature = key.SignData(bundle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var publicKey = certificate.GetRSAPublicKey() ?? throw new CryptographicException("the certificate holds no RSA key, the key is RSA");
            if (!publicKey.VerifyData(bundle, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new CryptographicException("the certificate's public key does not match the private key");
            }

            algorithm = "RSA-" + key.KeySize + " PKCS#1 v1.5 SHA-256";
        }

        string base64 = Convert.ToBase64String(signature);
        if (outPath != null)
        {
            File.WriteAllText(outPath, base64 + "\n");
        }

        output.WriteLine($"signed all {bundle.Length} bytes of {path}, SHA-256 {Convert.ToHexString(SHA256.HashData(bundle)).ToLowerInvariant()} "
            + $"({algorithm}, certificate {certificate.Subject}){(outPath == null ? "" : ": " + outPath)}");
        output.WriteLine("signature " + base64);
        return 0;
    }

    private static bool IsEcKey(string keyPem)
    {
        try
        {
            using var probe = ECDsa.Create();
            probe.ImportFromPem(keyPem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static int Inspect(Options options, TextWriter output)
    {
        string path = options.Positional(0, "<bundle>");
        var bundle = File.ReadAllBytes(path);
        var reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
        var m = reader.Manifest;
        output.WriteLine($"bundle {path}: {bundle.Length} bytes, format {m.FormatVersion}");
        output.WriteLine($"version {m.FirmwareVersion}, board {m.Board}, min-boot {m.MinBootVersion}, entry {m.EntryType}");
        output.WriteLine($"file SHA-256 {Hex.Of(BundleReader.FileSha256(new ByteArrayBundleSource(bundle)))} (what the UpdateFirmware signature signs)");
        output.WriteLine($"manifest {reader.ManifestBytes} bytes, SHA-256 {Hex.Of(reader.ManifestDigest)}");
        for (int i = 0; i < m.FileCount; i++)
        {
            var f = m.File(i);
            output.WriteLine($"  {i + 1,2}. {f.Name,-28} {f.SizeBytes,8} bytes  {Hex.Of(f.Sha256)}");
        }

        reader.VerifyFiles();
        output.WriteLine($"files: all {m.FileCount} match their size and SHA-256 ({reader.SignatureBlockOffset - reader.PayloadOffset} bytes)");
        var board = options.Optional("--board");
        if (board != null)
        {
            reader.CheckTarget(board, int.Parse(options.Optional("--boot-version") ?? "1"));
            output.WriteLine($"target: fits {board}");
        }

        var signature = new SignatureSummary();
        reader.CheckSignature(signature);
        output.WriteLine(signature.Text);
        return 0;
    }

    /// <summary>Describes the signature block for inspect; it accepts everything and verifies nothing.</summary>
    private sealed class SignatureSummary : IBundleSignatureCheck
    {
        public string Text { get; private set; } = "embedded signature block: none (the signature travels in the UpdateFirmware request)";

        public SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] signature, string signingCertificatePem)
        {
            if (signature != null)
            {
                string subject;
                try
                {
                    using var certificate = X509Certificate2.CreateFromPem(signingCertificatePem);
                    subject = certificate.Subject + ", valid " + certificate.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd") + " to "
                        + certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd");
                }
                catch (CryptographicException e)
                {
                    subject = "unreadable certificate: " + e.Message;
                }

                Text = $"embedded signature block (legacy, not used by the station): {signature.Length} bytes, certificate {subject}";
            }

            return SignatureVerdict.Accept("described");
        }
    }

    private sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message)
        {
        }
    }

    private sealed class Options
    {
        private readonly List<string> _positional = new();
        private readonly Dictionary<string, string> _named = new();

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is "--all-files" or "--allow-boot-set")
                {
                    options._named[args[i]] = "true";
                }
                else if (args[i].StartsWith('-'))
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new UsageException(args[i] + " needs a value");
                    }

                    options._named[args[i]] = args[++i];
                }
                else
                {
                    options._positional.Add(args[i]);
                }
            }

            return options;
        }

        public bool Has(string name) => _named.ContainsKey(name);

        public string Optional(string name) => _named.TryGetValue(name, out var v) ? v : null;

        public string Required(string name) => Optional(name) ?? throw new UsageException(name + " is required");

        public string Positional(int index, string what) =>
            index < _positional.Count ? _positional[index] : throw new UsageException(what + " is required");
    }
}
