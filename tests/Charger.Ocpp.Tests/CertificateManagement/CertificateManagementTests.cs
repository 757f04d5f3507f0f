using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Crypto.Tests;
using Charger.Hal.Sim;
using Charger.Ocpp.CertificateManagement;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.CertificateManagement;

/// <summary>
/// InstallCertificate, GetInstalledCertificateIds and DeleteCertificate (M03-M05) on a station in
/// virtual time, with certificates made by openssl. Hash data is checked against .NET's
/// X509Certificate2 and openssl's own serial; every reply is checked against the official schemas
/// by the harness.
/// </summary>
public class CertificateManagementTests : IDisposable
{
    // The harness's BootNotification answer sets the station clock to 2026-11-21T10:00Z.
    private static readonly DateTime StationNow = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
    private readonly OpenSslCa _ca = new();

    public void Dispose() => _ca.Dispose();

    private string Root(string name, string kind = "ec:P-256", DateTime? notAfter = null, string ext = OpenSslCa.CaExtensions)
    {
        _ca.Key(name, kind);
        _ca.Cert(name, "/CN=" + name + "/O=Charger Test", null, ext, StationNow.AddYears(-1), notAfter ?? StationNow.AddYears(5));
        return _ca.Pem(name);
    }

    private static StationHarness Booted(MemoryFileStore? store = null)
    {
        var h = new StationHarness(store);
        h.Boot();
        h.AnswerAll();
        return h;
    }

    private static JsonElement Reply(StationHarness h, string action, object payload)
    {
        var frame = h.Request(action, JsonSerializer.Serialize(payload));
        Assert.Equal(3, frame[0].GetInt32());
        return frame[2];
    }

    private static string Install(StationHarness h, string type, string pem) =>
        Reply(h, "InstallCertificate", new { certificateType = type, certificate = pem }).GetProperty("status").GetString()!;

    private static JsonElement List(StationHarness h, params string[] types) =>
        types.Length == 0 ? Reply(h, "GetInstalledCertificateIds", new { }) : Reply(h, "GetInstalledCertificateIds", new { certificateType = types });

