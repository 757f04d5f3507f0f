using System.Collections.Generic;
using System.Text.Json.Nodes;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// Scripted CSMS-initiated CALLs: shaped by the official schemas, one outstanding per station
    /// (OCPP-J 2.0.1 Part 4, 4.1.1), matched to their CALLRESULT/CALLERROR by message id, timed
    /// out on the CSMS clock.
    /// </summary>
    public sealed class CsmsCallTests
    {
        private readonly ITestOutputHelper _output;

        public CsmsCallTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> EveryScriptableRequest()
        {
            yield return new object[] { CsmsRequests.RequestStartTransaction("RFID-0001", "ISO14443", 1, 7) };
            yield return new object[] { CsmsRequests.RequestStartTransaction("APP-USER-9", "Central", CsmsRequests.NoEvse, 8, "GROUP-0001") };
            yield return new object[] { CsmsRequests.RequestStopTransaction("TX-1") };
            yield return new object[] { CsmsRequests.Reset("Immediate") };
            yield return new object[] { CsmsRequests.Reset("OnIdle", 1) };
            yield return new object[] { CsmsRequests.SetVariable("OCPPCommCtrlr", "HeartbeatInterval", "60") };
            yield return new object[]
            {
                CsmsRequests.SetVariables(new[]
                {
                    new CsmsVariable("EVSE", "AvailabilityState", "Available") { EvseId = 1, AttributeType = "Actual" },
                    new CsmsVariable("SampledDataCtrlr", "TxUpdatedInterval", "30"),
                }),
            };
            yield return new object[] { CsmsRequests.GetVariable("OCPPCommCtrlr", "HeartbeatInterval") };
            yield return new object[] { CsmsRequests.GetBaseReport(3, "FullInventory") };
            yield return new object[]
            {
                CsmsRequests.SendLocalList(2, "Full", new[]
                {
                    new LocalListEntry("RFID-0001", "ISO14443", "Accepted", "GROUP-0001"),
                    new LocalListEntry("RFID-0009", "ISO14443", "Blocked", null),
                }),
            };
            yield return new object[] { CsmsRequests.SendLocalList(3, "Differential", new[] { new LocalListEntry("RFID-0009", "ISO14443", null, null) }) };
            yield return new object[] { CsmsRequests.SendLocalList(4, "Full", null) };
            yield return new object[] { CsmsRequests.GetLocalListVersion() };
            yield return new object[] { CsmsRequests.ClearCache() };
            yield return new object[] { CsmsRequests.ChangeAvailability("Inoperative") };
            yield return new object[] { CsmsRequests.ChangeAvailability("Operative", 1, 1) };
            yield return new object[] { CsmsRequests.TriggerMessage("StatusNotification", 1, 1) };
            yield return new object[] { CsmsRequests.UnlockConnector(1, 1) };
            yield return new object[] { CsmsRequests.GetTransactionStatus("TX-1") };
            yield return new object[] { CsmsRequests.GetTransactionStatus(null) };
        }

        [Theory]
        [MemberData(nameof(EveryScriptableRequest))]
        public void ScriptedRequestGoesOutAsACallThatFitsItsSchema(CsmsRequest request)
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, request);

            JsonArray frame = Assert.Single(harness.Outbound());
            Assert.Equal(2, (int)frame[0]);
            Assert.Equal(call.MessageId, (string)frame[1]);
            Assert.Equal(request.Action, (string)frame[2]);
            Assert.Equal(CsmsCallState.Sent, call.State);
            SchemaCheck.AssertValid(request.Action + "Request", frame[3].ToJsonString(), _output);
        }

        [Fact]
        public void CallResultIsMatchedToItsCallAndReportedOnce()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            var finished = new List<CsmsCall>();
            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.Reset("OnIdle"), finished.Add);
            JsonArray frame = Assert.Single(harness.Outbound());
            harness.Clock.Advance(250);

            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + (string)frame[1] + "\",{\"status\":\"Scheduled\"}]");
            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + (string)frame[1] + "\",{\"status\":\"Scheduled\"}]");

            Assert.Equal(CsmsCallState.Completed, call.State);
            Assert.Equal("Scheduled", call.ResultStatus);
            Assert.Equal(250, call.FinishedAtMs);
            Assert.Single(finished);
            Assert.Single(harness.Csms.Station(CsmsHarness.StationId).ProtocolAnomalies);
            Assert.Empty(harness.Outbound());
        }

        [Fact]
        public void CallErrorIsRecordedWithCodeAndDescription()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            JsonArray frame = Assert.Single(harness.Outbound());

            harness.Csms.OnFrame(CsmsHarness.StationId,
                "[4,\"" + (string)frame[1] + "\",\"NotSupported\",\"no auth cache on this model\",{}]");

            Assert.Equal(CsmsCallState.Failed, call.State);
            Assert.Equal("NotSupported", call.ErrorCode);
            Assert.Equal("no auth cache on this model", call.ErrorDescription);
            Assert.Null(call.Result);
        }

        [Fact]
        public void OnlyOneCallIsOutstandingPerStationTheRestWaitInOrder()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            CsmsCall first = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.GetVariable("OCPPCommCtrlr", "HeartbeatInterval"));
            CsmsCall second = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall third = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.Reset("Immediate"));
            JsonArray[] afterSending = harness.Outbound();

            Assert.Single(afterSending);
            Assert.Equal("GetVariables", (string)afterSending[0][2]);
            Assert.Same(first, harness.Csms.OutstandingCall(CsmsHarness.StationId));
            Assert.Equal(CsmsCallState.Queued, second.State);
            Assert.Equal(2, harness.Csms.QueuedCallCount(CsmsHarness.StationId));

            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + first.MessageId + "\",{\"getVariableResult\":[]}]");
            JsonArray[] afterFirstAnswer = harness.Outbound();

            Assert.Single(afterFirstAnswer);
            Assert.Equal("ClearCache", (string)afterFirstAnswer[0][2]);
            Assert.Equal(CsmsCallState.Sent, second.State);
            Assert.Equal(CsmsCallState.Queued, third.State);
        }

        [Fact]
        public void StationRequestsAreAnsweredWhileACsmsCallIsOutstanding()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            harness.Outbound();

            JsonObject heartbeat = harness.Request("Heartbeat", "{}");

            Assert.NotNull(heartbeat["currentTime"]);
        }

        [Fact]
        public void UnansweredCallTimesOutOnTheCsmsClockAndTheNextOneGoes()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { CallTimeoutMs = 5000 });
            harness.ConnectAndBoot();
            CsmsCall first = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall second = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.GetLocalListVersion());
            harness.Outbound();

            harness.Clock.Advance(4999);
            harness.Csms.Tick();
            CsmsCallState beforeDeadline = first.State;
            harness.Clock.Advance(1);
            harness.Csms.Tick();

            Assert.Equal(CsmsCallState.Sent, beforeDeadline);
            Assert.Equal(CsmsCallState.TimedOut, first.State);
            Assert.Equal(5000, first.FinishedAtMs);
            Assert.Equal(CsmsCallState.Sent, second.State);
            Assert.Equal("GetLocalListVersion", (string)Assert.Single(harness.Outbound())[2]);
        }

        [Fact]
        public void LateResultAfterTimeoutIsDroppedAndLoggedAsAnomaly()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { CallTimeoutMs = 1000 });
            harness.ConnectAndBoot();
            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            harness.Outbound();
            harness.Clock.Advance(1000);
            harness.Csms.Tick();

            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + call.MessageId + "\",{\"status\":\"Accepted\"}]");

            Assert.Equal(CsmsCallState.TimedOut, call.State);
            Assert.Null(call.Result);
            Assert.Contains(call.MessageId, Assert.Single(harness.Csms.Station(CsmsHarness.StationId).ProtocolAnomalies));
        }

        [Fact]
        public void CallsWaitUntilTheStationIsConnectedAndRegistered_B03()
        {
            var harness = new CsmsHarness(_output);
            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.Reset("Immediate"));
            harness.Connect();
            JsonArray[] beforeBoot = harness.Outbound();

            harness.Csms.OnFrame(CsmsHarness.StationId, "[2,\"b-1\",\"BootNotification\"," + CsmsHarness.BootPayload + "]");
            JsonArray[] afterBoot = harness.Outbound();

            Assert.Empty(beforeBoot);
            Assert.Equal(2, afterBoot.Length);
            Assert.Equal(3, (int)afterBoot[0][0]);
            Assert.Equal("Reset", (string)afterBoot[1][2]);
            Assert.Equal(CsmsCallState.Sent, call.State);
        }

        [Fact]
        public void RejectedStationIsNotSentCalls_B03()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BootStatus = "Rejected" });
            harness.ConnectAndBoot();

            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.GetBaseReport(1, "FullInventory"));

            Assert.Empty(harness.Outbound());
            Assert.Equal(CsmsCallState.Queued, call.State);
        }

        [Fact]
        public void DisconnectWhileWaitingEndsTheCallAsConnectionLostAndQueuedOnesGoAfterReconnect()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            CsmsCall first = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall second = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.GetLocalListVersion());
            harness.Outbound();

            harness.Csms.OnDisconnected(CsmsHarness.StationId);
            harness.Connect();

            Assert.Equal(CsmsCallState.ConnectionLost, first.State);
            Assert.Equal(CsmsCallState.Sent, second.State);
            Assert.Equal("GetLocalListVersion", (string)Assert.Single(harness.Outbound())[2]);
        }

        [Fact]
        public void CallbackMaySendTheNextCallFromInsideTheCsms()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            CsmsCall followUp = null;
            harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.RequestStopTransaction("TX-1"),
                done => followUp = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.GetTransactionStatus("TX-1")));
            JsonArray stop = Assert.Single(harness.Outbound());

            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + (string)stop[1] + "\",{\"status\":\"Accepted\"}]");

            Assert.NotNull(followUp);
            Assert.Equal(CsmsCallState.Sent, followUp.State);
            Assert.Equal("GetTransactionStatus", (string)Assert.Single(harness.Outbound())[2]);
        }

        [Fact]
        public void SynchronousLoopbackThatAnswersFromInsideTheSinkKeepsOrder()
        {
            var harness = new CsmsHarness(_output);
            var delivered = new List<string>();
            harness.Csms.FrameSink = (stationId, frame) =>
            {
                delivered.Add(frame);
                JsonArray message = JsonNode.Parse(frame).AsArray();
                if ((int)message[0] == 2)
                {
                    // A station that answers at once, on the same thread, while the CSMS is still delivering.
                    harness.Csms.OnFrame(stationId, "[3,\"" + (string)message[1] + "\",{\"status\":\"Accepted\"}]");
                }
            };
            harness.Connect();
            harness.Csms.OnFrame(CsmsHarness.StationId, "[2,\"b-1\",\"BootNotification\"," + CsmsHarness.BootPayload + "]");

            CsmsCall first = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall second = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ChangeAvailability("Operative"));

            Assert.Equal(CsmsCallState.Completed, first.State);
            Assert.Equal(CsmsCallState.Completed, second.State);
            Assert.Equal(3, delivered.Count);
            Assert.Contains("ClearCache", delivered[1]);
            Assert.Contains("ChangeAvailability", delivered[2]);
        }

        [Fact]
        public void RemoteStartTokenIsThenAcceptedWhenTheStationAuthorizesIt_F01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.RequestStartTransaction("APP-USER-1", "Central", 1, 11));
            harness.Outbound();
            JsonObject answer = harness.Request("Authorize", "{\"idToken\":{\"idToken\":\"APP-USER-1\",\"type\":\"Central\"}}");

            Assert.Equal("Accepted", (string)answer["idTokenInfo"]["status"]);
        }

        [Fact]
        public void RemoteStartDoesNotUnblockABlockedToken()
        {
            var harness = new CsmsHarness(_output);
            harness.Csms.Tokens.Block("RFID-0002");
            harness.ConnectAndBoot();

            harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.RequestStartTransaction("RFID-0002", "ISO14443", 1, 12));

            Assert.Equal("Blocked", harness.Csms.Tokens.StatusOf("RFID-0002", "ISO14443"));
        }

        [Fact]
        public void RequestBuildersRefuseValuesOcppDoesNotAllow()
        {
            Assert.Throws<System.ArgumentException>(() => CsmsRequests.Reset("Hard"));
            Assert.Throws<System.ArgumentException>(() => CsmsRequests.ChangeAvailability("Broken"));
            Assert.Throws<System.ArgumentException>(() => CsmsRequests.GetBaseReport(1, "Everything"));
            Assert.Throws<System.ArgumentException>(() => CsmsRequests.RequestStopTransaction(new string('x', 37)));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => CsmsRequests.UnlockConnector(0, 1));
            Assert.Throws<System.ArgumentException>(() => CsmsRequests.SetVariables(new CsmsVariable[0]));
        }

        [Fact]
        public void MessageIdsAreUniqueAndDeterministic()
        {
            var first = new CsmsHarness(_output);
            var second = new CsmsHarness(_output);
            first.ConnectAndBoot();
            second.ConnectAndBoot();

            CsmsCall a1 = first.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall a2 = first.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            CsmsCall b1 = second.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());

            Assert.NotEqual(a1.MessageId, a2.MessageId);
            Assert.Equal(a1.MessageId, b1.MessageId);
        }
    }
}
