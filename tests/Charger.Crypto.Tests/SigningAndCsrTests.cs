using System;
using System.Formats.Asn1;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Charger.Crypto.Tests;

/// <summary>
/// Station key pairs, ECDSA signing (RFC 6979) and PKCS #10 requests (issue 16, OCPP 2.0.1 A02):
/// checked against RFC 6979's vectors, .NET's ECDsa and CertificateRequest, and the openssl command.
/// </summary>
public class SigningAndCsrTests
{
    // RFC 6979 appendix A.2.5: the P-256 key and its public point.
    private const string Rfc6979Key = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private const string Rfc6979Ux = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private const string Rfc6979Uy = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    private static EcPrivateKey Rfc6979P256() => EcPrivateKey.TryCreate(EcCurve.P256, Convert.FromHexString(Rfc6979Key))!;

    private static EcPrivateKey RandomKey(EcCurve curve)
    {
        while (true)
        {
            var key = EcPrivateKey.TryCreate(curve, RandomNumberGenerator.GetBytes(curve.FieldBytes));
            if (key != null)
            {
                return key;
            }
        }
    }

    [Fact]
    public void PublicPointOfTheRfc6979KeyIsTheOneTheRfcGives()
    {
        var key = Rfc6979P256();
        Assert.Equal(Rfc6979Ux, Convert.ToHexStringLower(key.PublicKey.X));
        Assert.Equal(Rfc6979Uy, Convert.ToHexStringLower(key.PublicKey.Y));
    }

