using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Charger.BundleTool;
using Charger.Ota.Bundle;

namespace Charger.Ota.Tests;

public sealed class BundleToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bundletool-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private (int Code, string Out, string Err) Tool(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = BundleCommands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Folder()
    {
        var folder = Path.Combine(_dir, "app");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "Lib.pe"), Enumerable.Range(0, 900).Select(i => (byte)i).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "App.pe"), Enumerable.Range(0, 1300).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not packed");
        return folder;
    }

    private static byte[] SignatureIn(string signOutput) =>
        Convert.FromBase64String(signOutput.Split('\n').Single(l => l.StartsWith("signature ")).Substring("signature ".Length).Trim());

    [Fact]
    public void PackTakesThePeFilesInTheGivenOrderAndInspectChecksThem()
    {
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        var pack = Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath, "--order", "Lib.pe", "--entry", "My.App");
        Assert.Equal(0, pack.Code);
        Assert.Contains("packed 2 files", pack.Out);

        var reader = BundleReader.OpenAndVerify(new ByteArrayBundleSource(File.ReadAllBytes(bundlePath)), "ESP32", 1, new AcceptAnySignature());
        Assert.Equal("Lib.pe", reader.Manifest.File(0).Name);
        Assert.Equal("App.pe", reader.Manifest.File(1).Name);
        Assert.Equal("My.App", reader.Manifest.EntryType);

        var inspect = Tool("inspect", bundlePath, "--board", "ESP32", "--boot-version", "1");
        Assert.Equal(0, inspect.Code);
        Assert.Contains("version 1.5.0, board ESP32", inspect.Out);
        Assert.Contains("files: all 2 match", inspect.Out);
        Assert.Contains("embedded signature block: none", inspect.Out);
        Assert.Contains("file SHA-256 " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(bundlePath))).ToLowerInvariant(), inspect.Out);

        var wrongBoard = Tool("inspect", bundlePath, "--board", "STM32");
        Assert.Equal(1, wrongBoard.Code);
        Assert.Contains("WrongBoard", wrongBoard.Err);
    }

    [Fact]
    public void InspectNamesTheCheckADamagedBundleFails()
    {
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath);
        var bytes = File.ReadAllBytes(bundlePath);
        bytes[^10] ^= 1;
        File.WriteAllBytes(bundlePath, bytes);

        var inspect = Tool("inspect", bundlePath);

        Assert.Equal(1, inspect.Code);
        Assert.Contains("HashMismatch", inspect.Err);
        File.WriteAllBytes(bundlePath, bytes[..30]);
        Assert.Contains("Truncated", Tool("inspect", bundlePath).Err);
    }

    [Fact]
    public void SignWithAnRsaKeyMakesAPkcs1SignatureOverTheWholeFileThatTheCertificateVerifies_L01_FR_04()
    {
        using var key = RSA.Create(2048);
        var certificate = new CertificateRequest("CN=Firmware Signer RSA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var bundle = SignWith(key.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem(), out var signOutput);

        Assert.Contains("RSA-2048 PKCS#1 v1.5 SHA-256", signOutput);
        Assert.Contains("signed all " + bundle.Length + " bytes", signOutput);
        Assert.True(certificate.GetRSAPublicKey().VerifyData(bundle, SignatureIn(signOutput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(Convert.ToBase64String(SignatureIn(signOutput)), File.ReadAllText(Path.Combine(_dir, "fw.sig")).Trim());
    }

    [Fact]
    public void SignWithAnEcdsaKeyMakesADerSignatureOverTheWholeFileThatTheCertificateVerifies_L01_FR_04()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = new CertificateRequest("CN=Firmware Signer EC", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var bundle = SignWith(key.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem(), out var signOutput);

        Assert.Contains("ECDSA P-256 SHA-256", signOutput);
        Assert.True(certificate.GetECDsaPublicKey().VerifyData(bundle, SignatureIn(signOutput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void SignLeavesTheBundleByteForByteSoTheSignedFileIsTheOnePublished()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = new CertificateRequest("CN=Unchanged", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Assert.Equal(0, Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath).Code);
        var before = File.ReadAllBytes(bundlePath);
        File.WriteAllText(Path.Combine(_dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), certificate.ExportCertificatePem());

        Assert.Equal(0, Tool("sign", bundlePath, "--key", Path.Combine(_dir, "key.pem"), "--cert", Path.Combine(_dir, "cert.pem")).Code);

        Assert.Equal(before, File.ReadAllBytes(bundlePath));
    }

    [Fact]
    public void AKeyThatDoesNotMatchTheCertificateIsRefused()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var certificate = new CertificateRequest("CN=Other", other, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath);
        File.WriteAllText(Path.Combine(_dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), certificate.ExportCertificatePem());

        var sign = Tool("sign", bundlePath, "--key", Path.Combine(_dir, "key.pem"), "--cert", Path.Combine(_dir, "cert.pem"));

        Assert.Equal(1, sign.Code);
        Assert.Contains("does not match", sign.Err);
    }

    [Fact]
    public void SignPrintsExactlyWhatOpensslDgstSignsOverTheWholeFile_L01_FR_04()
    {
        var keyPath = Path.Combine(_dir, "key.pem");
        var certPath = Path.Combine(_dir, "cert.pem");
        Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -keyout {keyPath} -out {certPath} -days 30 -subj /CN=openssl-signer");
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath);

        var sign = Tool("sign", bundlePath, "--key", keyPath, "--cert", certPath);
        Assert.Equal(0, sign.Code);

        // RSASSA-PKCS1-v1_5 is deterministic: the CSMS operator's openssl command gives the same bytes.
        var sigPath = Path.Combine(_dir, "openssl.sig");
        Run("openssl", $"dgst -sha256 -sign {keyPath} -out {sigPath} {bundlePath}");
        Assert.Equal(File.ReadAllBytes(sigPath), SignatureIn(sign.Out));
    }

    [Fact]
    public void AnEcdsaSignatureOfTheToolVerifiesWithOpensslOverTheWholeFile()
    {
        var keyPath = Path.Combine(_dir, "key.pem");
        var certPath = Path.Combine(_dir, "cert.pem");
        Run("openssl", $"req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {keyPath} -out {certPath} -days 30 -subj /CN=openssl-signer");
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath);

        var sign = Tool("sign", bundlePath, "--key", keyPath, "--cert", certPath);
        Assert.Equal(0, sign.Code);

        File.WriteAllBytes(Path.Combine(_dir, "sig"), SignatureIn(sign.Out));
        Run("openssl", $"x509 -in {certPath} -pubkey -noout -out {Path.Combine(_dir, "pub.pem")}");
        var verify = Run("openssl", $"dgst -sha256 -verify {Path.Combine(_dir, "pub.pem")} -signature {Path.Combine(_dir, "sig")} {bundlePath}");
        Assert.Contains("Verified OK", verify);
    }

    [Fact]
    public void PackOrdersEachPeAfterTheBundleAssembliesItReferences()
    {
        var folder = Path.Combine(_dir, "refs");
        Directory.CreateDirectory(folder);
        // Ordinal order would be Charger.Device, Charger.Firmware, Charger.Metering: the reverse of what loads.
        File.WriteAllBytes(Path.Combine(folder, "Charger.Device.pe"), FakePe("Charger.Device", "Charger.Firmware", "Charger.Metering", "mscorlib"));
        File.WriteAllBytes(Path.Combine(folder, "Charger.Firmware.pe"), FakePe("Charger.Firmware", "Charger.Metering"));
        File.WriteAllBytes(Path.Combine(folder, "Charger.Metering.pe"), FakePe("Charger.Metering", "mscorlib"));
        var bundlePath = Path.Combine(_dir, "fw.cfwb");

        Assert.Equal(0, Tool("pack", folder, "--version", "2.0.0", "--board", "ESP32", "-o", bundlePath).Code);

        var manifest = BundleReader.Open(new ByteArrayBundleSource(File.ReadAllBytes(bundlePath))).Manifest;
        Assert.Equal(new[] { "Charger.Metering.pe", "Charger.Firmware.pe", "Charger.Device.pe" }, Enumerable.Range(0, 3).Select(i => manifest.File(i).Name));

        File.WriteAllBytes(Path.Combine(folder, "Charger.Metering.pe"), FakePe("Charger.Metering", "Charger.Device"));
        var cycle = Tool("pack", folder, "--version", "2.0.0", "--board", "ESP32", "-o", bundlePath);
        Assert.Equal(1, cycle.Code);
        Assert.Contains("reference cycle", cycle.Err);
    }

    [Fact]
    public void PackRefusesTheBootSetAssemblies()
    {
        var folder = Folder();
        File.WriteAllBytes(Path.Combine(folder, "Charger.Ota.pe"), new byte[] { 1, 2, 3 });

        var pack = Tool("pack", folder, "--version", "1.5.0", "--board", "ESP32", "-o", Path.Combine(_dir, "fw.cfwb"));

        Assert.Equal(2, pack.Code);
        Assert.Contains("Charger.Ota.pe belong(s) to the boot set", pack.Err);
    }

    /// <summary>The smallest NFMRK1 image the header reader needs: name, assembly references, string table.</summary>
    private static byte[] FakePe(string name, params string[] references)
    {
        var strings = new List<byte>();
        int Add(string text)
        {
            int id = strings.Count;
            strings.AddRange(System.Text.Encoding.UTF8.GetBytes(text));
            strings.Add(0);
            return id;
        }

        int nameId = Add(name);
        var refIds = references.Select(Add).ToArray();
        const int headerBytes = 0x80;
        int refsEnd = headerBytes + (12 * refIds.Length);
        var pe = new byte[refsEnd + strings.Count];
        System.Text.Encoding.ASCII.GetBytes("NFMRK1").CopyTo(pe, 0);
        BitConverter.GetBytes((ushort)nameId).CopyTo(pe, 0x24);
        for (int table = 0; table <= 16; table++)
        {
            int start = table == 0 ? headerBytes : table <= 11 ? refsEnd : pe.Length;
            if (table < 16)
            {
                BitConverter.GetBytes(start).CopyTo(pe, 0x28 + (4 * table));
            }
        }

        for (int i = 0; i < refIds.Length; i++)
        {
            BitConverter.GetBytes((ushort)refIds[i]).CopyTo(pe, headerBytes + (12 * i));
        }

        strings.CopyTo(pe, refsEnd);
        return pe;
    }

    [Theory]
    [InlineData("pack")]
    [InlineData("pack", "folder", "--version")]
    [InlineData("sign", "x.cfwb")]
    [InlineData("frobnicate")]
    public void UsageMistakesExitWithTwo(params string[] args)
    {
        Assert.Equal(2, Tool(args).Code);
    }

    private byte[] SignWith(string keyPem, string certPem, out string signOutput)
    {
        var bundlePath = Path.Combine(_dir, "fw.cfwb");
        Assert.Equal(0, Tool("pack", Folder(), "--version", "1.5.0", "--board", "ESP32", "-o", bundlePath).Code);
        File.WriteAllText(Path.Combine(_dir, "key.pem"), keyPem);
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), certPem);
        var sign = Tool("sign", bundlePath, "--key", Path.Combine(_dir, "key.pem"), "--cert", Path.Combine(_dir, "cert.pem"), "-o", Path.Combine(_dir, "fw.sig"));
        Assert.True(sign.Code == 0, sign.Err);
        signOutput = sign.Out;
        return File.ReadAllBytes(bundlePath);
    }

    private static string Run(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, file + " " + arguments + ": " + output);
        return output;
    }
}

/// <summary>For tests about layout and hashes only: accepts any manifest (signatures are BundleToolTests' own subject).</summary>
internal sealed class AcceptAnySignature : IBundleSignatureCheck
{
    public SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] embeddedSignature, string embeddedCertificatePem) => SignatureVerdict.Accept("test");
}
