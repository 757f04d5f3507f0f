using System.Security.Cryptography;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>Signatures made by .NET's own RSA and ECDsa and by the openssl command, verified by the managed verifier.</summary>
public class SignatureTests
{
    private static readonly byte[] Message = System.Text.Encoding.UTF8.GetBytes("firmware bundle v1.2.3 for ESP32, 250 KB of it in real life");

    private static PublicKey Key(RSA rsa) => PublicKeyInfo.Parse(rsa.ExportSubjectPublicKeyInfo());

    private static PublicKey Key(ECDsa ec) => PublicKeyInfo.Parse(ec.ExportSubjectPublicKeyInfo());

    public static TheoryData<int, string> RsaCases => new()
    {
        { 2048, "SHA256" }, { 2048, "SHA384" }, { 2048, "SHA512" }, { 3072, "SHA256" }, { 4096, "SHA512" },
    };

    [Theory]
    [MemberData(nameof(RsaCases))]
    public void DotNetRsaPkcs1AndPssSignaturesVerifyAndATamperedMessageDoesNot(int bits, string hashName)
    {
        using var rsa = RSA.Create(bits);
        var hash = new HashAlgorithmName(hashName);
        var key = Key(rsa);
        var (pkcs1, pss) = hashName switch
        {
            "SHA256" => (SignatureAlgorithm.RsaPkcs1Sha256, SignatureAlgorithm.RsaPssSha256),
            "SHA384" => (SignatureAlgorithm.RsaPkcs1Sha384, SignatureAlgorithm.RsaPssSha384),
            _ => (SignatureAlgorithm.RsaPkcs1Sha512, SignatureAlgorithm.RsaPssSha512),
        };
        byte[] s1 = rsa.SignData(Message, hash, RSASignaturePadding.Pkcs1);
        byte[] s2 = rsa.SignData(Message, hash, RSASignaturePadding.Pss); // .NET: salt = hash length

        Assert.Equal(bits, key.ModulusBits);
        Assert.True(SignatureVerifier.Verify(key, pkcs1, Message, s1));
        Assert.True(SignatureVerifier.Verify(key, pss, Message, s2));
        Assert.False(SignatureVerifier.Verify(key, pss, Message, s1));
        Assert.False(SignatureVerifier.Verify(key, pkcs1, Message, s2));
        byte[] other = (byte[])Message.Clone();
        other[0] ^= 1;
        Assert.False(SignatureVerifier.Verify(key, pkcs1, other, s1));
        Assert.False(SignatureVerifier.Verify(key, pss, other, s2));
        using var otherRsa = RSA.Create(bits);
        Assert.False(SignatureVerifier.Verify(Key(otherRsa), pkcs1, Message, s1));
    }

    [Theory]
    [InlineData("nistP256", "SHA256", SignatureAlgorithm.EcdsaSha256)]
    [InlineData("nistP256", "SHA512", SignatureAlgorithm.EcdsaSha512)]
    [InlineData("nistP384", "SHA384", SignatureAlgorithm.EcdsaSha384)]
    [InlineData("nistP384", "SHA256", SignatureAlgorithm.EcdsaSha256)]
    public void DotNetEcdsaSignaturesVerifyAndATamperedOneDoesNot(string curve, string hashName, SignatureAlgorithm alg)
    {
        using var ec = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        var key = Key(ec);
        for (int i = 0; i < 10; i++)
        {
            byte[] msg = [.. Message, (byte)i];
            byte[] sig = ec.SignData(msg, new HashAlgorithmName(hashName), DSASignatureFormat.Rfc3279DerSequence);
            Assert.True(SignatureVerifier.Verify(key, alg, msg, sig));
            sig[^1] ^= 0x01;
            Assert.False(SignatureVerifier.Verify(key, alg, msg, sig));
        }
    }

    [Theory]
    [InlineData("ec:P-256", "-sha256", SignatureAlgorithm.EcdsaSha256, null)]
    [InlineData("ec:P-384", "-sha384", SignatureAlgorithm.EcdsaSha384, null)]
    [InlineData("rsa:2048", "-sha256", SignatureAlgorithm.RsaPkcs1Sha256, null)]
    [InlineData("rsa:3072", "-sha384", SignatureAlgorithm.RsaPssSha384, "pss")]
    [InlineData("rsa:2048", "-sha512", SignatureAlgorithm.RsaPkcs1Sha512, null)]
    public void OpensslSignaturesVerify(string kind, string md, SignatureAlgorithm alg, string? padding)
    {
        using var ca = new OpenSslCa();
        ca.Key("k", kind);
        File.WriteAllBytes(Path.Combine(ca.Dir, "msg.bin"), Message);
        var args = new List<string> { "dgst", md, "-sign", "k.key", "-out", "sig.bin" };
        if (padding != null)
        {
            args.AddRange(new[] { "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest" });
        }

        args.Add("msg.bin");
        ca.Openssl(args.ToArray());
        ca.Openssl("pkey", "-in", "k.key", "-pubout", "-outform", "DER", "-out", "k.pub");
        var key = PublicKeyInfo.Parse(File.ReadAllBytes(Path.Combine(ca.Dir, "k.pub")));
        byte[] sig = File.ReadAllBytes(Path.Combine(ca.Dir, "sig.bin"));

        Assert.True(SignatureVerifier.Verify(key, alg, Message, sig));
        Assert.False(SignatureVerifier.Verify(key, alg, Message[1..], sig));
    }

