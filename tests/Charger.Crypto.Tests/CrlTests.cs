using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>
/// X.509 CRLs (RFC 5280 section 5) made by `openssl ca -gencrl` and `openssl crl`, read by the
/// device's managed reader: the revoked serials, the issuer check against installed CA
/// certificates, and every way a CRL is refused.
/// </summary>
public class CrlTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly long NowMs = new DateTimeOffset(Now).ToUnixTimeMilliseconds();
    private readonly OpenSslCa _ca = new();

    public void Dispose() => _ca.Dispose();

    private byte[] Ca(string name, string kind = "rsa:2048", string ext = OpenSslCa.CaExtensions)
    {
        _ca.Key(name, kind);
        return _ca.Cert(name, "/CN=" + name + "/O=Charger Test", null, ext, Now.AddYears(-2), Now.AddYears(10));
    }

    private X509Certificate Leaf(string name, string issuer)
    {
        _ca.Key(name, "ec:P-256");
        return X509Certificate.Parse(_ca.Cert(name, "/CN=" + name + "/O=Charger Test", issuer, OpenSslCa.LeafExtensions, Now.AddDays(-10), Now.AddYears(1)));
    }

    [Theory]
    [InlineData("rsa:2048", "sha256")]
    [InlineData("ec:P-256", "sha256")]
    [InlineData("ec:P-384", "sha384")]
    public void AnOpensslCrlListsItsRevokedSerialsAndVerifiesWithItsIssuer(string kind, string md)
    {
        byte[] root = Ca("root", kind);
        var revoked = Leaf("revoked", "root");
        var kept = Leaf("kept", "root");
        byte[] der = _ca.Crl("crl", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30), number: 7, md: md);

        var crl = X509Crl.Parse(der);
        Assert.Equal(2, crl.Version);
        Assert.Equal("CN=root, O=Charger Test", crl.Issuer.ToString());
        Assert.Equal(new DateTimeOffset(Now.AddDays(-1)).ToUnixTimeMilliseconds(), crl.ThisUpdateMs);
        Assert.Equal(new DateTimeOffset(Now.AddDays(30)).ToUnixTimeMilliseconds(), crl.NextUpdateMs);
        Assert.Equal(new byte[] { 7 }, crl.CrlNumber);
        Assert.True(crl.Lists(revoked));
        Assert.False(crl.Lists(kept));
        Assert.False(crl.IsExpiredAt(NowMs));
        Assert.NotNull(crl.FindIssuer(new[] { root }, out string reason));
        Assert.Null(reason);
    }

    [Fact]
    public void APemCrlFromOpensslCrlIsReadAndTwoBlocksOrNoneAreRefused()
    {
        Ca("root");
        Leaf("revoked", "root");
        _ca.Crl("crl", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30));
        string pem = _ca.Openssl("crl", "-in", "crl.pem");
        Assert.Single(X509Crl.ParsePem(pem).RevokedSerials);
        Assert.Contains("more than one", Assert.Throws<CryptoFormatException>(() => X509Crl.ParsePem(pem + pem)).Message);
        Assert.Contains("no PEM X509 CRL", Assert.Throws<CryptoFormatException>(() => X509Crl.ParsePem("hello")).Message);
    }

    [Fact]
    public void ACrlWithABadSignatureFindsNoIssuer()
    {
        byte[] root = Ca("root");
        Leaf("revoked", "root");
        byte[] der = _ca.Crl("crl", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30));
        der[^5] ^= 0x01;

        var crl = X509Crl.Parse(der);
        Assert.Null(crl.FindIssuer(new[] { root }, out string reason));
        Assert.Contains("does not verify", reason);
    }

    [Fact]
    public void ACrlOfAnotherIssuerFindsNoIssuerAndDoesNotRevokeTheSameSerialOfThisIssuer()
    {
        byte[] root = Ca("root");
        var leaf = Leaf("leaf", "root");

        // Another CA numbering its certificates the same way: its CRL lists the same serial.
        using var otherCa = new OpenSslCa();
        otherCa.Key("other", "rsa:2048");
        otherCa.Cert("other", "/CN=other/O=Charger Test", null, OpenSslCa.CaExtensions, Now.AddYears(-2), Now.AddYears(10));
        otherCa.Key("foreign", "ec:P-256");
        otherCa.Cert("foreign", "/CN=foreign/O=Charger Test", "other", OpenSslCa.LeafExtensions, Now.AddDays(-10), Now.AddYears(1));
        var crl = X509Crl.Parse(otherCa.Crl("crl", "other", new[] { "foreign" }, Now.AddDays(-1), Now.AddDays(30)));

        Assert.Equal(leaf.SerialNumber, crl.RevokedSerials[0]);
        Assert.False(crl.Lists(leaf));
        Assert.Null(crl.FindIssuer(new[] { root }, out string reason));
        Assert.Contains("no installed certificate is named", reason);
    }

    [Fact]
    public void ACrlIssuerWithoutCrlSignOrNotACaIsRefused()
    {
        byte[] noCrlSign = Ca("root", ext: "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign");
        Leaf("revoked", "root");
        byte[] der = _ca.Crl("crl", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30));
        Assert.Null(X509Crl.Parse(der).FindIssuer(new[] { noCrlSign }, out string reason));
        Assert.Contains("cRLSign", reason);
    }

    [Fact]
    public void AnEmptyCrlAndAnExpiredOneAreReadTheExpiredOneSaysSo()
    {
        Ca("root");
        var crl = X509Crl.Parse(_ca.Crl("empty", "root", Array.Empty<string>(), Now.AddDays(-40), Now.AddDays(-10)));
        Assert.Empty(crl.RevokedSerials);
        Assert.True(crl.IsExpiredAt(NowMs));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("certificate")]
    [InlineData("trailing")]
    public void GarbageIsRefusedWithAReason(string what)
    {
        byte[] root = Ca("root");
        Leaf("revoked", "root");
        byte[] der = _ca.Crl("crl", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30));
        byte[] input = what switch
        {
            "garbage" => System.Text.Encoding.ASCII.GetBytes("this is not a CRL at all"),
            "truncated" => der[..(der.Length / 2)],
            "certificate" => root,
            _ => der.Concat(new byte[] { 0 }).ToArray(),
        };

        Assert.Null(X509Crl.TryParse(input, out string reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void MutatedCrlsAreRefusedWithCryptoFormatExceptionOrStillParseNeverAnythingElse()
    {
        Ca("root");
        Leaf("a", "root");
        Leaf("b", "root");
        byte[] der = _ca.Crl("crl", "root", new[] { "a", "b" }, Now.AddDays(-1), Now.AddDays(30));
        var random = new Random(5280);
        for (int i = 0; i < 5000; i++)
        {
            var bytes = (byte[])der.Clone();
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            X509Crl.TryParse(bytes, out _);
        }
    }

    [Fact]
    public void ACriticalIssuingDistributionPointIsRefusedBecauseOnlyCompleteCrlsAreUnderstood()
    {
        Ca("root");
        Leaf("revoked", "root");
        File.WriteAllText(Path.Combine(_ca.Dir, "idp.cnf"), "[ ca ]\ndefault_ca = c\n[ c ]\ndatabase = index.txt\ncrlnumber = crlnumber\ncrl_extensions = x\n[ x ]\nissuingDistributionPoint = critical, @idp\n[ idp ]\nonlysomereasons = keyCompromise\n");
        _ca.Crl("plain", "root", new[] { "revoked" }, Now.AddDays(-1), Now.AddDays(30));
        _ca.Openssl("ca", "-gencrl", "-config", "idp.cnf", "-cert", "root.pem", "-keyfile", "root.key", "-md", "sha256", "-crldays", "30", "-out", "idp.pem");
        _ca.Openssl("crl", "-in", "idp.pem", "-outform", "DER", "-out", "idp.der");
        Assert.Null(X509Crl.TryParse(File.ReadAllBytes(Path.Combine(_ca.Dir, "idp.der")), out string reason));
        Assert.Contains("critical extension", reason);
    }
}
