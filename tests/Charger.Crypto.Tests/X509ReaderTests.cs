using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>Fields read from openssl-made certificates, each checked against .NET's own X509Certificate2.</summary>
public class X509ReaderTests : IDisposable
{
    private readonly OpenSslCa _ca = new();

    public void Dispose() => _ca.Dispose();

    [Theory]
    [InlineData("rsa:2048", "sha256", SignatureAlgorithm.RsaPkcs1Sha256)]
    [InlineData("ec:P-256", "sha256", SignatureAlgorithm.EcdsaSha256)]
    [InlineData("ec:P-384", "sha384", SignatureAlgorithm.EcdsaSha384)]
    [InlineData("rsa:2048", "sha512", SignatureAlgorithm.RsaPkcs1Sha512)]
    public void EveryFieldMatchesDotNet(string kind, string md, SignatureAlgorithm expected)
    {
        _ca.Key("root", kind);
        var notBefore = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc);
        var notAfter = new DateTime(2049, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        byte[] der = _ca.Cert("root", "/CN=Zählerwerk Root/O=Charger Test", null, "basicConstraints = critical, CA:TRUE, pathlen:2\nkeyUsage = critical, keyCertSign, cRLSign, digitalSignature", notBefore, notAfter, md);
        var net = X509CertificateLoader.LoadCertificate(der);

        var cert = X509Certificate.Parse(der);

        Assert.Equal(3, cert.Version);
        Assert.Equal(net.SerialNumber.TrimStart('0'), cert.SerialNumberHex);
        Assert.Equal(net.IssuerName.RawData, cert.Issuer.Der);
        Assert.Equal(net.SubjectName.RawData, cert.Subject.Der);
        Assert.Equal("Zählerwerk Root", cert.Subject.CommonName);
        Assert.Equal("Charger Test", cert.Subject.Organization);
        Assert.True(cert.IsSelfIssued);
        Assert.Equal(new DateTimeOffset(notBefore).ToUnixTimeMilliseconds(), cert.NotBeforeMs);
        Assert.Equal(new DateTimeOffset(notAfter).ToUnixTimeMilliseconds(), cert.NotAfterMs);
        Assert.Equal(expected, cert.SignatureAlgorithm);
        Assert.Equal(net.PublicKey.EncodedKeyValue.RawData, cert.PublicKeyBits);
        Assert.True(cert.HasBasicConstraints);
        Assert.True(cert.IsCa);
        Assert.Equal(2, cert.PathLengthConstraint);
        Assert.Equal(KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign | KeyUsageBits.DigitalSignature, cert.KeyUsage);
        Assert.True(cert.IsSignedBy(cert.PublicKey));

        // The tbs bytes are what .NET says was signed: the certificate's first inner element.
        var reader = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(reader.PeekEncodedValue().ToArray(), der.AsSpan(cert.TbsOffset, cert.TbsLength).ToArray());

        if (kind.StartsWith("rsa"))
        {
            var p = net.GetRSAPublicKey()!.ExportParameters(false);
            Assert.Equal(PublicKeyKind.Rsa, cert.PublicKey.Kind);
            Assert.Equal(p.Modulus, cert.PublicKey.Modulus);
            Assert.Equal(p.Exponent, cert.PublicKey.Exponent);
            Assert.Equal(2048, cert.PublicKey.ModulusBits);
        }
        else
        {
            var p = net.GetECDsaPublicKey()!.ExportParameters(false);
            Assert.Equal(PublicKeyKind.Ec, cert.PublicKey.Kind);
            Assert.Equal(kind.EndsWith("256") ? "P-256" : "P-384", cert.PublicKey.Curve.Name);
            Assert.Equal(p.Q.X, cert.PublicKey.X);
            Assert.Equal(p.Q.Y, cert.PublicKey.Y);
        }
    }

    [Fact]
    public void GeneralizedTimeFrom2050AndUtcTimeBeforeAreBothRead()
    {
        _ca.Key("root", "ec:P-256");
        var notBefore = new DateTime(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var notAfter = new DateTime(2100, 3, 1, 6, 30, 0, DateTimeKind.Utc);
        byte[] der = _ca.Cert("root", "/CN=Long", null, OpenSslCa.CaExtensions, notBefore, notAfter);

        var cert = X509Certificate.Parse(der);

        Assert.Contains((byte)DerReader.TagGeneralizedTime, der); // 2100 needs GeneralizedTime (RFC 5280 4.1.2.5)
        Assert.Equal(new DateTimeOffset(notBefore).ToUnixTimeMilliseconds(), cert.NotBeforeMs);
        Assert.Equal(new DateTimeOffset(notAfter).ToUnixTimeMilliseconds(), cert.NotAfterMs);
        Assert.True(cert.IsValidAt(cert.NotAfterMs));
        Assert.False(cert.IsValidAt(cert.NotAfterMs + 1));
    }

    [Fact]
    public void CivilDayCountMatchesDotNetAcrossLeapYearsAndCenturies()
    {
        for (var d = new DateTime(1900, 1, 1); d < new DateTime(2401, 1, 1); d = d.AddDays(7))
        {
            long expected = (long)(d - DateTime.UnixEpoch).TotalDays;
            Assert.Equal(expected, X509Time.DaysFromCivil(d.Year, d.Month, d.Day));
        }
    }

    [Fact]
    public void VersionOneCertificateWithoutExtensionsIsRead()
    {
        _ca.Key("v1", "rsa:2048");
        // x509 -req without an extension file makes a version 1 certificate.
        _ca.Openssl("req", "-new", "-key", "v1.key", "-subj", "/CN=v1", "-out", "v1.csr");
        _ca.Openssl("x509", "-req", "-in", "v1.csr", "-signkey", "v1.key", "-days", "10", "-set_serial", "0", "-outform", "DER", "-out", "v1.der");
        var cert = X509Certificate.Parse(File.ReadAllBytes(Path.Combine(_ca.Dir, "v1.der")));
        Assert.Equal(1, cert.Version);
        Assert.Equal("0", cert.SerialNumberHex);
        Assert.False(cert.HasBasicConstraints);
        Assert.False(cert.IsCa);
        Assert.Equal(-1, cert.PathLengthConstraint);
    }

    [Fact]
    public void TruncatedOrPaddedCertificateIsRefusedWithAReason()
    {
        _ca.Key("root", "ec:P-256");
        byte[] der = _ca.Cert("root", "/CN=r", null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));

        for (int cut = 1; cut < der.Length; cut += 7)
        {
            Assert.Null(X509Certificate.TryParse(der[..cut], out string reason));
            Assert.False(string.IsNullOrEmpty(reason));
        }

        Assert.Null(X509Certificate.TryParse([.. der, 0x00], out string trailing));
        Assert.Contains("after the expected end", trailing);
    }

