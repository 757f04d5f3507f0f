using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Rpc;

/// <summary>OCPP-J 2.0.1 part 4 (RPC framework) behaviour of <see cref="RpcEndpoint"/>.</summary>
public class RpcEndpointTests
{
    private readonly LoopbackWebSocket _socket = new();
    private readonly ListLog _log = new();
    private readonly RpcEndpoint _rpc;
    private readonly RecordingResultHandler _results = new();

    public RpcEndpointTests()
    {
        _rpc = new RpcEndpoint(_socket, _log, new SeededRandom(7), new RpcLimits { MaxFrameChars = 2000 });
        _socket.Server.AutoAccept = true;
        _socket.Open("ws://csms/CS1", "ocpp2.0.1", null, null);
        _rpc.Registration = RegistrationState.Accepted;
    }

    private static JsonElement[] Frame(string text) => JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();

    private JsonElement[] SendAndTakeReply(string frame, long nowMs = 0)
    {
        _socket.Server.Send(frame);
        _rpc.Pump(nowMs);
        string reply = _socket.Server.TakeReceived();
        Assert.NotNull(reply);
        return Frame(reply);
    }

    private sealed class EchoHandler : IIncomingCallHandler
    {
        public int Calls;

        public void Handle(IncomingCall call)
        {
            Calls++;
            call.Response.BeginObject();
            call.Response.Property("status", "Accepted");
            call.Response.EndObject();
        }
    }

    private static SchemaNode ResetSchema() => SchemaNode.Object()
        .Required("type", SchemaNode.Enum(new[] { "Immediate", "OnIdle" }))
        .Optional("evseId", SchemaNode.Integer())
        .Optional("tags", SchemaNode.ArrayOf(SchemaNode.String(5), 1, 2));

