using System.Security.Cryptography.X509Certificates;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>Chains of openssl-made certificates: root -> intermediate -> leaf, and each way one can be wrong.</summary>
public class CertificateChainTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly long NowMs = new DateTimeOffset(Now).ToUnixTimeMilliseconds();
    private readonly OpenSslCa _ca = new();

    public void Dispose() => _ca.Dispose();

    private byte[] Root(string name = "root", string kind = "rsa:2048", string ext = OpenSslCa.CaExtensions, string md = "sha256")
    {
        _ca.Key(name, kind);
        return _ca.Cert(name, "/CN=" + name + " CA/O=Charger Test", null, ext, Now.AddYears(-2), Now.AddYears(10), md);
    }

    private byte[] Issue(string name, string kind, string issuer, string ext, DateTime? notBefore = null, DateTime? notAfter = null, string md = "sha256", string[]? sigopts = null)
    {
        _ca.Key(name, kind);
        return _ca.Cert(name, "/CN=" + name + "/O=Charger Test", issuer, ext, notBefore ?? Now.AddDays(-10), notAfter ?? Now.AddYears(1), md, sigopts);
    }

    [Fact]
    public void RootIntermediateLeafWithRsaAndBothCurvesVerifies()
    {
        byte[] root = Root();
        byte[] mid = Issue("mid", "ec:P-384", "root", OpenSslCa.CaExtensions + "\nbasicConstraints = critical, CA:TRUE, pathlen:0");
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions, md: "sha384");

        Assert.True(CertificateChain.Verify(leaf, new[] { mid }, new[] { root }, NowMs, out string reason), reason);
        Assert.Null(reason);
    }

    [Fact]
    public void UnrelatedCertificatesInThePoolAreSkippedAndARsa3072PssChainVerifies()
    {
        byte[] root = Root(kind: "rsa:3072");
        byte[] other = Root("other");
        byte[] mid = Issue("mid", "rsa:2048", "root", OpenSslCa.CaExtensions, sigopts: new[] { "rsa_padding_mode:pss", "rsa_pss_saltlen:32" });
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions, md: "sha512");

        Assert.Equal(SignatureAlgorithm.RsaPssSha256, X509Certificate.Parse(mid).SignatureAlgorithm);
        Assert.True(CertificateChain.Verify(leaf, new[] { other, mid }, new[] { other, root }, NowMs, out string reason), reason);
    }

    [Fact]
    public void ExpiredLeafIsRefused()
    {
        byte[] root = Root();
        byte[] leaf = Issue("leaf", "ec:P-256", "root", OpenSslCa.LeafExtensions, Now.AddYears(-2), Now.AddDays(-1));

        Assert.Equal(ChainStatus.Expired, CertificateChain.VerifyStatus(leaf, null!, new[] { root }, NowMs, out string reason));
        Assert.Contains("expired", reason);
    }

    [Fact]
    public void LeafNotYetValidIsRefusedAndTheSameLeafLaterIsAccepted()
    {
        byte[] root = Root();
        byte[] leaf = Issue("leaf", "ec:P-256", "root", OpenSslCa.LeafExtensions, Now.AddDays(1), Now.AddYears(1));

        Assert.Equal(ChainStatus.NotYetValid, CertificateChain.VerifyStatus(leaf, null!, new[] { root }, NowMs, out _));
        Assert.True(CertificateChain.Verify(leaf, null!, new[] { root }, NowMs + 2 * 86_400_000L, out string reason), reason);
    }

    [Fact]
    public void ExpiredIntermediateIsRefused()
    {
        byte[] root = Root();
        byte[] mid = Issue("mid", "ec:P-256", "root", OpenSslCa.CaExtensions, Now.AddYears(-3), Now.AddDays(-3));
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions);

        Assert.Equal(ChainStatus.Expired, CertificateChain.VerifyStatus(leaf, new[] { mid }, new[] { root }, NowMs, out _));
    }

    [Fact]
    public void LeafFromAnUntrustedRootIsRefused()
    {
        Root("trusted");
        byte[] trusted = File.ReadAllBytes(Path.Combine(_ca.Dir, "trusted.der"));
        Root("rogue");
        byte[] leaf = Issue("leaf", "ec:P-256", "rogue", OpenSslCa.LeafExtensions);

        Assert.Equal(ChainStatus.UnknownIssuer, CertificateChain.VerifyStatus(leaf, null!, new[] { trusted }, NowMs, out string reason));
        Assert.Contains("no trusted root", reason);
    }

    [Fact]
    public void RootWithTheSameNameButAnotherKeyIsABadSignature()
    {
        byte[] real = Root("root");
        byte[] leaf = Issue("leaf", "ec:P-256", "root", OpenSslCa.LeafExtensions);
        byte[] impostor = Root("root"); // same subject, new key

        Assert.False(Oids.Equal(real, impostor));
        Assert.Equal(ChainStatus.BadSignature, CertificateChain.VerifyStatus(leaf, null!, new[] { impostor }, NowMs, out _));
        Assert.True(CertificateChain.Verify(leaf, null!, new[] { impostor, real }, NowMs, out string reason), reason);
    }

    [Fact]
    public void IntermediateThatIsNotACaCannotIssue()
    {
        byte[] root = Root();
        byte[] notCa = Issue("mid", "ec:P-256", "root", OpenSslCa.LeafExtensions);
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions);

        Assert.Equal(ChainStatus.IssuerNotCa, CertificateChain.VerifyStatus(leaf, new[] { notCa }, new[] { root }, NowMs, out string reason));
        Assert.Contains("not a CA", reason);
    }

    [Fact]
    public void CaWithoutKeyCertSignCannotIssue()
    {
        byte[] root = Root();
        byte[] mid = Issue("mid", "ec:P-256", "root", "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, digitalSignature");
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions);

        Assert.Equal(ChainStatus.IssuerNotCa, CertificateChain.VerifyStatus(leaf, new[] { mid }, new[] { root }, NowMs, out string reason));
        Assert.Contains("keyCertSign", reason);
    }

    [Fact]
    public void PathLengthZeroOnTheRootRefusesAnIntermediateBelowIt()
    {
        byte[] root = Root(ext: "basicConstraints = critical, CA:TRUE, pathlen:0\nkeyUsage = critical, keyCertSign");
        byte[] mid = Issue("mid", "ec:P-256", "root", OpenSslCa.CaExtensions);
        byte[] leaf = Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions);
        byte[] direct = Issue("direct", "ec:P-256", "root", OpenSslCa.LeafExtensions);

        Assert.Equal(ChainStatus.PathTooLong, CertificateChain.VerifyStatus(leaf, new[] { mid }, new[] { root }, NowMs, out _));
        Assert.True(CertificateChain.Verify(direct, null!, new[] { root }, NowMs, out string reason), reason);
    }

    [Fact]
    public void UnknownCriticalExtensionIsRefused()
    {
        byte[] root = Root();
        byte[] leaf = Issue("leaf", "ec:P-256", "root", OpenSslCa.LeafExtensions + "\nnameConstraints = critical, permitted;DNS:example.com");

        Assert.True(X509Certificate.Parse(leaf).HasUnknownCriticalExtension);
        Assert.Equal(ChainStatus.UnsupportedCriticalExtension, CertificateChain.VerifyStatus(leaf, null!, new[] { root }, NowMs, out _));
    }

    [Fact]
    public void TamperedLeafIsABadSignature()
    {
        byte[] root = Root();
        byte[] leaf = Issue("leaf", "ec:P-256", "root", OpenSslCa.LeafExtensions);
        var cert = X509Certificate.Parse(leaf);
        byte[] tampered = (byte[])leaf.Clone();
        // Flip a bit in the subject's CN text: still well-formed DER, no longer what was signed.
        int at = IndexOf(tampered, "leaf"u8.ToArray(), cert.TbsOffset);
        tampered[at] ^= 0x01;

        Assert.Equal(ChainStatus.BadSignature, CertificateChain.VerifyStatus(tampered, null!, new[] { root }, NowMs, out _));
    }

    [Fact]
    public void GarbageLeafIsMalformedNotAnException()
    {
        byte[] root = Root();
        Assert.Equal(ChainStatus.Malformed, CertificateChain.VerifyStatus(new byte[] { 0x30, 0x82, 0x01 }, null!, new[] { root }, NowMs, out string reason));
        Assert.StartsWith("leaf certificate unreadable", reason);
    }

    [Fact]
    public void ChainFromPemTextVerifies()
    {
        Root();
        Issue("mid", "ec:P-384", "root", OpenSslCa.CaExtensions);
        Issue("leaf", "ec:P-256", "mid", OpenSslCa.LeafExtensions);
        string bundle = _ca.Pem("leaf") + _ca.Pem("mid");

        byte[][] blocks = Pem.DecodeAll(bundle, Pem.CertificateLabel);
        Assert.Equal(2, blocks.Length);
        byte[] root = Pem.DecodeCertificate(_ca.Pem("root"));
        Assert.True(CertificateChain.Verify(blocks[0], new[] { blocks[1] }, new[] { root }, NowMs, out string reason), reason);
        Assert.Equal(X509CertificateLoader.LoadCertificate(root).RawData, root);
    }

    private static int IndexOf(byte[] hay, byte[] needle, int from)
    {
        for (int i = from; i <= hay.Length - needle.Length; i++)
        {
            if (hay.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("not found");
    }
}
