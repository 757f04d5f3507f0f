using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.NetworkProfiles;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.NetworkProfiles;

/// <summary>SetNetworkProfile (OCPP 2.0.1 B09): validation, answers and power-cut-safe storage.</summary>
public class SetNetworkProfileTests
{
    private readonly StationHarness _h = new();

    internal static string Profile(int slot, string url, int securityProfile = 1, string version = "OCPP20", string transport = "JSON",
        int messageTimeout = 30, string extra = "")
    {
        return "{\"configurationSlot\":" + slot + ",\"connectionData\":{\"ocppVersion\":\"" + version + "\",\"ocppTransport\":\"" + transport
            + "\",\"ocppCsmsUrl\":\"" + url + "\",\"messageTimeout\":" + messageTimeout + ",\"securityProfile\":" + securityProfile
            + ",\"ocppInterface\":\"Wired0\"" + extra + "}}";
    }

    private JsonElement Send(string payload)
    {
        var reply = _h.Request("SetNetworkProfile", payload);
        Assert.Equal(3, reply[0].GetInt32());
        return reply[2];
    }

    private void Online()
    {
        _h.Boot();
        _h.AnswerAll();
    }

    [Fact]
    public void AValidProfileIsStoredAndAccepted_B09_FR_01()
    {
        Online();
        const string apn = ",\"apn\":{\"apn\":\"internet.example\",\"apnAuthentication\":\"NONE\"}";
        var result = Send(Profile(1, "ws://csms2.test/ocpp", extra: apn));
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        Assert.False(result.TryGetProperty("statusInfo", out _));
        Assert.True(_h.Store.Exists(NetworkProfileStore.RecordPrefix + "1"));
        NetworkProfile stored = _h.Station.NetworkProfileSlots.Get(1);
        Assert.Equal("ws://csms2.test/ocpp", stored.CsmsUrl);
        Assert.Equal(1, stored.SecurityProfile);
        Assert.Equal(30, stored.MessageTimeoutS);
        Assert.Contains("internet.example", stored.ApnJson); // kept, never dialled
        // Stored only: the station stays on the profile it is connected with.
        Assert.Equal(0, _h.Station.NetworkProfiles.ActiveSlot);
        Assert.Equal(1, _h.Socket.Server.OpenRequests);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(99)]
    public void ASlotOutsideThePriorityValuesListIsRejected_B09_FR_05(int slot)
    {
        Online();
        var result = Send(Profile(slot, "ws://csms2.test/ocpp"));
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        Assert.Equal("InvalidConfSlot", result.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Empty(_h.Store.List(NetworkProfileStore.RecordPrefix).Where(n => n != NetworkProfileSelector.LastGoodRecord));
    }

    [Fact]
    public void TheSlotInUseIsNotOverwritten()
    {
        Online();
        var result = Send(Profile(0, "ws://elsewhere.test/ocpp"));
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        Assert.Equal("ActiveNetworkConf", result.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal("ws://csms.test/ocpp/", _h.Station.NetworkProfileSlots.Get(0).CsmsUrl);
    }

    [Theory]
    [InlineData("ws://csms2.test/ocpp", 1, "OCPP16", "JSON", 30, "ocppVersion")]
    [InlineData("ws://csms2.test/ocpp", 1, "OCPP20", "SOAP", 30, "ocppTransport")]
    [InlineData("wss://csms2.test/ocpp", 1, "OCPP20", "JSON", 30, "securityProfile 1 uses ws://")]
    [InlineData("ws://csms2.test/ocpp", 2, "OCPP20", "JSON", 30, "needs wss://")]
    [InlineData("ws://csms2.test/ocpp", 3, "OCPP20", "JSON", 30, "needs wss://")]
    [InlineData("ws://csms2.test/ocpp", 0, "OCPP20", "JSON", 30, "securityProfile 0")]
    [InlineData("ws://csms2.test/ocpp", 4, "OCPP20", "JSON", 30, "securityProfile 4")]
    [InlineData("ws://csms2.test/ocpp", 1, "OCPP20", "JSON", 0, "messageTimeout")]
    [InlineData("ws://csms2.test/ocpp", 1, "OCPP20", "JSON", 3601, "messageTimeout")]
    [InlineData("http://csms2.test/ocpp", 1, "OCPP20", "JSON", 30, "ws:// or wss://")]
    [InlineData("ws://", 1, "OCPP20", "JSON", 30, "no host")]
    [InlineData("ws:///ocpp", 1, "OCPP20", "JSON", 30, "no host")]
    [InlineData("ws://csms 2.test/ocpp", 1, "OCPP20", "JSON", 30, "white space")]
    [InlineData("", 1, "OCPP20", "JSON", 30, "empty")]
    public void ContentTheStationCannotUseIsRejected_B09_FR_02(string url, int securityProfile, string version, string transport, int timeout, string why)
    {
        Online();
        var result = Send(Profile(1, url, securityProfile, version, transport, timeout));
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        var info = result.GetProperty("statusInfo");
        Assert.Equal("InvalidNetworkConf", info.GetProperty("reasonCode").GetString());
        Assert.Contains(why, info.GetProperty("additionalInfo").GetString());
        Assert.Null(_h.Station.NetworkProfileSlots.Get(1));
    }

    [Fact]
    public void ALowerSecurityProfileThanTheActiveOneIsRejected_B09_FR_04()
    {
        var config = new StationConfig
        {
            StationId = "CS001", CsmsUrl = "wss://csms.test/ocpp/", BasicAuthPassword = StationHarness.Password, SecurityProfile = 2,
            CsmsRootCertificatesPem = Charger.Ocpp.Tests.Transport.TlsConnectionTests.RootA,
        };
        var h = new StationHarness(config: config);
        h.Boot();
        h.AnswerAll();
        var result = h.Request("SetNetworkProfile", Profile(1, "ws://csms2.test/ocpp", 1))[2];
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        Assert.Equal("NoSecurityDowngrade", result.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal("Accepted", h.Request("SetNetworkProfile", Profile(1, "wss://csms2.test/ocpp", 2))[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", h.Request("SetNetworkProfile", Profile(2, "wss://csms3.test/ocpp", 3))[2].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"configurationSlot\":1}", "OccurrenceConstraintViolation")]
    [InlineData("{\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\"}}", "OccurrenceConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\"}}", "OccurrenceConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1}}", "OccurrenceConstraintViolation")]
    [InlineData("{\"configurationSlot\":\"1\",\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\"}}", "TypeConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP21\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\"}}", "PropertyConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired9\"}}", "PropertyConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\",\"apn\":{\"apn\":\"x\"}}}", "OccurrenceConstraintViolation")]
    [InlineData("{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\",\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://a\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\",\"password\":\"x\"}}", "ProtocolError")]
    public void AMalformedRequestGetsTheSchemasCallError(string payload, string code)
    {
        Online();
        var reply = _h.Request("SetNetworkProfile", payload);
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(code, reply[2].GetString());
        Assert.Null(_h.Station.NetworkProfileSlots.Get(1));
    }

    [Fact]
    public void AUrlOverTheSchemaLengthIsAFormatViolation()
    {
        Online();
        var reply = _h.Request("SetNetworkProfile", Profile(1, "ws://csms2.test/" + new string('p', 520)));
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("FormatViolation", reply[2].GetString());
    }

    /// <summary>Runs <paramref name="action"/> through the armed power cut, however far the exception travels.</summary>
    private void CutDuring(Action action)
    {
        try
        {
            action();
        }
        catch (PowerCutException)
        {
        }
        catch (Xunit.Sdk.XunitException)
        {
            // No reply: the station lost power before answering.
        }

        Assert.True(_h.Store.PowerIsCut);
    }

    [Fact]
    public void AFullStoreAnswersFailed_B09_FR_03()
    {
        // The same boot on a store measured first, then on one with just a little room left.
        var probe = new StationHarness();
        probe.Boot();
        probe.AnswerAll();
        var h = new StationHarness(new MemoryFileStore(probe.Store.UsedBytes + 60));
        h.Boot();
        h.AnswerAll();
        var result = h.Request("SetNetworkProfile", Profile(1, "ws://csms2.test/ocpp"))[2];
        Assert.Equal("Failed", result.GetProperty("status").GetString());
        Assert.Null(h.Station.NetworkProfileSlots.Get(1));
        Assert.True(h.Log.Contains("not stored"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutWhileStoringLeavesTheOldOrTheNewProfileNeverAMix(bool keepNew)
    {
        Online();
        Assert.Equal("Accepted", Send(Profile(1, "ws://old.test/ocpp")).GetProperty("status").GetString());
        _h.Store.CutPowerAtWrite(1, keepNew);
        CutDuring(() => _h.Request("SetNetworkProfile", Profile(1, "ws://new.test/ocpp")));
        _h.Store.RestorePower();
        _h.Restart();
        Assert.Equal(keepNew ? "ws://new.test/ocpp" : "ws://old.test/ocpp", _h.Station.NetworkProfileSlots.Get(1).CsmsUrl);
    }

    [Fact]
    public void ATornRecordCountsAsAnEmptySlotAndIsNeverUsed()
    {
        Online();
        Send(Profile(1, "ws://old.test/ocpp"));
        // A medium without atomic replace, cut past the old record's end: a truncated new record.
        _h.Store.CutPowerInsideWrite(1, _h.Store.Read(NetworkProfileStore.RecordPrefix + "1").Length + 5);
        CutDuring(() => _h.Request("SetNetworkProfile", Profile(1, "ws://new.test/ocpp",
            extra: ",\"apn\":{\"apn\":\"internet.example\",\"apnAuthentication\":\"NONE\"}")));
        _h.Store.RestorePower();
        _h.Restart();
        Assert.Null(_h.Station.NetworkProfileSlots.Get(1));
        Assert.True(_h.Log.Contains("slot 1 is damaged"));
    }
}
