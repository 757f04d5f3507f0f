using System.Text.Json;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Provisioning;

/// <summary>Registration (B01-B04), heartbeat and status reporting after (re)connection, frames schema-checked.</summary>
public class BootNotificationTests
{
    private readonly StationHarness _h = new();

    private List<JsonElement[]> SentCalls() => _h.Frames.Drain().Where(f => f[0].GetInt32() == 2).ToList();

    [Fact]
    public void FirstMessageIsBootNotificationWithReasonAndIdentity_B01_FR_01()
    {
        _h.Tick(2);
        var boot = _h.Frames.Next();
        Assert.Equal("BootNotification", boot[2].GetString());
        Assert.Equal("PowerUp", boot[3].GetProperty("reason").GetString());
        var station = boot[3].GetProperty("chargingStation");
        Assert.Equal("ChargerFirmware", station.GetProperty("vendorName").GetString());
        Assert.Equal("SN-1", station.GetProperty("serialNumber").GetString());
        Assert.Equal("ws://csms.test/ocpp/CS001", _h.Socket.Server.RequestedUrl);
        Assert.Equal("ocpp2.0.1", _h.Socket.Server.RequestedSubprotocol);
    }

    [Theory]
    [InlineData(BootReason.RemoteReset, "RemoteReset")]
    [InlineData(BootReason.Watchdog, "Watchdog")]
    [InlineData(BootReason.FirmwareUpdate, "FirmwareUpdate")]
    public void BootReasonComesFromTheFirmware(BootReason reason, string expected)
    {
        var h = new StationHarness(reason: reason);
        Assert.Equal(expected, h.Boot()[3].GetProperty("reason").GetString());
    }

    [Fact]
    public void AcceptedSetsClockAndHeartbeatIntervalAndReportsEveryConnector_B01_FR_05()
    {
        _h.Boot("Accepted", interval: 90, currentTime: "2026-11-21T10:00:00.000Z");
        Assert.Equal(RegistrationState.Accepted, _h.Station.Registration.State);
        Assert.Equal(90, _h.Station.Variables.HeartbeatInterval.IntValue);
        Assert.True(_h.Station.Clock.IsSynchronized);
        Assert.Equal("2026-11-21T10:00:00.000Z", Rfc3339.Format(_h.Station.Clock.UtcAt(_h.Now)));

        var statuses = _h.AnswerAll().Where(c => c[2].GetString() == "StatusNotification").Select(c => c[3]).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Equal(new[] { "1/1", "2/1", "2/2" }, statuses.Select(s => s.GetProperty("evseId").GetInt32() + "/" + s.GetProperty("connectorId").GetInt32()));
        Assert.All(statuses, s => Assert.Equal("Available", s.GetProperty("connectorStatus").GetString()));
    }

    [Fact]
    public void HeartbeatFollowsTheIntervalAndSetsTheClock()
    {
        _h.Boot("Accepted", interval: 60);
        _h.AnswerAll();
        _h.Run(59_000);
        Assert.DoesNotContain(SentCalls(), c => c[2].GetString() == "Heartbeat");
        _h.Run(1_100);
        var hb = SentCalls().Single(c => c[2].GetString() == "Heartbeat");
        _h.Frames.SendResult(hb[1].GetString(), "{\"currentTime\":\"2030-01-01T00:00:00.000Z\"}");
        _h.Tick();
        Assert.Equal(2030, _h.Station.Clock.UtcAt(_h.Now).Year);
        // The jump is a security event (SettingSystemTime, critical): answered, it holds nothing back.
        Assert.Contains(_h.AnswerAll(), c => c[2].GetString() == "SecurityEventNotification"
            && c[3].GetProperty("type").GetString() == "SettingSystemTime");
        _h.Run(60_000);
        Assert.Single(SentCalls(), c => c[2].GetString() == "Heartbeat");
    }

    [Fact]
    public void PendingSendsNothingElseAndRetriesBootAfterTheInterval_B02()
    {
        _h.Boot("Pending", interval: 20);
        Assert.Equal(RegistrationState.Pending, _h.Station.Registration.State);
        _h.Station.SetConnectorStatus(1, 1, ConnectorStatus.Occupied);
        _h.Run(19_900);
        Assert.Empty(SentCalls());
        _h.Run(300);
        var calls = SentCalls();
        Assert.Equal(new[] { "BootNotification" }, calls.Select(c => c[2].GetString()));

        // Accepted on the retry: now the connector statuses follow, with the current state.
        _h.Frames.SendResult(calls[0][1].GetString(), "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":300,\"status\":\"Accepted\"}");
        var statuses = _h.AnswerAll().Where(c => c[2].GetString() == "StatusNotification").ToList();
        Assert.Equal("Occupied", statuses[0][3].GetProperty("connectorStatus").GetString());
    }

