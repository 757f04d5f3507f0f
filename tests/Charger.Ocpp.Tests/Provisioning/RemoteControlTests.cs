using System.Text.Json;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Provisioning;

/// <summary>Reset (B11/B12), ChangeAvailability (G03/G04), TriggerMessage (F06), DataTransfer (P02).</summary>
public class RemoteControlTests
{
    private readonly StationHarness _h = new();

    public RemoteControlTests()
    {
        _h.Boot();
        _h.AnswerAll();
    }

    private static string Status(JsonElement[] reply) => reply[2].GetProperty("status").GetString();

    [Fact]
    public void ImmediateResetIsAcceptedAndPerformedAfterTheResponse_B11()
    {
        var reply = _h.Request("Reset", "{\"type\":\"Immediate\"}");
        Assert.Equal("Accepted", Status(reply));
        _h.Tick();
        Assert.Equal(new[] { (true, 0) }, _h.Hooks.Resets);
    }

    [Fact]
    public void BootAfterACsmsResetReportsRemoteResetAndTheNextPowerUpPowerUp()
    {
        _h.Request("Reset", "{\"type\":\"Immediate\"}");
        _h.Tick();
        _h.Restart(BootReason.PowerUp);
        Assert.Equal("RemoteReset", _h.Boot()[3].GetProperty("reason").GetString());
        _h.Restart(BootReason.PowerUp);
        Assert.Equal("PowerUp", _h.Boot()[3].GetProperty("reason").GetString());
    }

    [Fact]
    public void OnIdleResetWithATransactionIsScheduledUntilItEnds_B12_FR_01()
    {
        _h.Hooks.RunningTransactions.Add(1);
        Assert.Equal("Scheduled", Status(_h.Request("Reset", "{\"type\":\"OnIdle\"}")));
        _h.Run(5_000);
        Assert.Empty(_h.Hooks.Resets);
        _h.Hooks.RunningTransactions.Clear();
        _h.Tick();
        Assert.Equal(new[] { (false, 0) }, _h.Hooks.Resets);
    }

    [Fact]
    public void ImmediateResetWithATransactionIsAcceptedAndDoesNotWait_B12()
    {
        _h.Hooks.RunningTransactions.Add(2);
        Assert.Equal("Accepted", Status(_h.Request("Reset", "{\"type\":\"Immediate\"}")));
        _h.Tick();
        Assert.Equal(new[] { (true, 0) }, _h.Hooks.Resets);
    }

    [Fact]
    public void EvseResetIsRejectedWhenUnsupportedAndPerformedWhenSupported_B11()
    {
        Assert.Equal("Rejected", Status(_h.Request("Reset", "{\"type\":\"Immediate\",\"evseId\":1}")));
        _h.Hooks.SupportsEvseReset = true;
        Assert.Equal("Rejected", Status(_h.Request("Reset", "{\"type\":\"Immediate\",\"evseId\":7}")));
        Assert.Equal("Accepted", Status(_h.Request("Reset", "{\"type\":\"OnIdle\",\"evseId\":2}")));
        _h.Tick();
        Assert.Equal(new[] { (false, 2) }, _h.Hooks.Resets);
    }