    [Fact]
    public void CallIsAnsweredWithCallResultCarryingTheSameMessageId()
    {
        var handler = new EchoHandler();
        _rpc.Register("Reset", ResetSchema(), handler);
        var reply = SendAndTakeReply("[2,\"abc-1\",\"Reset\",{\"type\":\"Immediate\"}]");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Equal("abc-1", reply[1].GetString());
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData("{}", "OccurrenceConstraintViolation")]                                   // required member missing
    [InlineData("{\"type\":1}", "TypeConstraintViolation")]                               // wrong type
    [InlineData("{\"type\":\"Soon\"}", "PropertyConstraintViolation")]                    // not in the enum
    [InlineData("{\"type\":\"OnIdle\",\"evseId\":1.5}", "TypeConstraintViolation")]       // integer expected
    [InlineData("{\"type\":\"OnIdle\",\"tags\":[\"toolong\"]}", "FormatViolation")]       // string over maxLength
    [InlineData("{\"type\":\"OnIdle\",\"tags\":[]}", "OccurrenceConstraintViolation")]    // minItems
    [InlineData("{\"type\":\"OnIdle\",\"tags\":[\"a\",\"b\",\"c\"]}", "OccurrenceConstraintViolation")] // maxItems
    [InlineData("{\"type\":\"OnIdle\",\"extra\":true}", "ProtocolError")]                 // additionalProperties false
    [InlineData("{\"type\":\"OnIdle\",\"customData\":{}}", "OccurrenceConstraintViolation")] // customData needs vendorId
    [InlineData("[]", "FormatViolation")]                                                 // payload not an object
    public void InvalidPayloadIsAnsweredWithTheMatchingCallError(string payload, string expectedCode)
    {
        var handler = new EchoHandler();
        _rpc.Register("Reset", ResetSchema(), handler);
        var reply = SendAndTakeReply("[2,\"m1\",\"Reset\"," + payload + "]");
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("m1", reply[1].GetString());
        Assert.Equal(expectedCode, reply[2].GetString());
        Assert.Equal(JsonValueKind.Object, reply[4].ValueKind);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void RequestSchemasFromAFactoryAreBuiltOnDemandAndOnlyTheTwoRecentAreKept()
    {
        int built = 0;
        SchemaNode Counted()
        {
            built++;
            return ResetSchema();
        }

        _rpc.Register("Reset", Counted, new EchoHandler());
        _rpc.Register("ResetToo", Counted, new EchoHandler());
        _rpc.Register("ResetThree", Counted, new EchoHandler());
        Assert.Equal(0, built);

        Assert.Equal(3, SendAndTakeReply("[2,\"a\",\"Reset\",{\"type\":\"Immediate\"}]")[0].GetInt32());
        Assert.Equal(3, SendAndTakeReply("[2,\"b\",\"Reset\",{\"type\":\"OnIdle\"}]")[0].GetInt32());
        Assert.Equal(1, built);
        // Still validated from the factory's tree: a bad payload is refused with the schema's error.
        Assert.Equal("PropertyConstraintViolation", SendAndTakeReply("[2,\"c\",\"ResetToo\",{\"type\":\"Soon\"}]")[2].GetString());
        Assert.Equal(2, built);
        SendAndTakeReply("[2,\"d\",\"Reset\",{\"type\":\"OnIdle\"}]");
        Assert.Equal(2, built);
        SendAndTakeReply("[2,\"e\",\"ResetThree\",{\"type\":\"OnIdle\"}]");
        SendAndTakeReply("[2,\"f\",\"ResetToo\",{\"type\":\"OnIdle\"}]");
        Assert.Equal(4, built);
        Assert.Equal(4, _rpc.SchemasBuilt);
    }

    [Fact]
    public void CustomDataWithVendorIdIsAccepted()
    {
        var handler = new EchoHandler();
        _rpc.Register("Reset", ResetSchema(), handler);
        var reply = SendAndTakeReply("[2,\"m1\",\"Reset\",{\"type\":\"OnIdle\",\"customData\":{\"vendorId\":\"x\",\"any\":1}}]");
        Assert.Equal(3, reply[0].GetInt32());
    }

    [Fact]
    public void UnknownActionIsNotImplementedAndKnownUnsupportedIsNotSupported()
    {
        _rpc.RegisterNotSupported("SetChargingProfile");
        Assert.Equal("NotImplemented", SendAndTakeReply("[2,\"m1\",\"FlyToTheMoon\",{}]")[2].GetString());
        Assert.Equal("NotSupported", SendAndTakeReply("[2,\"m2\",\"SetChargingProfile\",{}]")[2].GetString());
    }

    [Theory]
    [InlineData("not json at all", "-1")]
    [InlineData("{\"a\":1}", "-1")]
    [InlineData("[2]", "-1")]
    [InlineData("[2, 5, \"Reset\", {}]", "-1")]
    [InlineData("[\"2\", \"id7\", \"Reset\", {}]", "id7")]
    public void FramesThatAreNotOcppJAreAnsweredRpcFrameworkError(string frame, string expectedId)
    {
        var reply = SendAndTakeReply(frame);
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(expectedId, reply[1].GetString());
        Assert.Equal("RpcFrameworkError", reply[2].GetString());
    }

    [Fact]
    public void CallWithWrongShapeIsProtocolErrorAndUnknownTypeIsMessageTypeNotSupported()
    {
        Assert.Equal("ProtocolError", SendAndTakeReply("[2,\"m1\",\"Reset\"]")[2].GetString());
        Assert.Equal("ProtocolError", SendAndTakeReply("[2,\"m1\",7,{}]")[2].GetString());
        Assert.Equal("MessageTypeNotSupported", SendAndTakeReply("[6,\"m1\",\"Reset\",{}]")[2].GetString());
    }

    [Fact]
    public void AtMostOneStationCallIsOutstandingAndTheNextLeavesAfterTheResult()
    {
        Assert.True(_rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted));
        Assert.True(_rpc.Call("StatusNotification", "{\"a\":1}", null, _results, null, SendPermission.RequiresAccepted));
        _rpc.Pump(0);
        _rpc.Pump(1);
        Assert.Equal(1, _socket.Server.ReceivedCount);
        var first = Frame(_socket.Server.TakeReceived());
        Assert.Equal(2, first[0].GetInt32());
        Assert.Equal("Heartbeat", first[2].GetString());

        _socket.Server.Send("[3,\"" + first[1].GetString() + "\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]");
        _rpc.Pump(2);
        Assert.Single(_results.Results);
        var second = Frame(_socket.Server.TakeReceived());
        Assert.Equal("StatusNotification", second[2].GetString());
        Assert.NotEqual(first[1].GetString(), second[1].GetString());
    }

