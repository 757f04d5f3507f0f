using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Security;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Security;

/// <summary>
/// Issue 16, profile 3: the station's certificate life cycle (OCPP 2.0.1 A02, A03) in virtual time
/// on the loopback socket. The CSMS side signs the station's requests with a .NET-made CA; every
/// frame the station sends is checked against the official schemas by the harness.
/// </summary>
public sealed class StationCertificateTests : IDisposable
{
    // The harness's BootNotification answer sets the station clock to this instant.
    private static readonly DateTimeOffset StationNow = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _ca;
    private readonly ECDsa _oldKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public StationCertificateTests()
    {
        _ca = MakeCa("Station Test CA", _caKey);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
        _oldKey.Dispose();
    }

    private static X509Certificate2 MakeCa(string cn, ECDsa key)
    {
        var req = new CertificateRequest("CN=" + cn, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return req.CreateSelfSigned(StationNow.AddYears(-2), StationNow.AddYears(10));
    }

    private static string Pem(X509Certificate2 c) => c.ExportCertificatePem() + "\n";

    /// <summary>What a CA does with the station's request: a leaf for the requested key and subject.</summary>
    private static string Sign(string csrPem, X509Certificate2 ca, DateTimeOffset from, DateTimeOffset to)
    {
        var req = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var leaf = req.Create(ca, from, to, RandomNumberGenerator.GetBytes(8));
        return Pem(leaf);
    }

    private string OldClientCertificate(DateTimeOffset notAfter)
    {
        var req = new CertificateRequest("CN=CS001", _oldKey, HashAlgorithmName.SHA256);
        using var c = req.Create(_ca, StationNow.AddYears(-1), notAfter, new byte[] { 1, 2, 3 });
        return Pem(c);
    }

    private sealed class Events : ICertificateSecurityEvents
    {
        public List<(string Type, string Info)> Raised { get; } = new();

        public void Raise(string type, string techInfo, long nowMs) => Raised.Add((type, techInfo));
    }

    private (StationHarness H, Events E) Profile3(MemoryFileStore? store = null, DateTimeOffset? oldNotAfter = null)
    {
        var h = new StationHarness(store, new StationConfig
        {
            StationId = "CS001",
            CsmsUrl = "wss://csms.test/ocpp",
            SecurityProfile = 3,
            SerialNumber = "SN-1",
            ConnectorsPerEvse = new[] { 1 },
            CsmsRootCertificatesPem = Pem(_ca),
            ClientCertificatePem = OldClientCertificate(oldNotAfter ?? StationNow.AddYears(1)),
            ClientPrivateKeyPem = _oldKey.ExportECPrivateKeyPem(),
        });
        h.Socket.Server.ServerRootPem = Pem(_ca);
        var e = new Events();
        h.Station.StationCertificates.Events = e;
        h.Boot();
        h.AnswerAll();
        return (h, e);
    }

    private static JsonElement Reply(StationHarness h, string action, object payload)
    {
        var frame = h.Request(action, JsonSerializer.Serialize(payload));
        Assert.Equal(3, frame[0].GetInt32());
        return frame[2];
    }

    /// <summary>Triggers signing and returns the CSR of the SignCertificateRequest, answered with <paramref name="status"/>.</summary>
    private static string TriggerAndTakeCsr(StationHarness h, string status = "Accepted")
    {
        Assert.Equal("Accepted", Reply(h, "TriggerMessage", new { requestedMessage = "SignChargingStationCertificate" }).GetProperty("status").GetString());
        var call = NextCall(h, "SignCertificate");
        Assert.Equal("ChargingStationCertificate", call[3].GetProperty("certificateType").GetString());
        h.Frames.SendResult(call[1].GetString()!, "{\"status\":\"" + status + "\"}");
        h.Tick();
        return call[3].GetProperty("csr").GetString()!;
    }

    private static JsonElement[] NextCall(StationHarness h, string action, int ticks = 20)
    {
        foreach (var p in h.Pending.Where(p => p[0].GetInt32() == 2 && p[2].GetString() == action).ToList())
        {
            h.Pending.Remove(p);
            return p;
        }

        for (int i = 0; i < ticks; i++)
        {
            h.Run(100);
            for (var f = h.Frames.Next(); f != null; f = h.Frames.Next())
            {
                if (f[0].GetInt32() == 2 && f[2].GetString() == action)
                {
                    return f;
                }

                if (f[0].GetInt32() == 2)
                {
                    h.Frames.SendResult(f[1].GetString()!, "{}");
                }
            }
        }

        throw new Xunit.Sdk.XunitException(action + " not sent");
    }

    private static JsonElement Signed(StationHarness h, string chain, string type = "ChargingStationCertificate") =>
        Reply(h, "CertificateSigned", new { certificateChain = chain, certificateType = type });

    [Fact]
    public void TriggerMakesANewKeyPairAndSendsAPkcs10RequestWithIdentityAndOrganization_A02_FR_02_A02_FR_03()
    {
        var (h, _) = Profile3();
        var set = Reply(h, "SetVariables", new
        {
            setVariableData = new[] { new { component = new { name = "SecurityCtrlr" }, variable = new { name = "OrganizationName" }, attributeValue = "Example CPO" } },
        });
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        string csr = TriggerAndTakeCsr(h);
        var req = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        Assert.Equal("CN=CS001, O=Example CPO", req.SubjectName.Name);
        string firstKey = Convert.ToHexString(req.PublicKey.EncodedKeyValue.RawData);

        // A02.FR.02: every trigger makes a new key pair.
        string second = TriggerAndTakeCsr(h);
        var req2 = CertificateRequest.LoadSigningRequestPem(second, HashAlgorithmName.SHA256);
        Assert.NotEqual(firstKey, Convert.ToHexString(req2.PublicKey.EncodedKeyValue.RawData));
        Assert.Equal(2, h.Station.StationCertificates.RequestsSent);
    }

    [Fact]
    public void OnABoardTheKeyPairIsMadeOffTheTickAndTheRequestLeavesWhenItIsReady()
    {
        var (h, _) = Profile3();
        h.Station.StationCertificates.GenerateInBackground = true;
        Assert.Equal("Accepted", Reply(h, "TriggerMessage", new { requestedMessage = "SignChargingStationCertificate" }).GetProperty("status").GetString());
        h.Tick(); // starts the worker; nothing can be sent in this tick
        Assert.True(h.Station.StationCertificates.AwaitingCertificate);
        Assert.DoesNotContain(h.Frames.Drain(), f => f[0].GetInt32() == 2 && f[2].GetString() == "SignCertificate");

        JsonElement[]? call = null;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (call == null && DateTime.UtcNow < until)
        {
            Thread.Sleep(5);
            h.Tick();
            call = h.Frames.Drain().FirstOrDefault(f => f[0].GetInt32() == 2 && f[2].GetString() == "SignCertificate");
        }

        Assert.NotNull(call);
        var req = CertificateRequest.LoadSigningRequestPem(call![3].GetProperty("csr").GetString()!, HashAlgorithmName.SHA256);
        Assert.Equal("CN=CS001", req.SubjectName.Name);
        Assert.True(h.Store.Exists(StationCertificateManager.RequestKeyRecord));
    }

    [Fact]
    public void AValidCertificateIsAcceptedStoredAndPresentedFromTheNextConnectionOnly_A02()
    {
        var (h, e) = Profile3();
        string oldPem = h.Socket.Tls.ClientCertificatePem;
        string chain = Sign(TriggerAndTakeCsr(h), _ca, StationNow.AddMinutes(-5), StationNow.AddYears(2));
        Assert.Equal("Accepted", Signed(h, chain).GetProperty("status").GetString());
        Assert.Empty(e.Raised);
        Assert.True(h.Store.Exists(StationCertificateManager.PendingRecord));
        Assert.False(h.Store.Exists(StationCertificateManager.RequestKeyRecord));
        Assert.Equal(oldPem, h.Socket.Tls.ClientCertificatePem); // the live connection keeps its certificate

        h.Station.Connection.Disconnect(h.Now, "test: reconnect");
        h.Run(70000);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(chain, h.Socket.Tls.ClientCertificatePem);
        using var presented = X509Certificate2.CreateFromPem(h.Socket.Tls.ClientCertificatePem, h.Socket.Tls.ClientPrivateKeyPem);
        Assert.True(presented.HasPrivateKey);
        Assert.True(h.Store.Exists(StationCertificateManager.ActiveRecord));
        Assert.False(h.Store.Exists(StationCertificateManager.PendingRecord));

        // A power cut later the new certificate is still the one presented.
        h.Restart();
        h.Tick(3);
        Assert.Equal(chain, h.Socket.Tls.ClientCertificatePem);
    }

    [Fact]
    public void ARequestKeySurvivesAPowerCutSoALateCertificateSignedStillMatches()
    {
        var store = new MemoryFileStore();
        var (h, _) = Profile3(store);
        string csr = TriggerAndTakeCsr(h);
        h.Restart();
        h.Boot();
        h.AnswerAll();
        Assert.Equal("Accepted", Signed(h, Sign(csr, _ca, StationNow.AddMinutes(-5), StationNow.AddYears(2))).GetProperty("status").GetString());
    }

    public static TheoryData<string> BadChains => new() { "key", "expired", "garbage", "untrusted", "toolong", "empty" };

    [Theory]
    [MemberData(nameof(BadChains))]
    public void AnInvalidChainIsRejectedWithAReasonAndAnInvalidChargingStationCertificateEvent_A02_FR_07(string kind)
    {
        var (h, e) = Profile3();
        string csr = TriggerAndTakeCsr(h);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rogueCa = MakeCa("Rogue CA", rogueKey);
        string chain;
        string reason;
        switch (kind)
        {
            case "key":
                // A certificate for another key: the CSMS signed somebody else's request.
                var other = new CertificateRequest("CN=CS001", otherKey, HashAlgorithmName.SHA256).CreateSigningRequestPem();
                chain = Sign(other, _ca, StationNow.AddDays(-1), StationNow.AddYears(1));
                reason = "KeyMismatch";
                break;
            case "expired":
                chain = Sign(csr, _ca, StationNow.AddYears(-1), StationNow.AddDays(-1));
                reason = "Expired";
                break;
            case "garbage":
                chain = "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";
                reason = "InvalidCertificate";
                break;
            case "untrusted":
                chain = Sign(csr, rogueCa, StationNow.AddDays(-1), StationNow.AddYears(1)) + Pem(rogueCa);
                reason = "InvalidChain";
                break;
            case "toolong":
                string leaf = Sign(csr, _ca, StationNow.AddDays(-1), StationNow.AddYears(1));
                chain = leaf + string.Concat(Enumerable.Repeat(Pem(_ca), 8));
                reason = "InvalidCertificate";
                break;
            default:
                chain = "no certificate here";
                reason = "InvalidCertificate";
                break;
        }

        var answer = Signed(h, chain);
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal(reason, answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Single(e.Raised);
        Assert.Equal("InvalidChargingStationCertificate", e.Raised[0].Type);
        Assert.False(h.Store.Exists(StationCertificateManager.PendingRecord));
        Assert.Null(h.Station.StationCertificates.PendingCertificate);

        // The request is still open: a good chain afterwards is accepted.
        Assert.Equal("Accepted", Signed(h, Sign(csr, _ca, StationNow.AddDays(-1), StationNow.AddYears(1))).GetProperty("status").GetString());
    }

    [Fact]
    public void AChainLargerThanMaxCertificateChainSizeIsRejected_A02_FR_16()
    {
        var (h, e) = Profile3();
        h.Station.DeviceModel.SetPersistent(h.Station.DeviceModel.Find("SecurityCtrlr", "MaxCertificateChainSize"), AttributeType.Actual, "1000");
        string csr = TriggerAndTakeCsr(h);
        string chain = Sign(csr, _ca, StationNow.AddDays(-1), StationNow.AddYears(1)) + Pem(_ca) + Pem(_ca);
        Assert.True(chain.Length > 1000);
        var answer = Signed(h, chain);
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal("ChainTooLarge", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Empty(e.Raised);
    }

    [Fact]
    public void ByDefaultTheInvalidCertificateEventGoesToTheSecurityLog_A04()
    {
        Assert.IsType<CertificateEventsToSecurityLog>(new StationHarness().Station.StationCertificates.Events);
        var (h, _) = Profile3(); // its recording sink replaced by the station's own wiring again
        h.Station.StationCertificates.Events = new CertificateEventsToSecurityLog(h.Station.SecurityEvents);
        string unrequested = Sign(new CertificateRequest("CN=CS001", _oldKey, HashAlgorithmName.SHA256).CreateSigningRequestPem(), _ca, StationNow.AddDays(-1), StationNow.AddYears(1));
        long before = h.Station.SecurityEvents.Log.LastSequence;
        Assert.Equal("Rejected", Signed(h, unrequested).GetProperty("status").GetString());
        var log = h.Station.SecurityEvents.Log;
        Assert.Equal(before + 1, log.LastSequence);
        Assert.Equal("InvalidChargingStationCertificate", log.Read(log.LastSequence).Type);
    }

    [Fact]
    public void WithoutARequestOrForAV2GCertificateCertificateSignedIsRejected()
    {
        var (h, e) = Profile3();
        string unrequested = Sign(new CertificateRequest("CN=CS001", _oldKey, HashAlgorithmName.SHA256).CreateSigningRequestPem(), _ca, StationNow.AddDays(-1), StationNow.AddYears(1));
        Assert.Equal("Rejected", Signed(h, unrequested).GetProperty("status").GetString());
        Assert.Single(e.Raised);
        var v2g = Signed(h, unrequested, "V2GCertificate");
        Assert.Equal("NotSupported", v2g.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Single(e.Raised);
    }

    [Fact]
    public void ANewCertificateTheCsmsRefusesAlternatesWithTheOldOneAndIsDroppedAfterThreeFailures()
    {
        var (h, e) = Profile3();
        string oldPem = h.Socket.Tls.ClientCertificatePem;
        string chain = Sign(TriggerAndTakeCsr(h), _ca, StationNow.AddMinutes(-5), StationNow.AddYears(2));
        Assert.Equal("Accepted", Signed(h, chain).GetProperty("status").GetString());

        // This CSMS only knows the old certificate.
        var presented = new List<string>();
        h.Socket.Server.AutoAccept = false;
        h.Station.Connection.Disconnect(h.Now, "test: reconnect");
        for (int i = 0; i < 4000 && presented.Count < 7; i++)
        {
            h.Run(100);
            if (h.Socket.Server.HasPendingOpen)
            {
                string pem = h.Socket.Tls.ClientCertificatePem;
                presented.Add(pem == chain ? "new" : pem == oldPem ? "old" : "?");
                if (pem == oldPem && presented.Count < 6)
                {
                    // Connected with the old one, then dropped again, so the new one is tried next time.
                    h.Socket.Server.Accept();
                    h.Run(200);
                    h.Station.Connection.Disconnect(h.Now, "test: reconnect");
                }
                else if (pem == oldPem)
                {
                    h.Socket.Server.Accept();
                }
                else
                {
                    h.Socket.Server.Refuse(1006, "client certificate refused");
                }
            }
        }

        Assert.Equal(new[] { "new", "old", "new", "old", "new", "old" }, presented.Take(6));
        Assert.Null(h.Station.StationCertificates.PendingCertificate);
        Assert.False(h.Store.Exists(StationCertificateManager.PendingRecord));
        Assert.Contains(e.Raised, r => r.Type == "InvalidChargingStationCertificate" && r.Info.Contains("never connected"));
        Assert.Equal(oldPem, h.Socket.Tls.ClientCertificatePem);
    }

    [Fact]
    public void WithoutCertificateSignedTheRequestGoesAgainAfterCertSigningWaitMinimumDoublingCertSigningRepeatTimes_A02_FR_17_A02_FR_18()
    {
        var (h, _) = Profile3();
        var vars = h.Station.DeviceModel;
        vars.SetPersistent(vars.Find("SecurityCtrlr", "CertSigningWaitMinimum"), AttributeType.Actual, "10");
        vars.SetPersistent(vars.Find("SecurityCtrlr", "CertSigningRepeatTimes"), AttributeType.Actual, "2");
        string csr = TriggerAndTakeCsr(h);
        long first = h.Now;
        var sends = new List<long>();
        for (int i = 0; i < 1200; i++)
        {
            h.Run(100);
            for (var f = h.Frames.Next(); f != null; f = h.Frames.Next())
            {
                if (f[0].GetInt32() == 2)
                {
                    if (f[2].GetString() == "SignCertificate")
                    {
                        sends.Add(h.Now - first);
                        Assert.Equal(csr, f[3].GetProperty("csr").GetString());
                        h.Frames.SendResult(f[1].GetString()!, "{\"status\":\"Accepted\"}");
                    }
                    else
                    {
                        h.Frames.SendResult(f[1].GetString()!, f[2].GetString() == "Heartbeat" ? "{\"currentTime\":\"2026-11-21T10:00:00.000Z\"}" : "{}");
                    }
                }
            }
        }

        // Sent again after 10 s, then after 20 s more; after the 2nd repeat's 40 s wait, nothing.
        Assert.Equal(2, sends.Count);
        Assert.InRange(sends[0], 9_900, 10_200);
        Assert.InRange(sends[1], 29_900, 30_300);
        Assert.False(h.Station.StationCertificates.AwaitingCertificate);
        Assert.Equal(3, h.Station.StationCertificates.RequestsSent);
    }

    [Fact]
    public void ACertificateWithinTheRenewalLeadTimeIsRenewedByTheStationItself_A03()
    {
        var (soon, _) = Profile3(oldNotAfter: StationNow.AddDays(20));
        var call = NextCall(soon, "SignCertificate", 1000);
        var req = CertificateRequest.LoadSigningRequestPem(call[3].GetProperty("csr").GetString()!, HashAlgorithmName.SHA256);
        Assert.Equal("CN=CS001", req.SubjectName.Name);
        Assert.True(soon.Log.Contains("certificate ends within 30 days"));

        var (later, _) = Profile3(oldNotAfter: StationNow.AddDays(60));
        later.Run(120000);
        Assert.DoesNotContain(later.Frames.All.Concat(later.Pending), f => f[0].GetInt32() == 2 && f[2].GetString() == "SignCertificate");
        Assert.Equal(0, later.Station.StationCertificates.RequestsSent);
    }

    [Fact]
    public void AStoredCertificateRecordThatIsDamagedIsRemovedAndTheProvisionedOneIsUsed()
    {
        var store = new MemoryFileStore();
        byte[] junk = System.Text.Encoding.UTF8.GetBytes("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        store.WriteAtomic(StationCertificateManager.ActiveRecord, junk, junk.Length);
        var (h, _) = Profile3(store);
        Assert.False(store.Exists(StationCertificateManager.ActiveRecord));
        Assert.Equal(h.Config.ClientCertificatePem, h.Socket.Tls.ClientCertificatePem);
        Assert.True(h.Log.Contains("unreadable, removed"));
    }
}