    [Fact]
    public void ChangeAvailabilityInoperativeMakesConnectorsUnavailableAndIsPersisted_G03()
    {
        Assert.Equal("Accepted", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":2}}")));
        var statuses = _h.Pending.Concat(_h.AnswerAll()).Where(c => c[2].GetString() == "StatusNotification").Select(c => c[3]).ToList();
        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("Unavailable", s.GetProperty("connectorStatus").GetString()));
        Assert.Equal((2, 0, false), _h.Hooks.OperativeChanges.Single());

        _h.Restart();
        Assert.False(_h.Station.Availability.IsOperative(2, 1));
        Assert.True(_h.Station.Availability.IsOperative(1, 1));
        Assert.Equal(ConnectorStatus.Unavailable, _h.Station.Availability.EffectiveStatus(2, 2));
    }

    [Fact]
    public void InoperativeDuringATransactionIsScheduledAndAppliedWhenItEnds_G03_FR_05()
    {
        _h.Hooks.RunningTransactions.Add(1);
        Assert.Equal("Scheduled", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\"}")));
        Assert.True(_h.Station.Availability.IsOperative(0, 0));
        _h.Hooks.RunningTransactions.Clear();
        _h.Tick();
        Assert.False(_h.Station.Availability.IsOperative(0, 0));
        Assert.Equal("Unavailable", _h.Station.Variables.StationAvailabilityState.Value);
    }

    [Fact]
    public void ChangeAvailabilityForUnknownEvseIsRejectedAndOperativeRestores()
    {
        Assert.Equal("Rejected", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":3}}")));
        Assert.Equal("Rejected", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":1,\"connectorId\":2}}")));
        Assert.Equal("Accepted", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":2,\"connectorId\":2}}")));
        Assert.Equal("Accepted", Status(_h.Request("ChangeAvailability", "{\"operationalStatus\":\"Operative\",\"evse\":{\"id\":2,\"connectorId\":2}}")));
        Assert.True(_h.Station.Availability.IsOperative(2, 2));
    }

    [Fact]
    public void TriggerMessageSendsTheRequestedMessage_F06()
    {
        Assert.Equal("Accepted", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}")));
        Assert.Contains(_h.Pending.Concat(_h.AnswerAll()), c => c[2].GetString() == "Heartbeat");
        _h.Pending.Clear();

        Assert.Equal("Accepted", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":2,\"connectorId\":1}}")));
        var status = _h.Pending.Concat(_h.AnswerAll()).Single(c => c[2].GetString() == "StatusNotification");
        Assert.Equal(2, status[3].GetProperty("evseId").GetInt32());
        _h.Pending.Clear();

        Assert.Equal("Accepted", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"MeterValues\",\"evse\":{\"id\":1}}")));
        Assert.Equal(new[] { 1 }, _h.Hooks.MeterValuesTriggers);
        Assert.Equal("Rejected", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"TransactionEvent\",\"evse\":{\"id\":1}}")));
        // N01: no upload runs, so the triggered LogStatusNotification says Idle.
        Assert.Equal("Accepted", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"LogStatusNotification\"}")));
        var idle = _h.Pending.Concat(_h.AnswerAll()).Single(c => c[2].GetString() == "LogStatusNotification");
        Assert.Equal("Idle", idle[3].GetProperty("status").GetString());
        _h.Pending.Clear();
        Assert.Equal("Rejected", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":5}}")));
    }

    [Fact]
    public void TriggeredBootIsRejectedOnceAccepted_F06_FR_17()
    {
        Assert.Equal("Rejected", Status(_h.Request("TriggerMessage", "{\"requestedMessage\":\"BootNotification\"}")));
    }

    [Fact]
    public void TriggeredBootWhilePendingIsSentWithReasonTriggered()
    {
        var h = new StationHarness();
        h.Boot("Pending", interval: 600);
        Assert.Equal("Accepted", Status(h.Request("TriggerMessage", "{\"requestedMessage\":\"BootNotification\"}")));
        h.Tick(2);
        var boot = h.Pending.Concat(h.Frames.Drain()).Single(f => f[0].GetInt32() == 2);
        Assert.Equal("Triggered", boot[3].GetProperty("reason").GetString());
    }

    [Fact]
    public void DataTransferIsUnknownVendorIdUnlessAHandlerIsRegistered_P02()
    {
        Assert.Equal("UnknownVendorId", Status(_h.Request("DataTransfer", "{\"vendorId\":\"com.example\",\"data\":{\"x\":1}}")));
        _h.Station.RegisterDataTransfer("com.example", new EchoVendor());
        var reply = _h.Request("DataTransfer", "{\"vendorId\":\"com.example\",\"messageId\":\"echo\",\"data\":[1,\"two\"]}");
        Assert.Equal("Accepted", Status(reply));
        Assert.Equal("[1,\"two\"]", reply[2].GetProperty("data").GetRawText());
        Assert.Equal("UnknownMessageId", Status(_h.Request("DataTransfer", "{\"vendorId\":\"com.example\",\"messageId\":\"other\"}")));
    }

    [Fact]
    public void ActionsOfLaterBlocksAreNotSupportedAndUnknownOnesNotImplemented()
    {
        var reply = _h.Request("PublishFirmware", "{}");
        Assert.Equal("NotSupported", reply[2].GetString());
        Assert.Equal("NotImplemented", _h.Request("MakeCoffee", "{}")[2].GetString());
    }

    private sealed class EchoVendor : Charger.Ocpp.DataTransfer.IDataTransferHandler
    {
        public string Handle(string messageId, Charger.Ocpp.Json.JsonValue data, long nowMs, Charger.Ocpp.Json.JsonWriter responseData,
            out string reasonCode, out string additionalInfo)
        {
            reasonCode = null;
            additionalInfo = null;
            if (messageId != "echo")
            {
                return "UnknownMessageId";
            }

            data.WriteTo(responseData);
            return "Accepted";
        }
    }
}
