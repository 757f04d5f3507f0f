using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Conformance;

/// <summary>Issue 17 item 11: every CALL of a burst is answered (OCPP-J part 4, 4.2: a CALL gets a CALLRESULT or a CALLERROR).</summary>
public class RpcConformanceTests
{
    private sealed class AcceptHandler : IIncomingCallHandler
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

    [Fact]
    public void BurstOfTenCallsIntoAnInboundQueueOfEightGetsEveryCallAnswered_OcppJ_4_2()
    {
        var socket = new LoopbackWebSocket();
        var log = new ListLog();
        var rpc = new RpcEndpoint(socket, log, new SeededRandom(7), new RpcLimits { InboundQueueFrames = 8 });
        socket.Server.AutoAccept = true;
        socket.Open("ws://csms/CS1", "ocpp2.0.1", null, null);
        rpc.Registration = RegistrationState.Accepted;
        var handler = new AcceptHandler();
        rpc.Register("ClearCache", SchemaNode.Object(), handler);

        for (int i = 0; i < 10; i++)
        {
            socket.Server.Send("[2,\"burst-" + i + "\",\"ClearCache\",{}]");
        }

        for (int t = 0; t < 20; t++)
        {
            rpc.Pump(t * 50);
        }

        var replies = new Dictionary<string, int>();
        string text;
        while ((text = socket.Server.TakeReceived()) != null)
        {
            var frame = JsonDocument.Parse(text).RootElement;
            replies[frame[1].GetString()] = frame[0].GetInt32();
        }

        Assert.Equal(10, replies.Count);
        Assert.Equal(8, replies.Values.Count(v => v == 3));
        Assert.Equal(2, replies.Values.Count(v => v == 4));
        Assert.Equal(8, handler.Calls);
        Assert.True(log.Contains("inbound queue of 8 frames full"));
    }

    [Theory]
    [InlineData("[2,\"a-1\",\"Reset\",{}]", "a-1")]
    [InlineData(" [ 2 , \"b\" ,\"X\",{}]", "b")]
    [InlineData("[3,\"a-1\",{}]", null)]
    [InlineData("[2,\"esc\\\"aped\",\"X\",{}]", null)]
    [InlineData("not json", null)]
    public void CallIdIsReadWithoutParsingTheFrame(string frame, string id)
    {
        Assert.Equal(id, RpcEndpoint.TryReadCallId(frame));
    }
}
