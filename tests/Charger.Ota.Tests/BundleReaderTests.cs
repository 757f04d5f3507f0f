using System.Text;
using Charger.Ota.Bundle;

namespace Charger.Ota.Tests;

public class BundleReaderTests
{
    private static readonly byte[] Good = OtaRig.MakeBundle("1.4.0");

    private static BundleError ErrorOf(byte[] bundle, string board = OtaRig.Board, int bootVersion = OtaRig.BootVersion, IBundleSignatureCheck check = null)
    {
        try
        {
            BundleReader.OpenAndVerify(new ByteArrayBundleSource(bundle), board, bootVersion, check ?? OtaRig.AllowListFor(Good));
            return BundleError.None;
        }
        catch (BundleException e)
        {
            return e.Error;
        }
    }

    /// <summary>The bundle with its manifest replaced (header lengths fixed up, payload kept).</summary>
    private static byte[] WithManifest(byte[] bundle, Func<string, string> edit)
    {
        var reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
        var text = Encoding.Latin1.GetString(bundle, BundleReader.HeaderBytes, reader.ManifestBytes);
        var manifest = Encoding.Latin1.GetBytes(edit(text));
        var result = new List<byte>();
        result.AddRange(bundle[..BundleReader.HeaderBytes]);
        result.AddRange(manifest);
        result.AddRange(bundle[(BundleReader.HeaderBytes + reader.ManifestBytes)..]);
        var bytes = result.ToArray();
        BitConverter.GetBytes((uint)manifest.Length).CopyTo(bytes, 8);
        return bytes;
    }

    [Fact]
    public void AGoodBundleOpensWithItsManifestAndFiles()
    {
        var reader = BundleReader.OpenAndVerify(new ByteArrayBundleSource(Good), OtaRig.Board, OtaRig.BootVersion, OtaRig.AllowListFor(Good));
        Assert.Equal("1.4.0", reader.Manifest.FirmwareVersion);
        Assert.Equal("ESP32", reader.Manifest.Board);
        Assert.Equal("Test.App", reader.Manifest.EntryType);
        Assert.Equal(2, reader.Manifest.FileCount);
        Assert.Equal(701, reader.ReadFile(1).Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(reader.ReadFile(0)), reader.Manifest.File(0).Sha256);
    }

    [Fact]
    public void EveryTruncationIsTruncated()
    {
        for (int length = 0; length < Good.Length; length++)
        {
            Assert.Equal(BundleError.Truncated, ErrorOf(Good[..length]));
        }
    }

    [Fact]
    public void EachMalformedInputHasItsOwnError()
    {
        var badMagic = (byte[])Good.Clone();
        badMagic[0] = (byte)'X';
        Assert.Equal(BundleError.BadMagic, ErrorOf(badMagic));

        var format = (byte[])Good.Clone();
        format[4] = 2;
        Assert.Equal(BundleError.UnsupportedFormat, ErrorOf(format));

        var trailing = Good.Concat(new byte[] { 0 }).ToArray();
        Assert.Equal(BundleError.BadLayout, ErrorOf(trailing));

        var zeroManifest = (byte[])Good.Clone();
        BitConverter.GetBytes(0u).CopyTo(zeroManifest, 8);
        Assert.Equal(BundleError.BadLayout, ErrorOf(zeroManifest));

        var hugeManifest = (byte[])Good.Clone();
        BitConverter.GetBytes(0xFFFFFFF0u).CopyTo(hugeManifest, 8);
        Assert.Equal(BundleError.BadLayout, ErrorOf(hugeManifest));

        var hash = (byte[])Good.Clone();
        hash[^5] ^= 0x10;
        Assert.Equal(BundleError.HashMismatch, ErrorOf(hash));

        // A size in the manifest that does not add up with the payload length in the header.
        Assert.Equal(BundleError.SizeMismatch, ErrorOf(WithManifest(Good, t => t.Replace(" 700 ", " 699 "))));

        Assert.Equal(BundleError.WrongBoard, ErrorOf(Good, board: "STM32"));
        Assert.Equal(BundleError.BootTooOld, ErrorOf(OtaRig.MakeBundle("1.4.0", minBoot: 3), check: OtaRig.AllowListFor(OtaRig.MakeBundle("1.4.0", minBoot: 3))));
        Assert.Equal(BundleError.SignatureRejected, ErrorOf(Good, check: new DigestAllowListSignatureCheck()));
    }

