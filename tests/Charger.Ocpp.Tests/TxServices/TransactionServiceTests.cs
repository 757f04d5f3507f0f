using System.Text.Json;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transactions;
using static Charger.Ocpp.Tests.TxServices.TxHarness;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>Functional block E through the real RPC: start/stop points, events, meter values, offline queue, retries, power loss.</summary>
public class TransactionServiceTests
{
    private readonly TxHarness _h = new();

    public TransactionServiceTests()
    {
        _h.Boot();
    }

    [Fact]
    public void DefaultStartPointPowerPathClosedStartsOnlyWhenTheContactorCloses_E01()
    {
        _h.Tx.UpdateMeter(1, Reading(1000), _h.Now);
        _h.Tx.EvConnected(1, 1, _h.Now);
        Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "RFID-1", IdTokenType.ISO14443, _h.Now));
        _h.Run(500);
        Assert.True(_h.Control.LastAuthorization(1));
        Assert.Empty(_h.Events());

        _h.Tx.PowerPathClosed(1, _h.Now);
        _h.Run(500);
        var started = Assert.Single(_h.Events());
        Assert.Equal("Started", Str(started, "eventType"));
        Assert.Equal("ChargingStateChanged", Str(started, "triggerReason"));
        Assert.Equal(0, started.GetProperty("seqNo").GetInt32());
        Assert.Equal("RFID-1", Str(started, "idToken", "idToken"));
        Assert.Equal(1, started.GetProperty("evse").GetProperty("id").GetInt32());
        Assert.False(started.TryGetProperty("offline", out _));
        var sample = started.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
        Assert.Equal("Transaction.Begin", sample.GetProperty("context").GetString());
        Assert.Equal(1000, sample.GetProperty("value").GetInt32());
    }

    [Fact]
    public void StartPointEVConnectedStartsAtPlugInAndReportsTheTokenWhenAuthorized_E02()
    {
        _h.Set(CoreVariables.TxCtrlr, "TxStartPoint", "EVConnected");
        _h.Tx.EvConnected(1, 1, _h.Now);
        _h.Run(300);
        var started = Assert.Single(_h.Events());
        Assert.Equal("CablePluggedIn", Str(started, "triggerReason"));
        Assert.False(started.TryGetProperty("idToken", out _));

        _h.Auth.PresentIdToken(1, "RFID-1", IdTokenType.ISO14443, _h.Now);
        _h.Run(500);
        var updated = _h.Events()[1];
        Assert.Equal("Updated", Str(updated, "eventType"));
        Assert.Equal("Authorized", Str(updated, "triggerReason"));
        Assert.Equal("RFID-1", Str(updated, "idToken", "idToken"));
        Assert.Equal(TxId(started), TxId(updated));
    }

    [Fact]
    public void EvDisconnectEndsWithEVDisconnectedAndSeqNosRunWithoutGaps_E06()
    {
        _h.PlugAndCharge(1, "RFID-1", 500);
        _h.Tx.SetChargingState(1, ChargingState.SuspendedEV, _h.Now);
        _h.Tx.UpdateMeter(1, Reading(2500), _h.Now);
        _h.Tx.EvDisconnected(1, _h.Now);
        _h.Run(2000);
        var events = _h.Events();
        Assert.Equal(new[] { "Started", "Updated", "Updated", "Ended" }, events.Select(e => Str(e, "eventType")));
        Assert.Equal(new[] { 0, 1, 2, 3 }, events.Select(e => e.GetProperty("seqNo").GetInt32()));
        var ended = events[^1];
        Assert.Equal("EVDisconnected", Str(ended, "transactionInfo", "stoppedReason"));
        Assert.Equal("EVCommunicationLost", Str(ended, "triggerReason"));
        var end = ended.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
        Assert.Equal("Transaction.End", end.GetProperty("context").GetString());
        Assert.Equal(2500, end.GetProperty("value").GetInt32());
        Assert.Equal(false, _h.Control.LastAuthorization(1));
        Assert.Single(events.Select(TxId).Distinct());
    }

    [Fact]
    public void SameCardStopsTheTransactionWithStopAuthorizedLocal_E06_C09()
    {
        _h.PlugAndCharge(1, "RFID-1", 0);
        Assert.Equal(PresentResult.Stopped, _h.Auth.PresentIdToken(1, "rfid-1", IdTokenType.ISO14443, _h.Now));
        _h.Run(500);
        var ended = _h.Events()[^1];
        Assert.Equal("Ended", Str(ended, "eventType"));
        Assert.Equal("StopAuthorized", Str(ended, "triggerReason"));
        Assert.Equal("Local", Str(ended, "transactionInfo", "stoppedReason"));
        Assert.Contains(1, _h.Control.StopRequests);
    }

    [Fact]
    public void PeriodicSamplesCarryTxUpdatedMeasurandsPerPhase_E02_SampledDataCtrlr()
    {
        _h.Set(CoreVariables.SampledDataCtrlr, "TxUpdatedInterval", "10");
        _h.PlugAndCharge(1, "RFID-1", 0);
        _h.Tx.UpdateMeter(1, Reading(777), _h.Now);
        _h.Run(10_500);
        var periodic = _h.Events().First(e => Str(e, "triggerReason") == "MeterValuePeriodic");
        var samples = periodic.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.All(samples, s => Assert.Equal("Sample.Periodic", s.GetProperty("context").GetString()));
        Assert.Contains(samples, s => s.GetProperty("measurand").GetString() == "Power.Active.Import" && s.GetProperty("value").GetDouble() == 7000);
        Assert.Contains(samples, s => s.GetProperty("measurand").GetString() == "Current.Import" && s.GetProperty("phase").GetString() == "L3"
            && s.GetProperty("value").GetDouble() == 12.5);
        Assert.Contains(samples, s => s.GetProperty("measurand").GetString() == "Voltage" && s.GetProperty("phase").GetString() == "L1-N");
        Assert.Equal(777, samples.Single(s => s.GetProperty("measurand").GetString() == "Energy.Active.Import.Register").GetProperty("value").GetInt32());
    }

    [Fact]
    public void TxEndedIntervalSamplesGoIntoTheEndedEvent_E06_SampledDataCtrlr()
    {
        _h.Set(CoreVariables.SampledDataCtrlr, "TxEndedInterval", "5");
        _h.Set(CoreVariables.SampledDataCtrlr, "TxUpdatedInterval", "0");
        _h.PlugAndCharge(1, "RFID-1", 0);
        for (int i = 1; i <= 3; i++)
        {
            _h.Tx.UpdateMeter(1, Reading(100 * i), _h.Now);
            _h.Run(5_000);
        }

        _h.Tx.EvDisconnected(1, _h.Now);
        _h.Run(500);
        var ended = _h.Events()[^1];
        var values = ended.GetProperty("meterValue").EnumerateArray().ToList();
        Assert.True(values.Count >= 4, "periodic samples plus the end sample, got " + values.Count);
        Assert.Equal("Sample.Periodic", values[0].GetProperty("sampledValue")[0].GetProperty("context").GetString());
        Assert.Equal("Transaction.End", values[^1].GetProperty("sampledValue")[0].GetProperty("context").GetString());
    }

    [Fact]
    public void ClockAlignedDataIsMeterValuesOutsideAndUpdatedInsideATransaction_J01_E02()
    {
        _h.Set(CoreVariables.AlignedDataCtrlr, "Interval", "60");
        _h.Tx.UpdateMeter(2, Reading(4242), _h.Now);
        _h.Run(61_000);
        var meterValues = _h.Calls.Where(c => c.Action == "MeterValues").Select(c => c.Payload).ToList();
        Assert.Contains(meterValues, m => m.GetProperty("evseId").GetInt32() == 2
            && m.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("context").GetString() == "Sample.Clock");

        _h.PlugAndCharge(1, "RFID-1", 10);
        _h.Run(61_000);
        Assert.Contains(_h.Events(), e => Str(e, "triggerReason") == "MeterValueClock");
    }

    [Fact]
    public void EventsProducedOfflineAreFlaggedAndDeliveredInOrderAfterReconnection_E11_E12()
    {
        _h.PlugAndCharge(1, "RFID-1", 0);
        string tx = TxId(_h.Events()[0]);
        _h.Drop();
        for (int i = 1; i <= 5; i++)
        {
            _h.Tx.UpdateMeter(1, Reading(i * 100), _h.Now);
            _h.Tx.SetChargingState(1, i % 2 == 0 ? ChargingState.Charging : ChargingState.SuspendedEVSE, _h.Now);
        }

        _h.Tx.EvDisconnected(1, _h.Now);
        int beforeReconnect = _h.Events(tx).Count;
        _h.Run(120_000, 500);
        var events = _h.Events(tx);
        Assert.Equal(beforeReconnect + 6, events.Count);
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.All(events.Skip(beforeReconnect), e => Assert.True(e.GetProperty("offline").GetBoolean()));
        Assert.Equal("Ended", Str(events[^1], "eventType"));
        Assert.True(_h.Tx.Queue.IsEmpty);
    }

    [Fact]
    public void CallErrorIsRetriedAfterTheIntervalAndDiscardedAfterMessageAttempts_E13()
    {
        _h.Set(CoreVariables.OcppCommCtrlr, "MessageAttemptInterval", "10");
        _h.Set(CoreVariables.OcppCommCtrlr, "MessageAttempts", "3");
        _h.Responder = (action, payload) => action == "TransactionEvent" && Str(payload, "eventType") == "Started"
            ? "ERROR:InternalError" : _h.DefaultAnswer(action, payload);
        _h.PlugAndCharge(1, "RFID-1", 0);
        _h.Run(200);
        int Started() => _h.Events().Count(e => Str(e, "eventType") == "Started");
        Assert.Equal(1, Started());
        _h.Run(9_000);
        Assert.Equal(1, Started()); // E13.FR.02: waits MessageAttemptInterval
        Assert.Equal(1, _h.CallCount("TransactionEvent")); // and nothing overtakes it
        _h.Run(2_000);
        Assert.Equal(2, Started());
        _h.Run(17_000);
        Assert.Equal(2, Started()); // E13.FR.03: interval x attempts so far
        _h.Run(4_000);
        Assert.Equal(3, Started());
        Assert.Equal(1, _h.Tx.Queue.DiscardedCount); // E13.FR.04: discarded after the last attempt
        _h.Run(500);
        Assert.True(_h.Tx.Queue.IsEmpty);
        Assert.Equal("Updated", Str(_h.Events()[^1], "eventType"));
    }

    [Fact]
    public void PowerLossEndsTheTransactionOnceWithTheLastEnergy_E04_PowerLoss()
    {
        _h.PlugAndCharge(1, "RFID-1", 100);
        _h.Tx.UpdateMeter(1, Reading(1234), _h.Now);
        _h.Tx.SetChargingState(1, ChargingState.SuspendedEV, _h.Now); // an event records 1234 Wh in the journal
        _h.Run(1000);
        string tx = TxId(_h.Events()[0]);

        _h.Reboot();
        _h.Boot();
        _h.Run(1000);
        var ended = _h.Events(tx).Where(e => Str(e, "eventType") == "Ended").ToList();
        var end = Assert.Single(ended);
        Assert.Equal("PowerLoss", Str(end, "transactionInfo", "stoppedReason"));
        Assert.Equal(1234, end.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("value").GetInt32());
        Assert.Equal(_h.Events(tx).Select(e => e.GetProperty("seqNo").GetInt32()).Distinct().Count() - 1, end.GetProperty("seqNo").GetInt32());

        _h.Reboot();
        _h.Boot();
        _h.Run(1000);
        Assert.Single(_h.Events(tx), e => Str(e, "eventType") == "Ended");
        Assert.Equal(0, _h.Tx.RecoveredAtBoot);
    }

    [Fact]
    public void EmergencyStopEndsWhateverTheStopPointsSay_E06()
    {
        _h.Set(CoreVariables.TxCtrlr, "TxStopPoint", "EVConnected");
        _h.PlugAndCharge(1, "RFID-1", 0);
        Assert.True(_h.Tx.EndTransaction(1, StopReason.EmergencyStop, _h.Now));
        _h.Run(300);
        var ended = _h.Events()[^1];
        Assert.Equal("EmergencyStop", Str(ended, "transactionInfo", "stoppedReason"));
        Assert.Equal("AbnormalCondition", Str(ended, "triggerReason"));
        Assert.False(_h.Tx.EndTransaction(1, StopReason.Other, _h.Now));
    }

    [Fact]
    public void TransactionIdsAreUniqueAcrossSessionsAndReboots_E01()
    {
        var ids = new HashSet<string>();
        for (int i = 0; i < 3; i++)
        {
            _h.PlugAndCharge(1, "RFID-1", i * 10);
            ids.Add(_h.Tx.TransactionIdOf(1));
            _h.Tx.EvDisconnected(1, _h.Now);
            _h.Run(300);
            _h.Reboot();
            _h.Boot();
        }

        Assert.Equal(3, ids.Count);
    }
}