    [Fact]
    public void MessageIdsAreUniqueAndAtMost36Characters()
    {
        var ids = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            _rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted);
            _rpc.Pump(i);
            var frame = Frame(_socket.Server.TakeReceived());
            string id = frame[1].GetString();
            Assert.True(id.Length <= 36);
            Assert.True(ids.Add(id));
            _socket.Server.Send("[3,\"" + id + "\",{}]");
            _rpc.Pump(i);
        }
    }

    [Fact]
    public void AResponseSchemaFromAFactoryIsBuiltOnlyWhenTheAnswerArrivesAndStillValidates()
    {
        int built = 0;
        SchemaNode HeartbeatResponse()
        {
            built++;
            return SchemaNode.Object().Required("currentTime", SchemaNode.String(40));
        }

        Assert.True(_rpc.CallLazySchema("Heartbeat", "{}", HeartbeatResponse, _results, null, SendPermission.RequiresAccepted));
        _rpc.Pump(0);
        Assert.Equal(0, built);
        string id = Frame(_socket.Server.TakeReceived())[1].GetString();
        _socket.Server.Send("[3,\"" + id + "\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]");
        _rpc.Pump(1);
        Assert.Equal(1, built);
        Assert.Single(_results.Results);

        // A second answer for the same action reuses the tree; a bad one is still refused by it.
        Assert.True(_rpc.CallLazySchema("Heartbeat", "{}", HeartbeatResponse, _results, null, SendPermission.RequiresAccepted));
        _rpc.Pump(2);
        id = Frame(_socket.Server.TakeReceived())[1].GetString();
        _socket.Server.Send("[3,\"" + id + "\",{}]");
        _rpc.Pump(3);
        Assert.Equal(1, built);
        Assert.Single(_results.Failures);
        Assert.Equal(RpcErrorCode.LocalInvalidResult, _results.Failures[0].Code);
    }

    [Fact]
    public void UnansweredCallTimesOutAfterMessageTimeoutAndItsLateResultIsDropped()
    {
        _rpc.MessageTimeoutMs = 30000;
        _rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted);
        _rpc.Pump(1000);
        string id = Frame(_socket.Server.TakeReceived())[1].GetString();
        _rpc.Pump(30999);
        Assert.Empty(_results.Failures);
        _rpc.Pump(31000);
        Assert.Single(_results.Failures);
        Assert.Equal(RpcErrorCode.LocalTimeout, _results.Failures[0].Code);

        _socket.Server.Send("[3,\"" + id + "\",{}]");
        _rpc.Pump(32000);
        Assert.Empty(_results.Results);
        Assert.Equal(1, _rpc.DroppedResults);
        Assert.True(_log.Contains("matches no pending call; dropped"));
        Assert.Equal(0, _socket.Server.ReceivedCount); // nothing is ever answered to a CALLRESULT
    }

    [Fact]
    public void CallErrorFromCsmsReachesTheCaller()
    {
        _rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted);
        _rpc.Pump(0);
        string id = Frame(_socket.Server.TakeReceived())[1].GetString();
        _socket.Server.Send("[4,\"" + id + "\",\"InternalError\",\"boom\",{}]");
        _rpc.Pump(1);
        Assert.Equal(("InternalError", "boom"), (_results.Failures[0].Code, _results.Failures[0].Description));
        Assert.Null(_rpc.Outstanding);
    }

    [Fact]
    public void ResultThatBreaksTheResponseSchemaIsReportedAsInvalid()
    {
        var schema = SchemaNode.Object().Required("currentTime", SchemaNode.DateTime());
        _rpc.Call("Heartbeat", "{}", schema, _results, null, SendPermission.RequiresAccepted);
        _rpc.Pump(0);
        string id = Frame(_socket.Server.TakeReceived())[1].GetString();
        _socket.Server.Send("[3,\"" + id + "\",{\"currentTime\":\"yesterday\"}]");
        _rpc.Pump(1);
        Assert.Empty(_results.Results);
        Assert.Equal(RpcErrorCode.LocalInvalidResult, _results.Failures[0].Code);
    }

    [Fact]
    public void BeforeAcceptedOnlyBootNotificationLeavesAndWhilePendingAlsoRequestedReports()
    {
        // B02.FR.01/B03: nothing but BootNotification before the CSMS accepts; NotifyReport may answer a GetBaseReport while Pending.
        _rpc.Registration = RegistrationState.NotRegistered;
        _rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted);
        _rpc.Call("NotifyReport", "{}", null, _results, null, SendPermission.AllowedWhilePending);
        _rpc.Call("BootNotification", "{}", null, _results, null, SendPermission.Always);
        _rpc.Pump(0);
        var boot = Frame(_socket.Server.TakeReceived());
        Assert.Equal("BootNotification", boot[2].GetString());
        _rpc.Registration = RegistrationState.Pending;
        _socket.Server.Send("[3,\"" + boot[1].GetString() + "\",{}]");
        _rpc.Pump(1);
        Assert.Equal("NotifyReport", Frame(_socket.Server.TakeReceived())[2].GetString());
        Assert.Null(_socket.Server.TakeReceived());
        _socket.Server.Send("[3,\"" + _rpc.Outstanding.MessageId + "\",{}]");
        _rpc.Pump(2);
        Assert.Null(_socket.Server.TakeReceived());
        _rpc.Registration = RegistrationState.Accepted;
        _rpc.Pump(3);
        Assert.Equal("Heartbeat", Frame(_socket.Server.TakeReceived())[2].GetString());
    }

    [Fact]
    public void OversizeFrameIsRefusedByTheTransportAndCounted()
    {
        _socket.Server.Send("[2,\"m\",\"Reset\",{\"pad\":\"" + new string('x', 3000) + "\"}]");
        _rpc.Pump(0);
        Assert.Equal(1, _rpc.OversizeFrames);
        Assert.True(_log.Contains("refused a frame of"));
        Assert.Equal(0, _socket.Server.ReceivedCount);
    }

    [Fact]
    public void PerPumpBudgetLimitsFramesHandledAndQueueOverflowIsCounted()
    {
        var handler = new EchoHandler();
        _rpc.Register("Reset", ResetSchema(), handler);
        for (int i = 0; i < 10; i++)
        {
            _socket.Server.Send("[2,\"m" + i + "\",\"Reset\",{\"type\":\"Immediate\"}]");
        }

        _rpc.Pump(0);
        Assert.Equal(2, handler.Calls); // FramesPerPump
        Assert.Equal(2, _rpc.DroppedInboundFrames); // queue of 8
        Assert.True(_log.Contains("inbound queue full"));
        for (int i = 0; i < 5; i++)
        {
            _rpc.Pump(i);
        }

        Assert.Equal(8, handler.Calls);
    }

    [Fact]
    public void ConnectionLossFailsTheOutstandingCallButKeepsQueuedOnes()
    {
        _rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted);
        _rpc.Call("StatusNotification", "{}", null, _results, null, SendPermission.RequiresAccepted);
        _rpc.Pump(0);
        _socket.Server.Close(1001, "going away");
        _rpc.OnDisconnected();
        Assert.Equal(RpcErrorCode.LocalConnectionLost, _results.Failures[0].Code);
        Assert.Equal(1, _rpc.QueuedCalls);
    }

    [Fact]
    public void HandlerExceptionBecomesInternalError()
    {
        _rpc.Register("Reset", ResetSchema(), new ThrowingHandler());
        var reply = SendAndTakeReply("[2,\"m1\",\"Reset\",{\"type\":\"Immediate\"}]");
        Assert.Equal("InternalError", reply[2].GetString());
        Assert.True(_log.Contains("handler failed"));
    }

    [Fact]
    public void AFullOutgoingQueueRefusesTheNextCallOfEitherKindWithALogLineAndKeepsTheQueuedOnesInOrder()
    {
        var rpc = new RpcEndpoint(_socket, _log, new SeededRandom(3), new RpcLimits { OutgoingQueueCalls = 2 });
        Assert.True(rpc.Call("Heartbeat", "{}", null, _results, null, SendPermission.RequiresAccepted));
        Assert.True(rpc.CallLazySchema("StatusNotification", "{}", () => SchemaNode.Object(), _results, null, SendPermission.RequiresAccepted));

        Assert.False(rpc.Call("MeterValues", "{}", null, _results, null, SendPermission.RequiresAccepted));
        Assert.False(rpc.CallLazySchema("NotifyReport", "{}", () => SchemaNode.Object(), _results, null, SendPermission.RequiresAccepted));

        Assert.Equal(2, rpc.QueuedCalls);
        Assert.True(_log.Contains("outgoing queue full (2), MeterValues not queued"));
        Assert.True(_log.Contains("outgoing queue full (2), NotifyReport not queued"));
        Assert.Equal(1, rpc.RemoveQueued("Heartbeat"));
        Assert.Equal(1, rpc.RemoveQueued("StatusNotification"));
    }

    private sealed class ThrowingHandler : IIncomingCallHandler
    {
        public void Handle(IncomingCall call) => throw new InvalidOperationException("broken");
    }
}