    [Fact]
    public void EcdsaDerSignatureThatIsNotStrictDerIsRefused()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = Key(ec);
        byte[] sig = ec.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Assert.True(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, sig));

        Assert.False(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, [.. sig, 0x00])); // trailing byte
        byte[] longForm = [0x30, 0x81, .. sig[1..]]; // length in long form below 128
        Assert.False(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, longForm));
        byte[] indefinite = [0x30, 0x80, .. sig[2..], 0x00, 0x00];
        Assert.False(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, indefinite));

        // r with a needless leading zero byte: the same number, not DER.
        byte[] p1363 = ec.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        byte[] r = p1363[..32], s = p1363[32..];
        byte[] padded = Seq([.. Int([0x00, 0x00, .. r]), .. Int(s)]);
        Assert.False(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, padded));
        Assert.True(EcdsaVerifier.Verify(key, SHA256.HashData(Message), r, s));

        // r = 0 and s = n are out of range.
        byte[] n = Convert.FromHexString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        Assert.False(EcdsaVerifier.Verify(key, SHA256.HashData(Message), [0], s));
        Assert.False(EcdsaVerifier.Verify(key, SHA256.HashData(Message), r, n));
    }

    [Fact]
    public void PointNotOnTheCurveIsRefusedAsAKey()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = ec.ExportParameters(false).Q;
        byte[] point = [0x04, .. q.X!, .. q.Y!];
        Assert.NotNull(PublicKey.FromEcPoint(EcCurve.P256, point));
        point[^1] ^= 1;
        Assert.Throws<CryptoFormatException>(() => PublicKey.FromEcPoint(EcCurve.P256, point));
        byte[] compressed = [0x02, .. q.X!];
        Assert.Throws<CryptoFormatException>(() => PublicKey.FromEcPoint(EcCurve.P256, compressed));
    }

    [Fact]
    public void RsaKeysOutsideTwoToFourThousandNinetySixBitsAreRefused()
    {
        using var small = RSA.Create(1024);
        Assert.Throws<CryptoFormatException>(() => PublicKeyInfo.Parse(small.ExportSubjectPublicKeyInfo()));
        var p = RSA.Create(2048).ExportParameters(false);
        Assert.Throws<CryptoFormatException>(() => PublicKey.FromRsa(p.Modulus!, [0x01, 0x00])); // even exponent
    }

    [Fact]
    public void WrongKeyKindOrUnknownAlgorithmIsFalseNotAnException()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        byte[] sig = rsa.SignData(Message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.False(SignatureVerifier.Verify(Key(ec), SignatureAlgorithm.RsaPkcs1Sha256, Message, sig));
        Assert.False(SignatureVerifier.Verify(Key(rsa), SignatureAlgorithm.EcdsaSha256, Message, sig));
        Assert.False(SignatureVerifier.Verify(Key(rsa), SignatureAlgorithm.None, Message, sig));
        Assert.False(SignatureVerifier.Verify(Key(rsa), SignatureAlgorithm.RsaPkcs1Sha256, Message, sig[1..]));
        Assert.False(SignatureVerifier.Verify(null!, SignatureAlgorithm.RsaPkcs1Sha256, Message, sig));
    }

    [Fact]
    public void VerificationsOnManyThreadsAtOnceDoNotDisturbEachOther()
    {
        // The curves are shared statics; each verification must bring its own scratch space.
        using var ec256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ec384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var k256 = Key(ec256);
        var k384 = Key(ec384);
        byte[] s256 = ec256.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        byte[] s384 = ec384.SignData(Message, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
        int failures = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            bool ok = i % 2 == 0
                ? SignatureVerifier.Verify(k256, SignatureAlgorithm.EcdsaSha256, Message, s256)
                : SignatureVerifier.Verify(k384, SignatureAlgorithm.EcdsaSha384, Message, s384);
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    private static byte[] Int(byte[] v) => [0x02, (byte)v.Length, .. v];

    private static byte[] Seq(byte[] v) => [0x30, (byte)v.Length, .. v];
}
