using System.Text.Json;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transactions;
using static Charger.Ocpp.Tests.TxServices.TxHarness;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>Functional block F through the real RPC: remote start and stop, unlock, transaction status, triggers.</summary>
public class RemoteControlServiceTests
{
    private readonly TxHarness _h = new();

    public RemoteControlServiceTests()
    {
        _h.Boot();
    }

    private JsonElement RemoteStart(int evseId, string token, int remoteStartId) =>
        _h.Request("RequestStartTransaction", "{" + (evseId > 0 ? "\"evseId\":" + evseId + "," : "")
            + "\"remoteStartId\":" + remoteStartId + ",\"idToken\":{\"idToken\":\"" + token + "\",\"type\":\"ISO14443\"}}");

    [Fact]
    public void RemoteStartAuthorizesThroughTheCsmsAndTheFirstEventCarriesRemoteStartId_F01()
    {
        Assert.Equal("Accepted", RemoteStart(1, "RFID-1", 42).GetProperty("status").GetString());
        _h.Run(300);
        Assert.Equal(1, _h.CallCount("Authorize")); // AuthorizeRemoteStart true (F01.FR.02)
        Assert.True(_h.Control.LastAuthorization(1));
        _h.Tx.EvConnected(1, 1, _h.Now);
        _h.Tx.PowerPathClosed(1, _h.Now);
        _h.Run(300);
        var started = _h.Events()[0];
        Assert.Equal(42, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("RemoteStart", Str(started, "triggerReason"));
    }

    [Fact]
    public void WithoutAuthorizeRemoteStartNoAuthorizeIsSent_F01_FR_01()
    {
        _h.Set(CoreVariables.AuthCtrlr, "AuthorizeRemoteStart", "false");
        Assert.Equal("Accepted", RemoteStart(0, "RFID-1", 1).GetProperty("status").GetString());
        Assert.Equal(0, _h.CallCount("Authorize"));
        Assert.True(_h.Control.LastAuthorization(1));
        Assert.Equal("Accepted", RemoteStart(0, "RFID-2", 2).GetProperty("status").GetString());
        Assert.True(_h.Control.LastAuthorization(2));
        Assert.Equal("Rejected", RemoteStart(0, "RFID-3", 3).GetProperty("status").GetString()); // both EVSEs taken
        Assert.Equal("Rejected", RemoteStart(7, "RFID-3", 4).GetProperty("status").GetString()); // no such EVSE
    }

    [Fact]
    public void RemoteStartOnAStartedTransactionAnswersItsId_F02()
    {
        _h.Set(CoreVariables.TxCtrlr, "TxStartPoint", "EVConnected");
        _h.Tx.EvConnected(1, 1, _h.Now);
        _h.Set(CoreVariables.AuthCtrlr, "AuthorizeRemoteStart", "false");
        var reply = RemoteStart(1, "RFID-1", 9);
        Assert.Equal(_h.Tx.TransactionIdOf(1), reply.GetProperty("transactionId").GetString());
    }

    [Fact]
    public void WithoutAVehicleWithinEVConnectionTimeOutTheAuthorizationLapses_E03_EVConnectionTimeOut()
    {
        _h.Set(CoreVariables.TxCtrlr, "EVConnectionTimeOut", "20");
        _h.Set(CoreVariables.AuthCtrlr, "AuthorizeRemoteStart", "false");
        RemoteStart(1, "RFID-1", 5);
        _h.Run(19_000);
        Assert.True(_h.Control.LastAuthorization(1));
        _h.Run(2_000);
        Assert.False(_h.Control.LastAuthorization(1));
        Assert.False(_h.Tx.IsAuthorized(1));
    }

    [Fact]
    public void RemoteStopEndsTheTransactionWithReasonRemote_F03()
    {
        _h.PlugAndCharge(1, "RFID-1", 0);
        string tx = _h.Tx.TransactionIdOf(1);
        Assert.Equal("Rejected", _h.Request("RequestStopTransaction", "{\"transactionId\":\"nope\"}").GetProperty("status").GetString());
        Assert.Equal("Accepted", _h.Request("RequestStopTransaction", "{\"transactionId\":\"" + tx + "\"}").GetProperty("status").GetString());
        _h.Run(300);
        var ended = _h.Events(tx)[^1];
        Assert.Equal("Remote", Str(ended, "transactionInfo", "stoppedReason"));
        Assert.Equal("RemoteStop", Str(ended, "triggerReason"));
        Assert.Contains(1, _h.Control.StopRequests);
    }

    [Fact]
    public void UnlockConnectorAnswersPerState_F05()
    {
        Assert.Equal("UnknownConnector", _h.Request("UnlockConnector", "{\"evseId\":1,\"connectorId\":2}").GetProperty("status").GetString());
        Assert.Equal("Unlocked", _h.Request("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}").GetProperty("status").GetString());
        _h.PlugAndCharge(1, "RFID-1", 0);
        Assert.Equal("OngoingAuthorizedTransaction", _h.Request("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}").GetProperty("status").GetString()); // F05.FR.02
        _h.Control.UnlockAnswer = UnlockStatus.UnlockFailed;
        Assert.Equal("UnlockFailed", _h.Request("UnlockConnector", "{\"evseId\":2,\"connectorId\":1}").GetProperty("status").GetString());
    }

    [Fact]
    public void GetTransactionStatusReportsOngoingAndQueuedMessages_E14()
    {
        _h.PlugAndCharge(1, "RFID-1", 0);
        string tx = _h.Tx.TransactionIdOf(1);
        var status = _h.Request("GetTransactionStatus", "{\"transactionId\":\"" + tx + "\"}");
        Assert.True(status.GetProperty("ongoingIndicator").GetBoolean()); // E14.FR.06
        Assert.False(status.GetProperty("messagesInQueue").GetBoolean());

        _h.Responder = (action, payload) => action == "TransactionEvent" ? null : _h.DefaultAnswer(action, payload);
        _h.Tx.EvDisconnected(1, _h.Now);
        status = _h.Request("GetTransactionStatus", "{\"transactionId\":\"" + tx + "\"}");
        Assert.False(status.GetProperty("ongoingIndicator").GetBoolean());
        Assert.True(status.GetProperty("messagesInQueue").GetBoolean()); // E14.FR.03
        status = _h.Request("GetTransactionStatus", "{}");
        Assert.False(status.TryGetProperty("ongoingIndicator", out _));
        Assert.True(status.GetProperty("messagesInQueue").GetBoolean());
    }

    [Fact]
    public void TriggerMessageTransactionEventAndMeterValues_F06()
    {
        Assert.Equal("Rejected", _h.Request("TriggerMessage", "{\"requestedMessage\":\"TransactionEvent\",\"evse\":{\"id\":1}}").GetProperty("status").GetString());
        _h.PlugAndCharge(1, "RFID-1", 55);
        Assert.Equal("Accepted", _h.Request("TriggerMessage", "{\"requestedMessage\":\"TransactionEvent\",\"evse\":{\"id\":1}}").GetProperty("status").GetString());
        _h.Run(300);
        Assert.Equal("Trigger", Str(_h.Events()[^1], "triggerReason"));

        Assert.Equal("Accepted", _h.Request("TriggerMessage", "{\"requestedMessage\":\"MeterValues\",\"evse\":{\"id\":1}}").GetProperty("status").GetString());
        _h.Run(300);
        var mv = _h.Calls.Last(c => c.Action == "MeterValues").Payload;
        Assert.Equal("Trigger", mv.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("context").GetString());
        Assert.Empty(_h.Hooks.MeterValuesTriggers);
    }
}
