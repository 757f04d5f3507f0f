using System.Text.Json.Nodes;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// Frames the CSMS cannot use are answered with the CALLERROR OCPP-J 2.0.1 assigns
    /// (Part 4, 4.2.3 CALLERROR and 4.3 error codes), and leave the records untouched.
    /// </summary>
    public sealed class RpcErrorTests
    {
        private readonly ITestOutputHelper _output;

        public RpcErrorTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void UnknownActionIsAnsweredNotImplementedWithItsMessageId()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-9\",\"FlyToTheMoon\",{}]");

            AssertCallError(answer, "m-9", OcppErrorCodes.NotImplemented);
        }

        [Theory]
        [InlineData("this is not json")]
        [InlineData("{\"messageTypeId\":2}")]
        [InlineData("[2]")]
        [InlineData("[2,17,\"Heartbeat\",{}]")]
        [InlineData("[\"2\",\"m-1\",\"Heartbeat\",{}]")]
        [InlineData("[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]")]
        public void FrameWhoseMessageIdOrTypeCannotBeReadIsRpcFrameworkError(string frame)
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw(frame);

            Assert.Equal(OcppErrorCodes.RpcFrameworkError, (string)answer[2]);
            Assert.Equal(4, (int)answer[0]);
            Assert.Equal(5, answer.Count);
        }

        [Fact]
        public void UnreadableFrameIsAnsweredWithTheUnreadableMessageIdMarker()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-1\",\"Heartbeat\",{}");

            AssertCallError(answer, BuiltInCsms.UnreadableMessageId, OcppErrorCodes.RpcFrameworkError);
        }

        [Fact]
        public void CallWithoutActionNameIsRpcFrameworkErrorWithItsMessageId()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-3\",{}]");

            AssertCallError(answer, "m-3", OcppErrorCodes.RpcFrameworkError);
        }

        [Fact]
        public void PayloadThatIsNotAnObjectIsFormatViolation()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-4\",\"Heartbeat\",[1,2]]");

            AssertCallError(answer, "m-4", OcppErrorCodes.FormatViolation);
        }

        [Fact]
        public void MissingRequiredFieldIsOccurrenceConstraintViolation()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-5\",\"StatusNotification\",{\"timestamp\":\"2026-03-01T12:00:00Z\",\"evseId\":1,\"connectorId\":1}]");

            AssertCallError(answer, "m-5", OcppErrorCodes.OccurrenceConstraintViolation);
            Assert.Contains("connectorStatus", (string)answer[3]);
        }

        [Fact]
        public void FieldOfWrongTypeIsTypeConstraintViolation()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-6\",\"TransactionEvent\"," +
                CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized").Replace("\"seqNo\":0", "\"seqNo\":\"zero\"") + "]");

            AssertCallError(answer, "m-6", OcppErrorCodes.TypeConstraintViolation);
            Assert.Empty(harness.Csms.Transactions);
        }

        [Fact]
        public void ValueOutsideItsEnumerationIsPropertyConstraintViolation()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-7\",\"Authorize\",{\"idToken\":{\"idToken\":\"RFID-0001\",\"type\":\"Magnetic\"}}]");

            AssertCallError(answer, "m-7", OcppErrorCodes.PropertyConstraintViolation);
        }

        [Fact]
        public void UnknownMessageTypeNumberIsMessageTypeNotSupported()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[7,\"m-8\",\"Heartbeat\",{}]");

            AssertCallError(answer, "m-8", OcppErrorCodes.MessageTypeNotSupported);
        }

        [Fact]
        public void RequestBeforeBootNotificationIsSecurityError_B02_FR_09()
        {
            var harness = new CsmsHarness(_output);
            harness.Connect();

            JsonArray answer = harness.SendRaw("[2,\"m-1\",\"Heartbeat\",{}]");

            AssertCallError(answer, "m-1", OcppErrorCodes.SecurityError);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).RequestsBeforeAccepted);
        }

        [Fact]
        public void RejectedStationGetsSecurityErrorForTransactionEvents_B03_FR_07()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BootStatus = "Rejected" });
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-2\",\"TransactionEvent\"," +
                CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized") + "]");

            AssertCallError(answer, "m-2", OcppErrorCodes.SecurityError);
            Assert.Empty(harness.Csms.Transactions);
        }

        [Fact]
        public void PendingStationMaySendWhatTheCsmsTriggered_B02_FR_09()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BootStatus = "Pending" });
            harness.ConnectAndBoot();
            CsmsCall trigger = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.TriggerMessage("Heartbeat"));
            JsonArray call = Assert.Single(harness.Outbound());
            harness.Csms.OnFrame(CsmsHarness.StationId, "[3,\"" + (string)call[1] + "\",{\"status\":\"Accepted\"}]");

            JsonObject heartbeat = harness.Request("Heartbeat", "{}");
            JsonArray unsolicited = harness.SendRaw("[2,\"m-3\",\"StatusNotification\"," +
                "{\"timestamp\":\"2026-03-01T12:00:01.000Z\",\"connectorStatus\":\"Available\",\"evseId\":1,\"connectorId\":1}]");

            Assert.Equal(CsmsCallState.Completed, trigger.State);
            Assert.NotNull(heartbeat["currentTime"]);
            AssertCallError(unsolicited, "m-3", OcppErrorCodes.SecurityError);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).RequestsBeforeAccepted);
        }

        [Fact]
        public void LenientModeAnswersRequestsBeforeAcceptedButStillCountsThem()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { RejectRequestsBeforeAccepted = false });
            harness.Connect();

            JsonObject answer = harness.Request("Heartbeat", "{}");

            Assert.NotNull(answer["currentTime"]);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).RequestsBeforeAccepted);
        }

        [Fact]
        public void LongErrorDescriptionIsCutToTheOcppJLimit()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonArray answer = harness.SendRaw("[2,\"m-1\",\"" + new string('A', 400) + "\",{}]");

            Assert.Equal(OcppErrorCodes.NotImplemented, (string)answer[2]);
            Assert.True(((string)answer[3]).Length <= BuiltInCsms.ErrorDescriptionMaxLength);
        }

        [Fact]
        public void FrameFromAStationThatIsNotConnectedIsAWiringErrorNotAnAnswer()
        {
            var harness = new CsmsHarness(_output);

            var ex = Assert.Throws<System.InvalidOperationException>(() => harness.Csms.OnFrame("CP-X", "[2,\"1\",\"Heartbeat\",{}]"));

            Assert.Contains("CP-X", ex.Message);
        }

        private static void AssertCallError(JsonArray answer, string messageId, string errorCode)
        {
            Assert.Equal(5, answer.Count);
            Assert.Equal(4, (int)answer[0]);
            Assert.Equal(messageId, (string)answer[1]);
            Assert.Equal(errorCode, (string)answer[2]);
            Assert.False(string.IsNullOrEmpty((string)answer[3]), "a CALLERROR needs a readable description");
            Assert.IsType<JsonObject>(answer[4]);
        }
    }
}