    [Theory]
    [InlineData("format 1\n", "format 1\nformat 1\n")]
    [InlineData("format 1\n", "")]
    [InlineData("board ESP32\n", "board ESP32\nextra yes\n")]
    [InlineData("version 1.4.0", "version 1.4.0 beta")]
    [InlineData("version 1.4.0", "version ")]
    [InlineData("min-boot 1", "min-boot -1")]
    [InlineData("min-boot 1", "min-boot 99999999999")]
    [InlineData("Part0.pe", "../Part0.pe")]
    [InlineData("Part1.pe", "Part0.pe")]
    [InlineData("entry Test.App\n", "entry Test.App\r\n")]
    [InlineData("board ESP32", "board ESP\u00e932")]
    public void ManifestGrammarBreaksAreBadManifest(string from, string to)
    {
        Assert.Equal(BundleError.BadManifest, ErrorOf(WithManifest(Good, t => t.Replace(from, to))));
    }

    [Fact]
    public void AManifestHashThatIsNotHexIsBadManifest()
    {
        Assert.Equal(BundleError.BadManifest, ErrorOf(WithManifest(Good, t =>
        {
            int at = t.IndexOf("Part0.pe 700 ") + "Part0.pe 700 ".Length;
            return t[..at] + "G" + t[(at + 1)..];
        })));
    }

    [Fact]
    public void SignatureBlocksThatDoNotAddUpAreBadSignatureBlock()
    {
        var signed = BundleWriter.WithSignature(Good, new byte[] { 1, 2, 3 }, "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
        Assert.Equal(BundleError.None, ErrorOf(signed));

        var reader = BundleReader.Open(new ByteArrayBundleSource(signed));
        int block = (int)reader.SignatureBlockOffset;
        var sigTooLong = (byte[])signed.Clone();
        BitConverter.GetBytes(5000u).CopyTo(sigTooLong, block);
        Assert.Equal(BundleError.BadSignatureBlock, ErrorOf(sigTooLong));

        var certShort = (byte[])signed.Clone();
        BitConverter.GetBytes(3u).CopyTo(certShort, block + 4 + 3);
        Assert.Equal(BundleError.BadSignatureBlock, ErrorOf(certShort));

        var binaryCert = (byte[])signed.Clone();
        binaryCert[block + 8 + 3 + 2] = 0x01;
        Assert.Equal(BundleError.BadSignatureBlock, ErrorOf(binaryCert));
    }

    [Fact]
    public void TheCheckReceivesTheWholeFileTheManifestDigestAndTheEmbeddedSignatureBlock()
    {
        var signed = BundleWriter.WithSignature(Good, new byte[] { 9, 8, 7 }, "PEM\n");
        var seen = new CapturingCheck();
        BundleReader.OpenAndVerify(new ByteArrayBundleSource(signed), OtaRig.Board, OtaRig.BootVersion, seen);
        var reader = BundleReader.Open(new ByteArrayBundleSource(Good));
        var manifest = Good.AsSpan(BundleReader.HeaderBytes, reader.ManifestBytes).ToArray();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(manifest), seen.Digest);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(signed), seen.FileDigest);
        Assert.Equal(new byte[] { 9, 8, 7 }, seen.Signature);
        Assert.Equal("PEM\n", seen.Certificate);
    }

    [Fact]
    public void MutatedBundlesAreRefusedWithABundleErrorOrStillVerifyNeverAnythingElse()
    {
        var random = new Random(1414);
        var signed = BundleWriter.WithSignature(Good, new byte[] { 1, 2, 3, 4 }, "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
        var counts = new Dictionary<BundleError, int>();
        for (int i = 0; i < 20000; i++)
        {
            var bundle = (byte[])signed.Clone();
            switch (random.Next(4))
            {
                case 0:
                    for (int k = random.Next(1, 4); k > 0; k--)
                    {
                        bundle[random.Next(bundle.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    // Header fields are where lengths live: hit them more often.
                    bundle[random.Next(BundleReader.HeaderBytes)] = (byte)random.Next(256);
                    break;
                case 2:
                    bundle = bundle[..random.Next(bundle.Length)];
                    break;
                default:
                    var extra = new byte[random.Next(1, 40)];
                    random.NextBytes(extra);
                    int at = random.Next(bundle.Length);
                    bundle = bundle[..at].Concat(extra).Concat(bundle[at..]).ToArray();
                    break;
            }

            var error = ErrorOf(bundle);
            counts[error] = counts.GetValueOrDefault(error) + 1;
        }

        // Anything but BundleException escaping ErrorOf fails the test; a bundle that still verified
        // may differ only in bytes nobody signs (the signature and certificate text).
        Assert.True(counts.Count >= 8, "errors seen: " + string.Join(", ", counts.Keys));
    }

    private sealed class CapturingCheck : IBundleSignatureCheck
    {
        public byte[] Digest;
        public byte[] FileDigest;
        public byte[] Signature;
        public string Certificate;

        public SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] signature, string signingCertificatePem)
        {
            FileDigest = BundleReader.FileSha256(bundle);
            Digest = manifestSha256;
            Signature = signature;
            Certificate = signingCertificatePem;
            return SignatureVerdict.Accept("captured");
        }
    }
}