    private (string Name, string Key, string Serial) Expected(string name, HashAlgorithmName hash)
    {
        var cert = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_ca.Dir, name + ".pem"));
        using var alg = IncrementalHash.CreateHash(hash);
        string Hash(byte[] data)
        {
            alg.AppendData(data);
            return Convert.ToHexStringLower(alg.GetHashAndReset());
        }

        // openssl prints "serial=0A1B..." (hex); OCPP wants it without leading zeroes.
        string serial = _ca.Openssl("x509", "-in", name + ".pem", "-noout", "-serial").Trim().Split('=')[1].TrimStart('0').ToLowerInvariant();
        Assert.Equal(cert.SerialNumber.TrimStart('0').ToLowerInvariant(), serial);
        return (Hash(cert.IssuerName.RawData), Hash(cert.PublicKey.EncodedKeyValue.RawData), serial);
    }

    private static object HashData(string alg, (string Name, string Key, string Serial) e) =>
        new { certificateHashData = new { hashAlgorithm = alg, issuerNameHash = e.Name, issuerKeyHash = e.Key, serialNumber = e.Serial } };

    [Fact]
    public void InstalledRootsAreListedWithHashDataThatDotNetAndOpensslAgreeWith_M05_FR_02_M03()
    {
        var h = Booted();
        Assert.Equal("Accepted", Install(h, "CSMSRootCertificate", Root("csms", "rsa:2048")));
        Assert.Equal("Accepted", Install(h, "ManufacturerRootCertificate", Root("maker", "ec:P-384")));

        var all = List(h);
        Assert.Equal("Accepted", all.GetProperty("status").GetString());
        var chain = all.GetProperty("certificateHashDataChain").EnumerateArray().ToList();
        Assert.Equal(2, chain.Count);
        foreach (var (type, name) in new[] { ("CSMSRootCertificate", "csms"), ("ManufacturerRootCertificate", "maker") })
        {
            var entry = chain.Single(c => c.GetProperty("certificateType").GetString() == type).GetProperty("certificateHashData");
            var e = Expected(name, HashAlgorithmName.SHA256);
            Assert.Equal("SHA256", entry.GetProperty("hashAlgorithm").GetString());
            Assert.Equal(e.Name, entry.GetProperty("issuerNameHash").GetString());
            Assert.Equal(e.Key, entry.GetProperty("issuerKeyHash").GetString());
            Assert.Equal(e.Serial, entry.GetProperty("serialNumber").GetString());
        }

        var makers = List(h, "ManufacturerRootCertificate").GetProperty("certificateHashDataChain");
        Assert.Equal(1, makers.GetArrayLength());
        Assert.Equal("NotFound", List(h, "V2GRootCertificate", "V2GCertificateChain").GetProperty("status").GetString());
        Assert.Equal(2, h.Station.Certificates.Count);
        Assert.Single(h.Station.Certificates.TrustedRoots(CertificateUse.ManufacturerRootCertificate));
    }

    [Fact]
    public void NothingInstalledIsNotFound_M03()
    {
        var h = Booted();
        var reply = List(h);
        Assert.Equal("NotFound", reply.GetProperty("status").GetString());
        Assert.False(reply.TryGetProperty("certificateHashDataChain", out _));
    }

    [Fact]
    public void DeleteByHashDataRemovesItAndASecondDeleteIsNotFound_M04_FR_02_M04_FR_04()
    {
        var h = Booted();
        Install(h, "CSMSRootCertificate", Root("csms"));
        Install(h, "V2GRootCertificate", Root("v2g", "ec:P-384"));

        // SHA-384 hash data, upper-case hex and a leading zero on the serial name the same certificate.
        var e = Expected("v2g", HashAlgorithmName.SHA384);
        var loud = (e.Name.ToUpperInvariant(), e.Key.ToUpperInvariant(), "0" + e.Serial.ToUpperInvariant());
        Assert.Equal("Accepted", Reply(h, "DeleteCertificate", HashData("SHA384", loud)).GetProperty("status").GetString());
        Assert.Equal("NotFound", List(h, "V2GRootCertificate").GetProperty("status").GetString());

        var again = Reply(h, "DeleteCertificate", HashData("SHA384", e));
        Assert.Equal("NotFound", again.GetProperty("status").GetString());
        Assert.Equal("NotFound", again.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public void TheLastCsmsRootIsNotDeletedButOneOfTwoIs()
    {
        var h = Booted();
        Install(h, "CSMSRootCertificate", Root("csms1"));
        var e1 = Expected("csms1", HashAlgorithmName.SHA256);

        var refused = Reply(h, "DeleteCertificate", HashData("SHA256", e1));
        Assert.Equal("Failed", refused.GetProperty("status").GetString());
        Assert.Equal("LastCsmsRoot", refused.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Single(h.Station.Certificates.TrustedRoots(CertificateUse.CSMSRootCertificate));

        Install(h, "CSMSRootCertificate", Root("csms2"));
        Assert.Equal("Accepted", Reply(h, "DeleteCertificate", HashData("SHA256", e1)).GetProperty("status").GetString());
        Assert.Single(h.Station.Certificates.TrustedRoots(CertificateUse.CSMSRootCertificate));
    }

    [Fact]
    public void CertificatesThatAreNotValidRootsAreRejectedWithAReason_M05()
    {
        var h = Booted();
        string leafExt = OpenSslCa.LeafExtensions.Replace("\nauthorityKeyIdentifier = keyid", "");
        var cases = new (string Pem, string Reason)[]
        {
            (Root("leaf", ext: leafExt), "InvalidCertificate"),
            (Root("old", notAfter: StationNow.AddDays(-1)), "CertificateExpired"),
            ("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----", "InvalidFormat"),
            (Root("a") + Root("b"), "InvalidFormat"),
            ("-----BEGIN CERTIFICATE-----\nMIIBAAo=\n-----END CERTIFICATE-----", "InvalidCertificate"),
        };
        foreach (var (pem, reason) in cases)
        {
            var reply = Reply(h, "InstallCertificate", new { certificateType = "CSMSRootCertificate", certificate = pem });
            Assert.Equal("Rejected", reply.GetProperty("status").GetString());
            Assert.Equal(reason, reply.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        }

        Assert.Equal(0, h.Station.Certificates.Count);
    }

    [Fact]
    public void RootSignedByAnotherKeyIsRejected()
    {
        var h = Booted();
        Root("real");
        _ca.Key("forged", "ec:P-256");
        // Same name as the real root, signed by the real root's key: issued, not self-signed.
        _ca.Cert("forged", "/CN=real/O=Charger Test", "real", OpenSslCa.CaExtensions, StationNow.AddDays(-1), StationNow.AddYears(1));
        var reply = Reply(h, "InstallCertificate", new { certificateType = "ManufacturerRootCertificate", certificate = _ca.Pem("forged") });
        Assert.Equal("Rejected", reply.GetProperty("status").GetString());
    }

    [Fact]
    public void TheStoreIsBoundedAndAFullStoreFails_M05_FR_03()
    {
        var h = Booted();
        int capacity = CertificateStore.DefaultCapacity;
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal("Accepted", Install(h, "MORootCertificate", Root("mo" + i)));
        }

        Assert.Equal("Accepted", Install(h, "MORootCertificate", _ca.Pem("mo0"))); // the same one again: no second copy
        var full = Reply(h, "InstallCertificate", new { certificateType = "MORootCertificate", certificate = Root("one-too-many") });
        Assert.Equal("Failed", full.GetProperty("status").GetString());
        Assert.Equal("OutOfStorage", full.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

        var entries = Reply(h, "GetVariables", new { getVariableData = new[] { new { component = new { name = "SecurityCtrlr" }, variable = new { name = "CertificateEntries" } } } });
        Assert.Equal(capacity.ToString(), entries.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
    }

    [Fact]
    public void InstalledCertificatesSurviveARestart()
    {
        var h = Booted();
        Install(h, "ManufacturerRootCertificate", Root("maker", "rsa:2048"));
        h.Restart();
        h.Boot();
        h.AnswerAll();
        Assert.Equal(1, h.Station.Certificates.Count);
        Assert.Equal(Expected("maker", HashAlgorithmName.SHA256).Serial,
            List(h).GetProperty("certificateHashDataChain")[0].GetProperty("certificateHashData").GetProperty("serialNumber").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutDuringInstallOrDeleteLeavesTheStoreBeforeOrAfterNeverBroken(bool committed)
    {
        var store = new MemoryFileStore();
        var log = new ListLog();
        var certs = new CertificateStore(store, log, 4);
        string a = Root("a"), b = Root("b");
        Assert.Equal(CertificateOperationStatus.Accepted, certs.Install(CertificateUse.CSMSRootCertificate, a, -1).Status);

        store.CutPowerAtWrite(1, committed);
        Assert.Throws<PowerCutException>(() => certs.Install(CertificateUse.CSMSRootCertificate, b, -1));
        store.RestorePower();
        var after = new CertificateStore(store, log, 4);
        after.Load();
        Assert.Equal(committed ? 2 : 1, after.Count);

        var hash = after.OfUse(CertificateUse.CSMSRootCertificate)[0].HashData("SHA256");
        store.CutPowerAtWrite(1, committed);
        if (after.Count == 2)
        {
            Assert.Throws<PowerCutException>(() => after.Delete(hash));
            store.RestorePower();
            var again = new CertificateStore(store, log, 4);
            again.Load();
            Assert.Equal(committed ? 1 : 2, again.Count);
        }
    }

    [Fact]
    public void ADamagedRecordIsLoggedAndDroppedAtLoad()
    {
        var store = new MemoryFileStore();
        var log = new ListLog();
        var certs = new CertificateStore(store, log, 4);
        certs.Install(CertificateUse.CSMSRootCertificate, Root("a"), -1);
        byte[] record = store.Read("cert-00");
        record[10] ^= 0xFF;
        store.WriteAtomic("cert-00", record, record.Length);

        var after = new CertificateStore(store, log, 4);
        after.Load();
        Assert.Equal(0, after.Count);
        Assert.False(store.Exists("cert-00"));
        Assert.Contains(log.Lines, l => l.Contains("fails its checksum"));
    }

    [Fact]
    public void BadRequestsGetSchemaErrorsNotCrashes()
    {
        var h = Booted();
        var frame = h.Request("InstallCertificate", "{\"certificateType\":\"ChargingStationCertificate\",\"certificate\":\"x\"}");
        Assert.Equal(4, frame[0].GetInt32());
        frame = h.Request("DeleteCertificate", "{\"certificateHashData\":{\"hashAlgorithm\":\"MD5\",\"issuerNameHash\":\"a\",\"issuerKeyHash\":\"b\",\"serialNumber\":\"1\"}}");
        Assert.Equal(4, frame[0].GetInt32());
        frame = h.Request("InstallCertificate", "{\"certificateType\":\"CSMSRootCertificate\",\"certificate\":\"" + new string('A', 5501) + "\"}");
        Assert.Equal(4, frame[0].GetInt32());
    }
}
