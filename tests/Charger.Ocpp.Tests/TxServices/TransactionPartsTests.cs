using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Tests.Support;
using static Charger.Ocpp.Tests.TxServices.TxHarness;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>The small parts of the transaction service and the edges of its rules.</summary>
public class TransactionPartsTests
{
    [Theory]
    [InlineData("PowerPathClosed", TxPoint.PowerPathClosed)]
    [InlineData("EVConnected,Authorized", TxPoint.EVConnected | TxPoint.Authorized)]
    [InlineData(" EnergyTransfer , ParkingBayOccupancy", TxPoint.EnergyTransfer | TxPoint.ParkingBayOccupancy)]
    [InlineData("", 0)]
    [InlineData("Bogus,DataSigned", TxPoint.DataSigned)]
    public void TxPointListsParseToFlags_E01(string list, int flags) => Assert.Equal(flags, TxPoint.Parse(list));

    [Fact]
    public void MeasurandListsKeepOnlyWhatTheMeterProvides()
    {
        Assert.Equal(Measurands.EnergyActiveImportRegister | Measurands.Voltage, Measurands.Parse("Energy.Active.Import.Register,SoC,Voltage"));
    }

    [Fact]
    public void SampleBufferIsBoundedKeepsTheNewestAndSkipsEmptySamples()
    {
        var buffer = new MeterSampleBuffer(3);
        buffer.Add(new MeterReading(), 1, MeterSampleBuffer.ContextPeriodic, Measurands.EnergyActiveImportRegister); // unknown: skipped
        buffer.Add(new MeterReading { EnergyWh = 5 }, 1, MeterSampleBuffer.ContextPeriodic, Measurands.PowerActiveImport); // nothing to report
        Assert.Equal(0, buffer.Count);
        for (int i = 1; i <= 5; i++)
        {
            buffer.Add(new MeterReading { EnergyWh = i }, i, MeterSampleBuffer.ContextPeriodic, Measurands.EnergyActiveImportRegister);
        }

        Assert.Equal(3, buffer.Count);
        Assert.Equal(2, buffer.Overwritten);
        Assert.Equal(new long[] { 3, 4, 5 }, Enumerable.Range(0, 3).Select(i => buffer.ReadingAt(i).EnergyWh));
    }

    [Fact]
    public void BuilderFormatsNumbersExplicitlyAndOmitsAbsentOptionals()
    {
        var samples = new MeterSampleBuffer(1);
        var reading = new MeterReading { EnergyWh = 123456, HasPower = true, PowerW = 7123.456, Phases = 1 };
        reading.CurrentA[0] = 31.04;
        reading.VoltageV[0] = 229.96;
        samples.Add(reading, 1_700_000_000_000, MeterSampleBuffer.ContextBegin, 15);
        string json = new TransactionMessageBuilder().TransactionEvent(TransactionEventType.Started, 1_700_000_000_000, "Authorized", 0, false,
            "T1", true, ChargingState.Charging, null, -1, new IdToken("AB", IdTokenType.ISO14443), 1, 1, samples);
        OfficialSchemas.AssertValid("TransactionEventRequest", json);
        var doc = JsonDocument.Parse(json).RootElement;
        Assert.False(doc.TryGetProperty("offline", out _));
        Assert.False(doc.GetProperty("transactionInfo").TryGetProperty("stoppedReason", out _));
        Assert.Equal("2023-11-14T22:13:20.000Z", doc.GetProperty("timestamp").GetString());
        Assert.Contains("\"value\":123456,", json);
        Assert.Contains("\"value\":7123.5,", json);
        Assert.Contains("\"value\":31,", json); // one decimal, trailing zero dropped
        Assert.Contains("\"value\":230,", json);
    }

    [Fact]
    public void WithoutStopTxOnEVSideDisconnectUnplugOnlyUpdatesWhenEVConnectedIsNoStopPoint()
    {
        var h = new TxHarness();
        h.Boot();
        h.Set(CoreVariables.TxCtrlr, "StopTxOnEVSideDisconnect", "false");
        h.Set(CoreVariables.TxCtrlr, "TxStopPoint", "Authorized");
        h.PlugAndCharge(1, "RFID-1", 0);
        h.Tx.EvDisconnected(1, h.Now);
        h.Run(300);
        Assert.True(h.Tx.HasTransaction(1));
        Assert.Equal("EVCommunicationLost", Str(h.Events()[^1], "triggerReason"));

        h.Set(CoreVariables.TxCtrlr, "StopTxOnEVSideDisconnect", "true");
        h.Tx.EvConnected(1, 1, h.Now);
        h.Tx.EvDisconnected(1, h.Now);
        h.Run(300);
        Assert.False(h.Tx.HasTransaction(1)); // TxCtrlr.StopTxOnEVSideDisconnect
    }

    [Fact]
    public void AStoppedSessionDoesNotRestartWhileTheCarStaysPlugged_E01()
    {
        var h = new TxHarness();
        h.Boot();
        h.Set(CoreVariables.TxCtrlr, "TxStartPoint", "EVConnected");
        h.PlugAndCharge(1, "RFID-1", 0);
        h.Auth.PresentIdToken(1, "RFID-1", IdTokenType.ISO14443, h.Now);
        h.Tx.PowerPathOpened(1, StopReason.Local, h.Now);
        h.Tx.SetChargingState(1, ChargingState.EVConnected, h.Now);
        h.Run(300);
        Assert.False(h.Tx.HasTransaction(1));
        Assert.Single(h.Events(), e => Str(e, "eventType") == "Started");
    }

    [Fact]
    public void ATransactionOpenedButNeverAnnouncedIsStartedAndEndedAfterAPowerCut_E04()
    {
        var store = new MemoryFileStore();
        var first = new TxHarness(store);
        first.Boot();
        first.Tx.UpdateMeter(1, Reading(50), first.Now);
        first.Tx.EvConnected(1, 1, first.Now);
        first.Auth.PresentIdToken(1, "RFID-1", IdTokenType.ISO14443, first.Now);
        first.Run(300);
        // Power goes while the Started event is written: the open record exists, the event does not.
        store.CutPowerAtWrite(3, keepNewContent: false); // 1: id counter, 2: open record, 3: the Started event
        Assert.Throws<PowerCutException>(() => first.Tx.PowerPathClosed(1, first.Now));
        store.RestorePower();

        var second = new TxHarness(store);
        Assert.Equal(1, second.Tx.RecoveredAtBoot);
        second.Boot();
        second.Run(500);
        var events = second.Events();
        Assert.Equal(new[] { "Started", "Ended" }, events.Select(e => Str(e, "eventType")));
        Assert.Equal(new[] { 0, 1 }, events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Equal("PowerLoss", Str(events[1], "transactionInfo", "stoppedReason"));
        Assert.Equal(TxId(events[0]), TxId(events[1]));
        Assert.True(events[1].GetProperty("offline").GetBoolean());
    }

    [Fact]
    public void AStationWithoutAChargerStillAnswersTheNewActions()
    {
        var h = new StationHarness();
        h.Boot();
        var reply = h.Request("GetTransactionStatus", "{}");
        Assert.False(reply[2].GetProperty("messagesInQueue").GetBoolean());
        reply = h.Request("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}");
        Assert.Equal("UnlockFailed", reply[2].GetProperty("status").GetString());
    }
}
