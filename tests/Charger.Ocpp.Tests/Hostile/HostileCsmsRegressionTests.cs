using System.Text;
using System.Text.Json;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Tests.TxServices;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Hostile;

/// <summary>
/// Issue 13: the reproducers a seeded fuzzer found, each kept as a regression test. A CSMS that
/// misbehaves, or a measurand no meter should report, costs the station at most that message.
/// </summary>
public class HostileCsmsRegressionTests
{
    private const double Huge = 4.0e18;

    // ---- 2. A measurand of 4e18 or more never breaks TransactionEvent building ----

    [Fact]
    public void BuilderSkipsMeasurandsItCannotWriteInsteadOfThrowing()
    {
        var samples = new MeterSampleBuffer(4);
        var reading = new MeterReading { EnergyWh = 1000, HasPower = true, PowerW = Huge, Phases = 1 };
        reading.CurrentA[0] = Huge;
        reading.VoltageV[0] = 230;
        samples.Add(reading, 1_700_000_000_000, MeterSampleBuffer.ContextPeriodic, 15);

        string json = new TransactionMessageBuilder().TransactionEvent(TransactionEventType.Updated, 1_700_000_000_000, "MeterValuePeriodic", 3, false,
            "T1", true, ChargingState.Charging, null, -1, null, 1, 1, samples);

        OfficialSchemas.AssertValid("TransactionEventRequest", json);
        Assert.Contains("\"value\":230", json);
        Assert.Contains("\"value\":1000", json);
        Assert.DoesNotContain("Power.Active.Import", json);
        Assert.DoesNotContain("Current.Import", json);
    }

    [Fact]
    public void BuilderLeavesOutAMeterValueWithNothingWritable()
    {
        var samples = new MeterSampleBuffer(4);
        var reading = new MeterReading { EnergyWh = -1, HasPower = true, PowerW = double.NaN, Phases = 0 };
        samples.Add(reading, 1_700_000_000_000, MeterSampleBuffer.ContextPeriodic, Measurands.PowerActiveImport);

        string json = new TransactionMessageBuilder().MeterValues(1, samples);

        // MeterValuesRequest needs at least one meterValue; nothing writable is not a message.
        Assert.Null(json);
    }