    [Fact]
    public void EveryBitFlipInACertificateIsRefusedOrFailsItsSignatureNeverThrows()
    {
        _ca.Key("root", "ec:P-256");
        byte[] der = _ca.Cert("root", "/CN=r", null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        var good = X509Certificate.Parse(der);
        int accepted = 0;
        for (int i = 0; i < der.Length; i++)
        {
            byte[] bad = (byte[])der.Clone();
            bad[i] ^= 0x04;
            var cert = X509Certificate.TryParse(bad, out _);
            if (cert != null && cert.IsSignedBy(good.PublicKey))
            {
                accepted++;
            }
        }

        Assert.Equal(0, accepted);
    }

    [Theory]
    [InlineData("Zählerwerk 🔌 Root")]
    [InlineData("plain ASCII")]
    [InlineData("日本語")]
    public void Utf8NamesReadAsDotNetReadsThem(string cn)
    {
        _ca.Key("root", "ec:P-256");
        byte[] der = _ca.Cert("root", "/CN=" + cn, null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        Assert.Equal(cn, X509Certificate.Parse(der).Subject.CommonName);
        Assert.Equal(cn, X509CertificateLoader.LoadCertificate(der).GetNameInfo(X509NameType.SimpleName, false));
    }

    [Fact]
    public void InvalidUtf8InANameBecomesAReplacementCharacterNotAnError()
    {
        // Name { SET { SEQ { CN, UTF8String C3 28 (a broken two-byte sequence) 41 } } }
        byte[] name = [0x30, 0x0E, 0x31, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0C, 0x03, 0xC3, 0x28, 0x41];
        var reader = new DerReader(name);
        var parsed = typeof(X509Name).GetMethod("Read", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, new object[] { reader }) as X509Name;
        Assert.Equal("\uFFFD(A", parsed!.CommonName);
    }

    [Fact]
    public void SubjectAltNamesAndKeyPurposesAreReadAndACriticalExtendedKeyUsageIsUnderstood()
    {
        _ca.Key("root", "ec:P-256");
        _ca.Cert("root", "/CN=root", null, OpenSslCa.CaExtensions, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10));
        _ca.Key("tls", "ec:P-256");
        byte[] der = _ca.Cert("tls", "/CN=csms", "root",
            OpenSslCa.LeafExtensions + "\nsubjectAltName = DNS:csms.example.com, IP:127.0.0.1, email:ops@example.com, DNS:*.csms.example.com\nextendedKeyUsage = critical, serverAuth, clientAuth",
            DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(5));
        byte[] root = File.ReadAllBytes(Path.Combine(_ca.Dir, "root.der"));

        var cert = X509Certificate.Parse(der);

        Assert.Equal(new[] { "csms.example.com", "*.csms.example.com" }, cert.DnsNames);
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, Assert.Single(cert.IpAddresses));
        Assert.True(cert.HasExtendedKeyUsage);
        Assert.True(cert.AllowsPurpose(Oids.ServerAuth));
        Assert.True(cert.AllowsPurpose(Oids.ClientAuth));
        Assert.False(cert.AllowsPurpose(Oids.CodeSigning));
        Assert.False(cert.HasUnknownCriticalExtension);
        Assert.True(CertificateChain.Verify(der, null!, new[] { root }, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), out string reason), reason);

        var plain = X509Certificate.Parse(root);
        Assert.Empty(plain.DnsNames);
        Assert.True(plain.AllowsPurpose(Oids.CodeSigning)); // no extendedKeyUsage: any purpose
    }

    [Fact]
    public void PemWithBadBase64IsRefused()
    {
        Assert.Throws<CryptoFormatException>(() => Pem.DecodeCertificate("-----BEGIN CERTIFICATE-----\nMII*\n-----END CERTIFICATE-----"));
        Assert.Throws<CryptoFormatException>(() => Pem.DecodeCertificate("-----BEGIN CERTIFICATE-----\nQQ=A\n-----END CERTIFICATE-----"));
        Assert.Throws<CryptoFormatException>(() => Pem.DecodeCertificate("-----BEGIN CERTIFICATE-----\nQR==\n-----END CERTIFICATE-----"));
        Assert.Throws<CryptoFormatException>(() => Pem.DecodeCertificate("-----BEGIN CERTIFICATE-----\nQUJD\n"));
        Assert.Throws<CryptoFormatException>(() => Pem.DecodeCertificate("no pem here"));
        Assert.Equal("ABC"u8.ToArray(), Pem.Base64Decode("QU\r\nJD"));
        Assert.Equal("A"u8.ToArray(), Pem.Base64Decode("QQ=="));
    }
}
