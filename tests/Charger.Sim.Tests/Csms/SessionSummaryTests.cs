using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    public sealed class SessionSummaryTests
    {
        private readonly ITestOutputHelper _output;

        public SessionSummaryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void SummaryListsTransactionsEnergyMessagesAndCalls()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            harness.Request("Heartbeat", "{}");
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-9", "Authorized", 10_000, idToken: "RFID-0004"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 2, "TX-9", "EVDeparted", 17_400, stoppedReason: "EVDisconnected"));
            CsmsCall reset = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.Reset("OnIdle"));
            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + reset.MessageId + "\",{\"status\":\"Accepted\"}]");

            string summary = harness.Csms.Summary();
            _output.WriteLine(summary);

            Assert.Contains("station CP-1: registration Accepted, boots 1", summary);
            Assert.Contains("transactions: 1 (ended 1, seqNo gaps 1, duplicates 0)", summary);
            Assert.Contains("CP-1 TX-9: Started 1, Updated 0, Ended 1; energy 7400 Wh; idToken RFID-0004; stopped EVDisconnected; MISSING seqNo 1", summary);
            Assert.Contains("messages in (station -> CSMS): 4 CALLs: BootNotification 1, Heartbeat 1, TransactionEvent 2", summary);
            Assert.Contains("messages out (CSMS -> station): 1 CALLs: Reset 1", summary);
            Assert.Contains("CP-1 Reset: Completed Accepted", summary);
        }

        [Fact]
        public void FrameLogIsBoundedAndCountsWhatItDropped()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { MaxFrameLogEntries = 3 });
            harness.ConnectAndBoot();
            harness.Request("Heartbeat", "{}");

            Assert.Equal(3, harness.Csms.FrameLog.Count);
            Assert.Equal(1, harness.Csms.DroppedLogEntries);
            Assert.Contains("frame log full: 1 frames not kept", harness.Csms.Summary());
        }

        [Fact]
        public void FrameObserverSeesEveryFrameInOrder()
        {
            var harness = new CsmsHarness(_output);
            var seen = new System.Collections.Generic.List<FrameLogEntry>();
            harness.Csms.FrameObserver = seen.Add;
            harness.ConnectAndBoot();

            Assert.Equal(2, seen.Count);
            Assert.Equal(FrameDirection.In, seen[0].Direction);
            Assert.Equal(FrameDirection.Out, seen[1].Direction);
        }

        [Fact]
        public void OfficialSchemaCheckRejectsAResponseThatBreaksIt()
        {
            if (!SchemaCheck.Available)
            {
                _output.WriteLine("SKIPPED: official schemas not installed under tests/interop/ocpp (npm install there)");
                return;
            }

            // Proves the schema check used throughout these tests can fail (an invalid status).
            var ex = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SchemaCheck.AssertValid("BootNotificationResponse",
                "{\"currentTime\":\"2026-03-01T12:00:00.000Z\",\"interval\":300,\"status\":\"Maybe\"}", _output));
            Assert.Contains("status", ex.Message);
        }
    }
}