    [Theory]
    [InlineData("TxStartedMeasurands")]
    [InlineData("TxEndedMeasurands")]
    [InlineData("TxUpdatedMeasurands")]
    public void HugeCurrentInAnyMeasurandListStillStartsUpdatesAndEndsTheTransaction(string list)
    {
        var h = new TxHarness();
        h.Boot();
        h.Set(CoreVariables.SampledDataCtrlr, list, "Energy.Active.Import.Register,Current.Import,Power.Active.Import,Voltage");
        h.Set(CoreVariables.SampledDataCtrlr, "TxUpdatedInterval", "1");
        var hugeReading = TxHarness.Reading(1000, Huge);
        hugeReading.CurrentA[0] = Huge;
        hugeReading.VoltageV[1] = 1e300;
        h.Tx.UpdateMeter(1, hugeReading, h.Now);
        h.Tx.EvConnected(1, 1, h.Now);
        var result = h.Auth.PresentIdToken(1, "RFID-1", IdTokenType.ISO14443, h.Now);
        h.Run(300);
        h.Tx.PowerPathClosed(1, h.Now);
        h.Tx.SetChargingState(1, ChargingState.Charging, h.Now);
        h.Run(3000);
        h.Tx.UpdateMeter(1, hugeReading, h.Now);
        h.Tx.EvDisconnected(1, h.Now);
        h.Run(3000);

        var events = h.Events();
        Assert.Contains(events, e => TxHarness.Str(e, "eventType") == "Started");
        Assert.Contains(events, e => TxHarness.Str(e, "eventType") == "Ended");
        Assert.False(h.Tx.HasTransaction(1));
        var seqNos = events.Select(e => e.GetProperty("seqNo").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, seqNos.Count), seqNos);
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("4000000000000000000"));
        Assert.True(h.Tx.HasTransaction(1) == false && result.ToString().Length > 0);
    }

    [Fact]
    public void TriggeredTransactionEventWithAHugeMeasurandIsAcceptedNotInternalError()
    {
        var h = new TxHarness();
        h.Boot();
        h.Set(CoreVariables.SampledDataCtrlr, "TxUpdatedMeasurands", "Energy.Active.Import.Register,Current.Import");
        h.PlugAndCharge(1, "RFID-1", 100);
        var hugeReading = TxHarness.Reading(200, Huge);
        hugeReading.CurrentA[0] = Huge;
        h.Tx.UpdateMeter(1, hugeReading, h.Now);

        var reply = h.Request("TriggerMessage", "{\"requestedMessage\":\"TransactionEvent\",\"evse\":{\"id\":1}}");

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        h.Run(500);
        Assert.Equal("Trigger", TxHarness.Str(h.Events()[^1], "triggerReason"));
    }

    // ---- 3. BootNotification interval is bounded, time arithmetic saturates ----

    [Theory]
    [InlineData(9223372036854775)]   // * 1000 overflows a long
    [InlineData(4611686018427387904)]
    [InlineData(2147483647)]
    public void HugeAcceptedIntervalIsBoundedAndHeartbeatsStayPeriodic(long interval)
    {
        var h = new StationHarness();
        h.Tick(2);
        var boot = h.Frames.Next();
        h.Frames.SendResult(boot[1].GetString(), "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":" + interval + ",\"status\":\"Accepted\"}");
        h.Tick();
        Assert.Equal(RegistrationState.Accepted, h.Station.Registration.State);
        Assert.Equal(Charger.Ocpp.Provisioning.RegistrationManager.MaxIntervalS.ToString(),
            h.Station.Variables.HeartbeatInterval.GetValue(AttributeType.Actual));

        int heartbeats = 0;
        for (int i = 0; i < 100; i++)
        {
            h.Run(100);
            foreach (var f in h.Frames.Drain())
            {
                if (f[0].GetInt32() == 2 && f[2].GetString() == "Heartbeat")
                {
                    heartbeats++;
                    h.Frames.SendResult(f[1].GetString(), "{\"currentTime\":\"2026-11-21T10:00:00.000Z\"}");
                }
            }
        }

        Assert.Equal(0, heartbeats);
        Assert.Contains(h.Log.Lines, l => l.Contains("out of range"));
    }

    [Theory]
    [InlineData(9223372036854775)]
    [InlineData(-5)]
    public void PendingWithAHugeOrNegativeIntervalDoesNotResendBootInABurst(long interval)
    {
        var h = new StationHarness();
        h.Tick(2);
        var boot = h.Frames.Next();
        h.Frames.SendResult(boot[1].GetString(), "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":" + interval + ",\"status\":\"Pending\"}");
        h.Tick();
        int boots = 0;
        for (int i = 0; i < 100; i++)
        {
            h.Run(100);
            foreach (var f in h.Frames.Drain())
            {
                if (f[0].GetInt32() == 2 && f[2].GetString() == "BootNotification")
                {
                    boots++;
                    h.Frames.SendResult(f[1].GetString(), "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":" + interval + ",\"status\":\"Pending\"}");
                }
            }
        }

        Assert.True(boots <= 1, boots + " BootNotifications in 10 s");
    }

    [Fact]
    public void SetVariablesRefusesAHeartbeatIntervalOutsideItsBounds()
    {
        var h = new StationHarness();
        h.Boot();
        var reply = h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"2147483647\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Equal("Rejected", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public void SaturatingTimeArithmeticNeverWrapsAround()
    {
        Assert.Equal(long.MaxValue, Charger.Ocpp.TimeMath.AddSeconds(1000, long.MaxValue));
        Assert.Equal(long.MaxValue, Charger.Ocpp.TimeMath.AddSeconds(long.MaxValue - 5, 1));
        Assert.Equal(6000, Charger.Ocpp.TimeMath.AddSeconds(1000, 5));
        Assert.Equal(1000, Charger.Ocpp.TimeMath.AddSeconds(1000, -5));
    }

    // ---- 5. Message types outside the int range are not truncated ----

    [Theory]
    [InlineData("4294967298")]
    [InlineData("-4294967294")]
    [InlineData("9223372036854775807")]
    [InlineData("2.5")]
    public void MessageTypeOutsideTheIntRangeIsNotExecuted(string type)
    {
        var h = new StationHarness();
        h.Boot();
        h.Socket.Server.Send("[" + type + ",\"x2\",\"Reset\",{\"type\":\"Immediate\"}]");
        h.Tick(2);
        var reply = NextReply(h);
        Assert.NotNull(reply);
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("x2", reply[1].GetString());
        Assert.True(reply[2].GetString() == "MessageTypeNotSupported" || reply[2].GetString() == "RpcFrameworkError");
        Assert.Empty(h.Hooks.Resets);
    }

    // ---- 6. Error replies are always valid UTF-8 ----

    [Theory]
    [InlineData("[1\uD83D\uDD0C")]
    [InlineData("[2,\"a\",\"\uD83D\uDD0C\",{}]")]
    [InlineData("\uD83D\uDD0C")]
    [InlineData("[2,\"a\",\"Reset\",{\"type\":\uD83D\uDD0C}]")]
    public void ErrorRepliesNeverCarryHalfASurrogatePair(string frame)
    {
        var h = new StationHarness();
        h.Boot();
        h.Socket.Server.Send(frame);
        h.Tick(2);
        string raw = LastRawSent(h);
        AssertWellFormedUtf16(raw);
    }

    [Fact]
    public void LongErrorDescriptionIsCutOutsideASurrogatePair()
    {
        var h = new StationHarness();
        h.Boot();

        // An unknown action name of 128 plugs (256 UTF-16 units): the description quotes it first and is
        // cut at 255, which falls inside the last pair.
        string action = string.Concat(Enumerable.Repeat("\uD83D\uDD0C", 128));
        h.Socket.Server.Send("[2,\"b\",\"" + action + "\",{}]");
        h.Tick(2);
        string raw = LastRawSent(h);
        AssertWellFormedUtf16(raw);
        var reply = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("b", reply[1].GetString());
        Assert.True(reply[3].GetString().Length <= 255);
    }

    [Fact]
    public void WriterReplacesLoneSurrogatesSoTheTextIsValidUtf8()
    {
        var w = new JsonWriter();
        w.String("a\uD83Db\uDC00");
        AssertWellFormedUtf16(w.ToString());
        Assert.Equal("\"a\uFFFDb\uFFFD\"", w.ToString());
    }

    // ---- 7. The real message id is echoed whenever it can be read ----

    [Theory]
    [InlineData("[2,\"deep1\",\"Reset\",{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}]", "deep1")]
    [InlineData("[2,\"dup1\",\"Reset\",{\"type\":\"Immediate\",\"type\":\"OnIdle\"}]", "dup1")]
    [InlineData("[2,\"esc1\",\"Reset\",{\"type\":\"\\udc00\"}]", "esc1")]
    [InlineData("[2,\"esc2\",\"Reset\",{\"type\":\"\\ud800x\"}]", "esc2")]
    [InlineData("[2,\"bad1\",\"Reset\",{\"type\":tru}]", "bad1")]
    public void CallWithAReadableIdIsAnsweredWithThatIdAndASpecErrorCode(string frame, string id)
    {
        var h = new StationHarness();
        h.Boot();
        h.Socket.Server.Send(frame);
        h.Tick(2);
        var reply = NextReply(h);
        Assert.NotNull(reply);
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(id, reply[1].GetString());
        Assert.Equal("FormatViolation", reply[2].GetString());
        Assert.Empty(h.Hooks.Resets);
    }

    // Found by the in-suite fuzzer (seed 13001): a non-integer message type with a payload the parser refuses.
    [Theory]
    [InlineData("[2.0,\"nt1\",\"Reset\",{\"type\":1,\"type\":\"OnIdle\"}]", "nt1")]
    [InlineData("[4e18,\"nt2\",\"Reset\",{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}]", "nt2")]
    public void NonIntegerMessageTypeWithABrokenPayloadIsAnsweredWithItsId(string frame, string id)
    {
        var h = new StationHarness();
        h.Boot();
        h.Socket.Server.Send(frame);
        h.Tick(2);
        var reply = NextReply(h);
        Assert.Equal(id, reply[1].GetString());
        Assert.Equal("RpcFrameworkError", reply[2].GetString());
    }

    [Fact]
    public void FrameWhoseIdCannotBeReadStillGetsMinusOne()
    {
        var h = new StationHarness();
        h.Boot();
        h.Socket.Server.Send("[2,\"unterminated");
        h.Tick(2);
        var reply = NextReply(h);
        Assert.Equal("-1", reply[1].GetString());
        Assert.Equal("RpcFrameworkError", reply[2].GetString());
    }

    // ---- 9. Password hashing cost is bounded per message ----

    [Fact]
    public void OnlyOneMaintenancePasswordIsHashedPerSetVariables()
    {
        var h = new StationHarness();
        h.Boot();
        var items = string.Join(",", Enumerable.Range(0, 20).Select(i =>
            "{\"attributeValue\":\"password-" + i.ToString("00") + "\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}"));
        int before = Charger.Ocpp.Security.PasswordHash.Derivations;
        var reply = h.Request("SetVariables", "{\"setVariableData\":[" + items + "]}");
        int hashed = Charger.Ocpp.Security.PasswordHash.Derivations - before;

        var results = reply[2].GetProperty("setVariableResult");
        Assert.Equal(20, results.GetArrayLength());
        Assert.Equal("Accepted", results[0].GetProperty("attributeStatus").GetString());
        for (int i = 1; i < 20; i++)
        {
            Assert.Equal("Rejected", results[i].GetProperty("attributeStatus").GetString());
            Assert.Equal("OneHashPerMessage", results[i].GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
        }

        Assert.Equal(1, hashed);
        h.Run(100 * 100);
        Assert.True(h.Station.VerifyMaintenancePassword("password-00"));
    }

    [Fact]
    public void APasswordFromTheCsmsIsHashedOverTicksWhileTheOldOneStaysInForce()
    {
        var h = new StationHarness();
        h.Boot();
        string Set(string pw) => "{\"setVariableData\":[{\"attributeValue\":\"" + pw + "\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}]}";
        h.Request("SetVariables", Set("first-password"));
        h.Run(100 * 100);
        Assert.True(h.Station.VerifyMaintenancePassword("first-password"));

        var reply = h.Request("SetVariables", Set("second-password"));
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.True(h.Station.DeviceModel.HashPending);
        Assert.True(h.Station.VerifyMaintenancePassword("first-password"));

        // 1,000 rounds at HashRoundsPerStep per tick: not done one tick early, done on time.
        int ticks = Charger.Ocpp.Security.PasswordHash.DefaultIterations / StationDeviceModel.HashRoundsPerStep;
        h.Tick(ticks - 10);
        Assert.True(h.Station.DeviceModel.HashPending);
        h.Tick(10);
        Assert.False(h.Station.DeviceModel.HashPending);
        Assert.True(h.Station.VerifyMaintenancePassword("second-password"));
        Assert.False(h.Station.VerifyMaintenancePassword("first-password"));
    }

    // ---- 10. Numbers echoed from a request are written canonically ----

    [Theory]
    [InlineData("2.0")]
    [InlineData("1e0")]
    [InlineData("2E+0")]
    [InlineData("100e-2")]
    public void EvseIdEchoedInSetVariablesResultIsACanonicalInteger(string evseId)
    {
        var h = new StationHarness();
        h.Boot();
        var reply = h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"x\",\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":" + evseId + "}},\"variable\":{\"name\":\"Nothing\"}}]}");
        Assert.Equal(3, reply[0].GetInt32());
        string payload = reply[2].GetRawText();
        OfficialSchemas.AssertValid("SetVariablesResponse", payload);
        var id = reply[2].GetProperty("setVariableResult")[0].GetProperty("component").GetProperty("evse").GetProperty("id");
        Assert.Matches("^[0-9]+$", id.GetRawText());
    }

    [Fact]
    public void NumberValueWriteToCanonicalisesIntegralTextAndKeepsFractions()
    {
        var w = new JsonWriter();
        w.BeginArray();
        new JsonParser().Parse("[2.0,1e0,-3.50,0.25,1e300]").WriteTo(w);
        w.EndArray();
        Assert.Equal("[[2,1,-3.50,0.25,1e300]]", w.ToString());
    }

    /// <summary>The station's next reply (CALLRESULT or CALLERROR), skipping its own CALLs.</summary>
    private static JsonElement[] NextReply(StationHarness h)
    {
        JsonElement[] frame;
        while ((frame = h.Frames.Next()) != null)
        {
            if (frame[0].GetInt32() != 2)
            {
                return frame;
            }
        }

        return null;
    }

    /// <summary>The raw text of the station's last reply, skipping its own CALLs.</summary>
    private static string LastRawSent(StationHarness h)
    {
        string last = null;
        string s;
        while ((s = h.Socket.Server.TakeReceived()) != null)
        {
            if (!s.StartsWith("[2,"))
            {
                last = s;
            }
        }

        Assert.NotNull(last);
        return last;
    }

    private static void AssertWellFormedUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                Assert.True(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]), "lone high surrogate at " + i + " in " + text);
                i++;
            }
            else
            {
                Assert.False(char.IsLowSurrogate(c), "lone low surrogate at " + i + " in " + text);
            }
        }

        // A strict UTF-8 encoder accepts it.
        new UTF8Encoding(false, true).GetBytes(text);
    }
}