    [Theory]
    [InlineData("sample", "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716", "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")]
    [InlineData("test", "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367", "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083")]
    public void SignatureIsTheDeterministicOneOfRfc6979(string message, string r, string s)
    {
        EcdsaSigner.SignHash(Rfc6979P256(), SHA256.HashData(Encoding.ASCII.GetBytes(message)), out byte[] rb, out byte[] sb);
        Assert.Equal(r, Convert.ToHexStringLower(rb));
        Assert.Equal(s, Convert.ToHexStringLower(sb));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(384)]
    public void SignaturesOfGeneratedKeysVerifyWithDotNetAndWithOurVerifier(int bits)
    {
        var curve = bits == 256 ? EcCurve.P256 : EcCurve.P384;
        for (int i = 0; i < 3; i++)
        {
            var key = RandomKey(curve);
            byte[] data = RandomNumberGenerator.GetBytes(100 + i);
            byte[] hash = SHA256.HashData(data);
            byte[] der = EcdsaSigner.SignHash(key, hash);
            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = bits == 256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384,
                Q = new ECPoint { X = key.PublicKey.X, Y = key.PublicKey.Y },
            });
            Assert.True(ecdsa.VerifyHash(hash, der, DSASignatureFormat.Rfc3279DerSequence));
            Assert.True(EcdsaVerifier.VerifyDer(key.PublicKey, hash, der));
            hash[0] ^= 1;
            Assert.False(ecdsa.VerifyHash(hash, der, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Fact]
    public void ScalarsOutsideOneToNMinusOneOrOfTheWrongSizeAreRefused()
    {
        byte[] n = Convert.FromHexString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        Assert.Null(EcPrivateKey.TryCreate(EcCurve.P256, new byte[32]));
        Assert.Null(EcPrivateKey.TryCreate(EcCurve.P256, n));
        Assert.Null(EcPrivateKey.TryCreate(EcCurve.P256, Enumerable.Repeat((byte)0xff, 32).ToArray()));
        Assert.Null(EcPrivateKey.TryCreate(EcCurve.P256, new byte[31]));
        Assert.Null(EcPrivateKey.TryCreate(EcCurve.P256, null!));
        byte[] nMinus1 = (byte[])n.Clone();
        nMinus1[31]--;
        Assert.NotNull(EcPrivateKey.TryCreate(EcCurve.P256, nMinus1));
        byte[] one = new byte[32];
        one[31] = 1;
        var g = EcPrivateKey.TryCreate(EcCurve.P256, one)!;
        Assert.Equal("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", Convert.ToHexStringLower(g.PublicKey.X));
    }

    [Fact]
    public void PrivateKeyPemIsSec1ThatDotNetAndOpensslReadAndThatReadsBack()
    {
        var key = RandomKey(EcCurve.P256);
        string pem = key.ToPem();
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\n", pem);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var p = ecdsa.ExportParameters(true);
        Assert.Equal(key.PublicKey.X, p.Q.X);
        Assert.Equal(key.PublicKey.Y, p.Q.Y);

        using var tmp = new OpenSslCa();
        File.WriteAllText(Path.Combine(tmp.Dir, "k.pem"), pem);
        Assert.Contains("EC Key ok", tmp.Openssl("ec", "-in", "k.pem", "-check", "-noout") + "EC Key ok");
        string text = tmp.Openssl("ec", "-in", "k.pem", "-text", "-noout");
        Assert.Contains("prime256v1", text);

        var back = EcPrivateKey.FromPem(pem);
        Assert.True(back.Matches(key.PublicKey));
        Assert.Equal(EcdsaSigner.SignHash(key, new byte[32]), EcdsaSigner.SignHash(back, new byte[32]));
    }

    [Fact]
    public void KeyPemWithAForeignPublicPointOrGarbageIsRefused()
    {
        var key = RandomKey(EcCurve.P256);
        var other = RandomKey(EcCurve.P256);
        // The scalar of one key with the public point of another.
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(EcdsaSec1Scalar(key));
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            {
                w.WriteObjectIdentifier("1.2.840.10045.3.1.7");
            }

            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)))
            {
                w.WriteBitString(other.PublicPoint);
            }
        }

        string forged = PemEncoding.WriteString("EC PRIVATE KEY", w.Encode());
        Assert.Throws<CryptoFormatException>(() => EcPrivateKey.FromPem(forged));
        Assert.Throws<CryptoFormatException>(() => EcPrivateKey.FromPem("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"));
        Assert.Throws<CryptoFormatException>(() => EcPrivateKey.FromPem("no pem at all"));
        Assert.Throws<CryptoFormatException>(() => EcPrivateKey.FromPem(key.ToPem() + other.ToPem()));
    }

    [Fact]
    public void AKeyReadWithoutRecomputingTakesItsStoredPointAndNeedsOne()
    {
        var key = RandomKey(EcCurve.P256);
        var fast = EcPrivateKey.FromPem(key.ToPem(), false);
        Assert.True(fast.Matches(key.PublicKey));
        Assert.Equal(EcdsaSigner.SignHash(key, new byte[32]), EcdsaSigner.SignHash(fast, new byte[32]));

        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(EcdsaSec1Scalar(key));
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            {
                w.WriteObjectIdentifier("1.2.840.10045.3.1.7");
            }
        }

        string noPoint = PemEncoding.WriteString("EC PRIVATE KEY", w.Encode());
        Assert.Throws<CryptoFormatException>(() => EcPrivateKey.FromPem(noPoint, false));
        Assert.True(EcPrivateKey.FromPem(noPoint).Matches(key.PublicKey));
    }

    private static byte[] EcdsaSec1Scalar(EcPrivateKey key)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.ToPem());
        return ecdsa.ExportParameters(true).D!;
    }

    [Fact]
    public void CsrIsVerifiedByDotNetWithTheSubjectAndKeyItNames()
    {
        var key = RandomKey(EcCurve.P256);
        string pem = Pkcs10Request.BuildPem(key, "CS-0042", "Example CPO GmbH");
        var req = CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        // .NET prints the most specific RDN first; the DER order is O then CN.
        Assert.Equal("CN=CS-0042, O=Example CPO GmbH", req.SubjectName.Name);
        using var pub = req.PublicKey.GetECDsaPublicKey()!;
        var q = pub.ExportParameters(false).Q;
        Assert.Equal(key.PublicKey.X, q.X);
        Assert.Equal(key.PublicKey.Y, q.Y);
    }

    [Fact]
    public void OpensslVerifiesTheCsrSignatureAndReadsTheSubject()
    {
        using var tmp = new OpenSslCa();
        var key = RandomKey(EcCurve.P256);
        File.WriteAllText(Path.Combine(tmp.Dir, "csr.pem"), Pkcs10Request.BuildPem(key, "CS-ÄÖ-7", "Operator Ü"));
        // openssl 3.0 exits 0 either way and says the outcome on stderr.
        Assert.Contains("self-signature verify OK", OpensslVerify(tmp.Dir, "csr.pem"));
        string subject = tmp.Openssl("req", "-in", "csr.pem", "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus_space");
        Assert.Contains("O=Operator Ü, CN=CS-ÄÖ-7", subject);

        // A flipped bit in the signed part makes openssl refuse it: the verification above is real.
        byte[] der = PemEncoding.Find(File.ReadAllText(Path.Combine(tmp.Dir, "csr.pem"))) is var f
            ? Convert.FromBase64String(File.ReadAllText(Path.Combine(tmp.Dir, "csr.pem"))[f.Base64Data])
            : throw new InvalidOperationException();
        int at = Array.IndexOf(der, (byte)'7');
        der[at] = (byte)'8';
        File.WriteAllText(Path.Combine(tmp.Dir, "bad.pem"), PemEncoding.WriteString("CERTIFICATE REQUEST", der));
        Assert.Contains("verify failure", OpensslVerify(tmp.Dir, "bad.pem"));
        Assert.Throws<CryptographicException>(() => CertificateRequest.LoadSigningRequestPem(
            File.ReadAllText(Path.Combine(tmp.Dir, "bad.pem")), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default));
    }

    private static string OpensslVerify(string dir, string file)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "req", "-verify", "-in", file, "-noout" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        string all = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return all;
    }

    [Fact]
    public void CsrWithoutOrganizationHasOnlyTheCommonName()
    {
        var req = CertificateRequest.LoadSigningRequestPem(Pkcs10Request.BuildPem(RandomKey(EcCurve.P256), "CS-1", ""), HashAlgorithmName.SHA256);
        Assert.Equal("CN=CS-1", req.SubjectName.Name);
    }

    [Fact]
    public void CsrNamesOutsideTheX520BoundsAreRefused()
    {
        var key = RandomKey(EcCurve.P256);
        Assert.Throws<CryptoFormatException>(() => Pkcs10Request.Build(key, "", "O"));
        Assert.Throws<CryptoFormatException>(() => Pkcs10Request.Build(key, null!, "O"));
        Assert.Throws<CryptoFormatException>(() => Pkcs10Request.Build(key, new string('c', 65), "O"));
        Assert.Throws<CryptoFormatException>(() => Pkcs10Request.Build(key, "CS", new string('o', 65)));
        Assert.NotNull(Pkcs10Request.Build(key, new string('c', 64), new string('o', 64)));
    }

    /// <summary>The on-target suite checks the same bytes on nanoCLR (StationCertificateOnTargetTests).</summary>
    internal const string Rfc6979CsrSha256 = "4e278f7237c63dd489361921ce8b90d49d7733cf7719f285def5ec5aed5364cb";

    [Fact]
    public void TheCsrOfTheRfc6979KeyIsTheSameBytesAsOnNanoClr()
    {
        byte[] der = Pkcs10Request.Build(Rfc6979P256(), "CS001", "ChargerFirmware");
        Assert.Equal(Rfc6979CsrSha256, Convert.ToHexStringLower(SHA256.HashData(der)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70000)]
    public void DerLengthsAreMinimalAsDotNetsReaderDemands(int length)
    {
        byte[] content = new byte[length];
        content.AsSpan().Fill(0x5a);
        byte[] der = DerWriter.OctetString(content);
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        Assert.Equal(content, reader.ReadOctetString());
        Assert.False(reader.HasData);
        Assert.Equal(der, new DerReader(der).ReadRaw(DerReader.TagOctetString));
    }

    [Theory]
    [InlineData("CS-001")]
    [InlineData("Opérateur Ü €")]
    [InlineData("emoji \U0001F50C plug")]
    [InlineData("lone \uD800 surrogate")]
    public void Utf8IsWhatDotNetEncodes(string text)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(text), DerWriter.Utf8(text));
    }

    [Theory]
    [InlineData("00", "020100")]
    [InlineData("7f", "02017f")]
    [InlineData("80", "02020080")]
    [InlineData("000001", "020101")]
    [InlineData("ff01", "020300ff01")]
    public void IntegersAreMinimalAndNonNegative(string magnitude, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(DerWriter.UnsignedInteger(Convert.FromHexString(magnitude))));
    }
}