    [Fact]
    public void PendingStillAnswersCsmsRequests_B02()
    {
        _h.Boot("Pending", interval: 20);
        var reply = _h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}}]}");
        Assert.Equal(3, reply[0].GetInt32());
    }

    [Fact]
    public void RejectedSendsNothingUntilTheRetryInterval_B03_FR_02()
    {
        _h.Boot("Rejected", interval: 120);
        Assert.Equal(RegistrationState.Rejected, _h.Station.Registration.State);
        _h.Run(119_000);
        Assert.Empty(SentCalls());
        _h.Run(1_100);
        Assert.Equal(new[] { "BootNotification" }, SentCalls().Select(c => c[2].GetString()));
    }

    [Fact]
    public void WhileRejectedOnlyTriggerMessageBootNotificationIsAccepted_B03_FR_08()
    {
        _h.Boot("Rejected", interval: 600);
        var refused = _h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}}]}");
        Assert.Equal(4, refused[0].GetInt32());
        Assert.Equal("SecurityError", refused[2].GetString());
        Assert.Equal("SecurityError", _h.Request("TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}")[2].GetString());

        var trigger = _h.Request("TriggerMessage", "{\"requestedMessage\":\"BootNotification\"}");
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());
        _h.Tick(2);
        var boot = _h.Pending.Concat(_h.Frames.Drain()).Single(f => f[0].GetInt32() == 2);
        Assert.Equal("Triggered", boot[3].GetProperty("reason").GetString());
    }

    [Fact]
    public void UnansweredBootIsRetriedAfterTimeoutAndBackOff()
    {
        _h.Tick(2);
        Assert.Equal("BootNotification", _h.Frames.Next()[2].GetString());
        _h.Run(30_000); // MessageTimeout
        Assert.Empty(SentCalls());
        _h.Run(30_100); // RetryBackOffWaitMinimum
        Assert.Equal(new[] { "BootNotification" }, SentCalls().Select(c => c[2].GetString()));
        Assert.True(_h.Log.Contains("got no answer within"));
    }

    [Fact]
    public void StatusNotificationOnEveryChangeOnly()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Station.SetConnectorStatus(2, 2, ConnectorStatus.Occupied);
        _h.Station.SetConnectorStatus(2, 2, ConnectorStatus.Occupied);
        var calls = _h.AnswerAll();
        var status = Assert.Single(calls);
        Assert.Equal("Occupied", status[3].GetProperty("connectorStatus").GetString());
        Assert.Equal(2, status[3].GetProperty("connectorId").GetInt32());
        Assert.Equal("Occupied", _h.Station.DeviceModel.Find("Connector", null, 2, 2, "AvailabilityState", null).Value);
        Assert.Equal("Occupied", _h.Station.DeviceModel.Find("EVSE", null, 2, 0, "AvailabilityState", null).Value);
    }

    [Fact]
    public void ReconnectionResendsStatusesButNotBoot()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Socket.Server.Close(1001, "CSMS restart");
        _h.Station.SetConnectorStatus(1, 1, ConnectorStatus.Faulted); // changes while offline
        _h.Run(45_000);
        var calls = _h.AnswerAll();
        Assert.Equal(2, _h.Socket.Server.OpenRequests);
        Assert.DoesNotContain(calls, c => c[2].GetString() == "BootNotification");
        var statuses = calls.Where(c => c[2].GetString() == "StatusNotification").ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Equal("Faulted", statuses[0][3].GetProperty("connectorStatus").GetString());
    }

    [Fact]
    public void CsmsClosingMidCallFailsTheCallAndRetriesAfterReconnect()
    {
        _h.Tick(2);
        Assert.Equal("BootNotification", _h.Frames.Next()[2].GetString());
        _h.Socket.Server.Close(1011, "server error");
        _h.Run(41_000); // reconnect after 30 s + up to 10 s jitter; boot retried after RetryBackOffWaitMinimum
        var boot = SentCalls().Single();
        Assert.Equal("BootNotification", boot[2].GetString());
        Assert.True(_h.Log.Contains("lost with the connection"));
    }
}
