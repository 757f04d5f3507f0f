using System.Text;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Transport;

/// <summary>Connection, security profiles 1/2, OCPPCommCtrlr back-off, ping and offline threshold.</summary>
public class ConnectionManagerTests
{
    private static string BasicFor(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    [Fact]
    public void ConnectsToCsmsUrlSlashStationIdWithSubprotocolAndBasicAuth_SecurityProfile1()
    {
        var h = new StationHarness();
        h.Tick();
        Assert.Equal("ws://csms.test/ocpp/CS001", h.Socket.Server.RequestedUrl);
        Assert.Equal("ocpp2.0.1", h.Socket.Server.RequestedSubprotocol);
        Assert.Equal(BasicFor("CS001", StationHarness.Password), h.Socket.Server.RequestedAuthorization);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
    }

    [Fact]
    public void WrongPasswordIsRetriedWithDoublingBackOffAndJitterCappedByRepeatTimes()
    {
        var h = new StationHarness();
        h.Socket.Server.RequiredAuthorization = BasicFor("CS001", "the-password-the-csms-wants");
        var vars = h.Station.Variables;
        var model = h.Station.DeviceModel;
        model.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "10");
        model.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "4");
        model.SetPersistent(vars.RetryBackOffRepeatTimes, AttributeType.Actual, "3");

        var attemptTimes = new List<long>();
        int seen = 0;
        for (int i = 0; i < 20_000 && attemptTimes.Count < 7; i++)
        {
            h.Run(100);
            if (h.Socket.Server.OpenRequests != seen)
            {
                seen = h.Socket.Server.OpenRequests;
                attemptTimes.Add(h.Now);
            }
        }

        Assert.Equal(7, attemptTimes.Count);
        Assert.True(h.Log.Contains("HTTP 401"));
        long[] minimum = { 10_000, 20_000, 40_000, 80_000, 80_000, 80_000 }; // doubling, then capped after 3 doublings
        for (int i = 0; i < minimum.Length; i++)
        {
            long gap = attemptTimes[i + 1] - attemptTimes[i];
            Assert.InRange(gap, minimum[i], minimum[i] + 4_000 + 100); // jitter 0..RetryBackOffRandomRange, tick granularity
        }

        // Jitter is drawn from the random source, not a constant.
        var gaps = Enumerable.Range(3, 3).Select(i => attemptTimes[i + 1] - attemptTimes[i]).Distinct().Count();
        Assert.True(gaps > 1);
        Assert.Equal(0, h.Socket.Server.ReceivedCount);
    }

    [Fact]
    public void SuccessfulConnectionResetsTheBackOff()
    {
        var h = new StationHarness();
        h.Socket.Server.RequiredAuthorization = "Basic nope";
        h.Run(200_000);
        Assert.True(h.Station.Connection.FailedAttempts >= 3);
        h.Socket.Server.RequiredAuthorization = null;
        h.Run(400_000);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
        Assert.Equal(0, h.Station.Connection.FailedAttempts);
    }

    [Fact]
    public void ConnectionRequestWithoutTheSubprotocolIsRefusedByAStrictCsms()
    {
        var h = new StationHarness();
        h.Socket.Server.RequiredSubprotocol = "ocpp2.0.1";
        h.Tick();
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
    }

    [Fact]
    public void ServerChoosingAnotherSubprotocolIsDisconnected()
    {
        var h = new StationHarness();
        h.Socket.Server.AutoAccept = false;
        h.Tick();
        Assert.True(h.Socket.Server.HasPendingOpen);
        h.Socket.Server.AcceptWithSubprotocol("ocpp1.6");
        h.Tick();
        Assert.Equal(ConnectionState.WaitingToConnect, h.Station.Connection.State);
        Assert.True(h.Log.Contains("instead of ocpp2.0.1"));
    }

    [Fact]
    public void SecurityProfile2RequiresWssAndProfile1RefusesIt()
    {
        var h2 = new StationHarness(config: new StationConfig { CsmsUrl = "ws://csms.test", SecurityProfile = 2, BasicAuthPassword = StationHarness.Password });
        h2.Tick();
        Assert.Equal(ConnectionState.Misconfigured, h2.Station.Connection.State);
        Assert.Equal(0, h2.Socket.Server.OpenRequests);

        var ok = new StationHarness(config: new StationConfig { CsmsUrl = "wss://csms.test", SecurityProfile = 2, BasicAuthPassword = StationHarness.Password, CsmsRootCertificatesPem = TlsConnectionTests.RootA });
        ok.Tick();
        Assert.Equal("wss://csms.test/CS001", ok.Socket.Server.RequestedUrl);
        Assert.Equal(ConnectionState.Connected, ok.Station.Connection.State);

        var h1 = new StationHarness(config: new StationConfig { CsmsUrl = "wss://csms.test", SecurityProfile = 1 });
        h1.Tick();
        Assert.Equal(ConnectionState.Misconfigured, h1.Station.Connection.State);
    }

    [Fact]
    public void PingsFollowWebSocketPingIntervalAndZeroDisablesThem()
    {
        var h = new StationHarness();
        h.Tick();
        h.Run(95_000);
        Assert.Equal(3, h.Socket.PingsSent); // every 30 s
        h.Station.DeviceModel.SetPersistent(h.Station.Variables.WebSocketPingInterval, AttributeType.Actual, "0");
        h.Run(95_000);
        Assert.Equal(3, h.Socket.PingsSent);
    }

    [Fact]
    public void OfflineOnlyAfterOfflineThreshold()
    {
        var h = new StationHarness();
        h.Boot();
        h.AnswerAll();
        Assert.False(h.Station.IsOffline(h.Now));
        h.Socket.Server.RequiredAuthorization = "Basic nope"; // keeps it down
        h.Socket.Server.Close(1006, "network gone");
        h.Run(59_000);
        Assert.False(h.Station.IsOffline(h.Now));
        h.Run(1_100);
        Assert.True(h.Station.IsOffline(h.Now));
    }

    [Fact]
    public void ConnectAttemptThatHangsTimesOut()
    {
        var h = new StationHarness();
        h.Socket.Server.AutoAccept = false;
        h.Tick();
        h.Run(ConnectionManager.ConnectTimeoutMs + 100);
        Assert.Equal(ConnectionState.WaitingToConnect, h.Station.Connection.State);
        Assert.True(h.Log.Contains("connect timed out"));
    }

    [Fact]
    public void PasswordChangedThroughSetVariablesIsUsedOnTheNextConnection()
    {
        var h = new StationHarness();
        h.Boot();
        h.AnswerAll();
        var reply = h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"a-brand-new-password\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}}]}");
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        h.Socket.Server.Close(1000, "bye");
        h.Run(45_000);
        Assert.Equal(BasicFor("CS001", "a-brand-new-password"), h.Socket.Server.RequestedAuthorization);
    }
}
