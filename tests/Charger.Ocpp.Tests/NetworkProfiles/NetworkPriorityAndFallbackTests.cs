using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.NetworkProfiles;
using Charger.Ocpp.Tests.Support;
using static Charger.Ocpp.Tests.NetworkProfiles.SetNetworkProfileTests;

namespace Charger.Ocpp.Tests.NetworkProfiles;

/// <summary>NetworkConfigurationPriority and the fallback between profiles (OCPP 2.0.1 B10).</summary>
public class NetworkPriorityAndFallbackTests
{
    private readonly StationHarness _h = new();

    private JsonElement SetPriority(StationHarness h, string value)
    {
        var reply = h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"" + value
            + "\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"NetworkConfigurationPriority\"}}]}");
        return reply[2].GetProperty("setVariableResult")[0];
    }

    private static string Get(StationHarness h, string component, string variable)
    {
        var reply = h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"" + component + "\"},\"variable\":{\"name\":\"" + variable + "\"}}]}");
        return reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString();
    }

    private void Online(StationHarness h)
    {
        h.Boot();
        h.AnswerAll();
    }

    private void StoreSecondCsms(StationHarness h, string url = "ws://csms2.test/ocpp", int slot = 1, int securityProfile = 1)
    {
        var result = h.Request("SetNetworkProfile", Profile(slot, url, securityProfile))[2];
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
    }

    /// <summary>Runs until the station has an open connection (answering its BootNotification), or fails.</summary>
    private static void RunUntilOnline(StationHarness h, long maxMs)
    {
        long end = h.Now + maxMs;
        while (!h.Socket.Server.IsOpen && h.Now < end)
        {
            h.Run(500);
        }

        Assert.True(h.Socket.Server.IsOpen, "no connection within " + maxMs + " ms");
    }

    [Fact]
    public void APriorityNamingAnEmptySlotIsRejected()
    {
        Online(_h);
        var result = SetPriority(_h, "1,0");
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.Equal("InvalidNetworkConf", result.GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal("0", _h.Station.Variables.NetworkConfigurationPriority.Value);
    }

    [Theory]
    [InlineData("", "InvalidNetworkConf")]
    [InlineData("3", "NotInValuesList")]
    [InlineData("1,1", "DuplicateMember")]
    public void APriorityWithoutAUsableListIsRejected(string value, string reason)
    {
        Online(_h);
        StoreSecondCsms(_h);
        var result = SetPriority(_h, value);
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.Equal(reason, result.GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public void APriorityNamingStoredProfilesTakesEffectAtTheNextBoot_B10_FR_04()
    {
        Online(_h);
        StoreSecondCsms(_h);
        Assert.Equal("RebootRequired", SetPriority(_h, "1,0").GetProperty("attributeStatus").GetString());
        _h.Run(5000);
        Assert.Equal(0, _h.Station.NetworkProfiles.ActiveSlot); // not before the reboot
        Assert.Equal(1, _h.Socket.Server.OpenRequests);

        _h.Restart();
        _h.Tick(2);
        Assert.Equal("ws://csms2.test/ocpp/CS001", _h.Socket.Server.RequestedUrl);
        Assert.True(_h.Socket.Server.IsOpen);
        Assert.Equal("BootNotification", _h.Frames.Next()[2].GetString());
        Assert.Equal(1, _h.Station.NetworkProfiles.ActiveSlot);
        Assert.Equal(1, _h.Station.NetworkProfiles.LastGoodSlot);
        Assert.Equal("1", _h.Station.Variables.ActiveNetworkProfile.Value);
    }

    [Fact]
    public void ActiveNetworkProfileIsReadOnlyAndReportsTheSlotInUse()
    {
        Online(_h);
        Assert.Equal("0", Get(_h, "OCPPCommCtrlr", "ActiveNetworkProfile"));
        var reply = _h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"1\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"ActiveNetworkProfile\"}}]}");
        Assert.Equal("Rejected", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public void AnUnreachableNewProfileFallsBackAfterNetworkProfileConnectionAttempts_B10_FR_03()
    {
        Online(_h);
        StoreSecondCsms(_h);
        SetPriority(_h, "1,0");
        _h.Restart();
        _h.Socket.Server.UnreachableUrlPart = "csms2.test";
        RunUntilOnline(_h, 30 * 60 * 1000);

        Assert.Equal(3, _h.Socket.Server.UnreachableRefusals); // NetworkProfileConnectionAttempts default
        Assert.StartsWith("ws://csms.test/ocpp/", _h.Socket.Server.RequestedUrl);
        Assert.Equal(0, _h.Station.NetworkProfiles.ActiveSlot);
        Assert.Equal("0", _h.Station.Variables.ActiveNetworkProfile.Value);
        Assert.True(_h.Log.Contains("network profile slot 1 failed 3 attempt(s)"));
    }

    [Fact]
    public void TheAttemptsPerProfileFollowTheVariable()
    {
        Online(_h);
        StoreSecondCsms(_h);
        SetPriority(_h, "1,0");
        Assert.Equal("Accepted", _h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"5\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"NetworkProfileConnectionAttempts\"}}]}")[2]
            .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        _h.Restart();
        _h.Socket.Server.UnreachableUrlPart = "csms2.test";
        RunUntilOnline(_h, 60 * 60 * 1000);
        Assert.Equal(5, _h.Socket.Server.UnreachableRefusals);
    }

    [Fact]
    public void WithEveryEntryUnreachableTheListWrapsAround()
    {
        Online(_h);
        StoreSecondCsms(_h, "ws://csms2.test/ocpp", 1);
        StoreSecondCsms(_h, "ws://csms3.test/ocpp", 2);
        SetPriority(_h, "1,2,0");
        _h.Restart();
        _h.Socket.Server.UnreachableUrlPart = ".test/"; // nothing answers
        _h.Run(3 * 60 * 60 * 1000, 1000);
        Assert.True(_h.Station.NetworkProfiles.Switches >= 3);
        Assert.True(_h.Socket.Server.UnreachableRefusals >= 10);

        // The first entry gets its turn again after the last one: csms2 answers now.
        _h.Socket.Server.UnreachableUrlPart = "csms3.test";
        while (_h.Station.NetworkProfiles.ActiveSlot != 0)
        {
            _h.Run(1000, 1000);
        }

        _h.Socket.Server.UnreachableUrlPart = "csms.test/";
        RunUntilOnline(_h, 60 * 60 * 1000);
        Assert.Equal(1, _h.Station.NetworkProfiles.ActiveSlot);
        Assert.StartsWith("ws://csms2.test/ocpp/", _h.Socket.Server.RequestedUrl);
    }

    [Fact]
    public void ALastWorkingSlotLeftOutOfThePriorityStillCatchesTheStation_B10_FR_07()
    {
        Online(_h);
        StoreSecondCsms(_h);
        SetPriority(_h, "1"); // the provisioned slot 0 is no longer listed
        _h.Restart();
        _h.Socket.Server.UnreachableUrlPart = "csms2.test";
        RunUntilOnline(_h, 30 * 60 * 1000);
        Assert.Equal(0, _h.Station.NetworkProfiles.ActiveSlot);
        Assert.True(_h.Log.Contains("last working profile, B10.FR.07"));
    }

    [Fact]
    public void SwitchingProfileWithoutARebootRegistersAgain_B10_FR_10()
    {
        Online(_h);
        StoreSecondCsms(_h);
        SetPriority(_h, "1,0");
        _h.Restart();
        Online(_h); // on csms2 now
        Assert.Equal(1, _h.Station.NetworkProfiles.ActiveSlot);

        // csms2 goes away for good: after its attempts the station is back on slot 0 and boots there.
        _h.Socket.Server.UnreachableUrlPart = "csms2.test";
        _h.Socket.Server.Close(1006, "gone");
        _h.Frames.Drain();
        RunUntilOnline(_h, 30 * 60 * 1000);
        _h.Tick(2);
        var boot = _h.Frames.Drain().FirstOrDefault(f => f[0].GetInt32() == 2 && f[2].GetString() == "BootNotification");
        Assert.NotNull(boot);
        Assert.Equal(0, _h.Station.NetworkProfiles.ActiveSlot);
    }

    [Fact]
    public void AProfileThatCannotBeUsedIsSkippedAtOnce()
    {
        // Slot 1 asks for profile 3 but the station has no client certificate.
        var config = new StationConfig
        {
            StationId = "CS001", CsmsUrl = "wss://csms.test/ocpp/", BasicAuthPassword = StationHarness.Password, SecurityProfile = 2,
            CsmsRootCertificatesPem = Charger.Ocpp.Tests.Transport.TlsConnectionTests.RootA,
        };
        var h = new StationHarness(config: config);
        Online(h);
        StoreSecondCsms(h, "wss://csms3.test/ocpp", 1, 3);
        SetPriority(h, "1,0");
        h.Restart();
        h.Tick(3);
        Assert.True(h.Socket.Server.IsOpen);
        Assert.Equal(0, h.Station.NetworkProfiles.ActiveSlot);
        Assert.True(h.Log.Contains("network profile slot 1 cannot be used"));
    }

    [Fact]
    public void ConnectingWithAHigherProfileRaisesTheSecurityProfileAndLogsTheChange_A04()
    {
        var config = new StationConfig
        {
            StationId = "CS001", CsmsUrl = "ws://csms.test/ocpp/", BasicAuthPassword = StationHarness.Password, SecurityProfile = 1,
            CsmsRootCertificatesPem = Charger.Ocpp.Tests.Transport.TlsConnectionTests.RootA,
        };
        var h = new StationHarness(config: config);
        Online(h);
        StoreSecondCsms(h, "wss://secure.test/ocpp", 1, 2);
        SetPriority(h, "1,0");
        h.Restart();
        h.Tick(2);
        Assert.True(h.Socket.Server.IsOpen);
        Assert.Equal("wss://secure.test/ocpp/CS001", h.Socket.Server.RequestedUrl);
        Assert.Equal(2, h.Station.Variables.SecurityProfile.IntValue);
        Assert.Equal(2, h.Station.SecurityProfile.Floor);
        var log = h.Station.SecurityEvents.Log;
        Assert.Contains(Enumerable.Range(1, (int)log.LastSequence).Select(s => log.Read(s)),
            e => e != null && e.Type == "ReconfigurationOfSecurityParameters");

        // A05: slot 0 (profile 1) is below the floor now and is never used again, even as a fallback.
        h.Socket.Server.UnreachableUrlPart = "secure.test";
        h.Socket.Server.Close(1006, "gone");
        h.Run(30 * 60 * 1000, 1000);
        Assert.False(h.Socket.Server.IsOpen);
        Assert.Equal(1, h.Station.NetworkProfiles.ActiveSlot);
        Assert.True(h.Log.Contains("below 2 already used (A05)"));
    }
}
