using System;
using System.Text.Json.Nodes;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// Every request a station sends is answered with a response shaped as OCPP 2.0.1 Part 3
    /// requires (structural asserts here; the official schemas too when installed).
    /// </summary>
    public sealed class StationMessageAnswerTests
    {
        private readonly ITestOutputHelper _output;

        public StationMessageAnswerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void BootNotificationAcceptedCarriesVirtualTimeAndHeartbeatInterval_B01()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { HeartbeatIntervalS = 120 });
            harness.Clock.Advance(90500);
            harness.Connect();

            JsonObject response = harness.Request("BootNotification", CsmsHarness.BootPayload);

            Assert.Equal("Accepted", (string)response["status"]);
            Assert.Equal(120, (int)response["interval"]);
            Assert.Equal("2026-03-01T12:01:30.500Z", (string)response["currentTime"]);
            StationRecord station = harness.Csms.Station(CsmsHarness.StationId);
            Assert.Equal(1, station.BootCount);
            Assert.Equal("SimCharger", station.Model);
            Assert.Equal("PowerUp", station.LastBootReason);
        }

        [Theory]
        [InlineData("Pending")]
        [InlineData("Rejected")]
        public void BootNotificationAnswersConfiguredStatusWithRetryInterval_B02_B03(string status)
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BootStatus = status, BootRetryIntervalS = 7 });
            harness.Connect();

            JsonObject response = harness.Request("BootNotification", CsmsHarness.BootPayload);

            Assert.Equal(status, (string)response["status"]);
            Assert.Equal(7, (int)response["interval"]);
            Assert.Equal(status, harness.Csms.Station(CsmsHarness.StationId).RegistrationStatus);
        }

        [Fact]
        public void HeartbeatAnswersCurrentTimeFromTheCsmsClock_G02()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            harness.Clock.Advance(3_600_000);

            JsonObject response = harness.Request("Heartbeat", "{}");

            Assert.Equal("2026-03-01T13:00:00.000Z", (string)response["currentTime"]);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).HeartbeatCount);
        }

        [Fact]
        public void StatusNotificationIsAnsweredEmptyAndRecordedPerConnector_G01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("StatusNotification",
                "{\"timestamp\":\"2026-03-01T12:00:01.000Z\",\"connectorStatus\":\"Occupied\",\"evseId\":1,\"connectorId\":1}");

            Assert.Empty(response);
            Assert.Equal("Occupied", harness.Csms.Station(CsmsHarness.StationId).ConnectorStatus(1, 1));
            Assert.Null(harness.Csms.Station(CsmsHarness.StationId).ConnectorStatus(2, 1));
        }

        [Fact]
        public void MeterValuesIsAnsweredAndItsEnergyConvertedFromKwh_J01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("MeterValues",
                "{\"evseId\":1,\"meterValue\":[{\"timestamp\":\"2026-03-01T12:00:01.000Z\",\"sampledValue\":[" +
                "{\"value\":1.5,\"measurand\":\"Energy.Active.Import.Register\",\"unitOfMeasure\":{\"unit\":\"kWh\"}}," +
                "{\"value\":2,\"unitOfMeasure\":{\"unit\":\"Wh\",\"multiplier\":3}}]}]}");

            Assert.Empty(response);
            var readings = harness.Csms.Station(CsmsHarness.StationId).MeterValuesEnergy;
            Assert.Equal(2, readings.Count);
            Assert.Equal(1500, readings[0].EnergyWh, 6);
            Assert.Equal(2000, readings[1].EnergyWh, 6);
        }

        [Fact]
        public void NotifyReportIsAnsweredAndCounted_B07()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("NotifyReport",
                "{\"requestId\":1,\"generatedAt\":\"2026-03-01T12:00:01.000Z\",\"seqNo\":0,\"tbc\":false,\"reportData\":[" +
                "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}," +
                "\"variableAttribute\":[{\"value\":\"300\"}]}]}");

            Assert.Empty(response);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).NotifyReportCount);
        }

        [Fact]
        public void NotifyEventIsAnsweredAndCounted_N07()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("NotifyEvent",
                "{\"generatedAt\":\"2026-03-01T12:00:01.000Z\",\"seqNo\":0,\"eventData\":[{\"eventId\":1," +
                "\"timestamp\":\"2026-03-01T12:00:01.000Z\",\"trigger\":\"Alerting\",\"actualValue\":\"Faulted\"," +
                "\"eventNotificationType\":\"HardWiredNotification\",\"component\":{\"name\":\"Connector\"}," +
                "\"variable\":{\"name\":\"AvailabilityState\"}}]}");

            Assert.Empty(response);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).NotifyEventCount);
        }

        [Fact]
        public void SecurityEventNotificationIsAnsweredAndCounted_A04()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("SecurityEventNotification",
                "{\"type\":\"StartupOfTheDevice\",\"timestamp\":\"2026-03-01T12:00:01.000Z\"}");

            Assert.Empty(response);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).SecurityEventCount);
        }

        [Fact]
        public void FirmwareStatusNotificationIsAnsweredAndRemembered_L01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("FirmwareStatusNotification", "{\"status\":\"Installed\"}");

            Assert.Empty(response);
            Assert.Equal("Installed", harness.Csms.Station(CsmsHarness.StationId).LastFirmwareStatus);
        }

        [Fact]
        public void LogStatusNotificationIsAnsweredAndRemembered_N01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("LogStatusNotification", "{\"status\":\"Uploaded\"}");

            Assert.Empty(response);
            Assert.Equal("Uploaded", harness.Csms.Station(CsmsHarness.StationId).LastLogStatus);
        }

        [Fact]
        public void DataTransferIsAnsweredUnknownVendorId_P01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject response = harness.Request("DataTransfer", "{\"vendorId\":\"com.example.sim\",\"messageId\":\"x\"}");

            Assert.Equal("UnknownVendorId", (string)response["status"]);
        }

        [Fact]
        public void TransactionEventWithIdTokenIsAnsweredWithIdTokenInfo_E01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject withToken = harness.Request("TransactionEvent",
                CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized", 0, idToken: "RFID-0002"));
            JsonObject withoutToken = harness.Request("TransactionEvent",
                CsmsHarness.TransactionEvent("Updated", 1, "TX-1", "MeterValuePeriodic", 100));

            Assert.Equal("Accepted", (string)withToken["idTokenInfo"]["status"]);
            Assert.Equal(TokenRegistry.DefaultGroupIdToken, (string)withToken["idTokenInfo"]["groupIdToken"]["idToken"]);
            Assert.False(withoutToken.ContainsKey("idTokenInfo"));
        }

        [Fact]
        public void FrameLogHoldsEveryFrameInAndOutWithVirtualTimestamps()
        {
            var harness = new CsmsHarness(_output);
            harness.Connect();
            harness.Clock.Advance(1234);
            harness.Request("BootNotification", CsmsHarness.BootPayload);

            var log = harness.Csms.FrameLog;

            Assert.Equal(2, log.Count);
            Assert.Equal(FrameDirection.In, log[0].Direction);
            Assert.Equal(2, log[0].MessageTypeId);
            Assert.Equal(FrameDirection.Out, log[1].Direction);
            Assert.Equal(3, log[1].MessageTypeId);
            Assert.All(log, e => Assert.Equal("BootNotification", e.Action));
            Assert.All(log, e => Assert.Equal(1234, e.TimeMs));
            Assert.Equal("2026-03-01T12:00:01.234Z", log[1].UtcTimestamp);
            Assert.Equal(1, harness.Csms.CountReceivedCalls("BootNotification"));
        }

        [Fact]
        public void EpochMustBeUtcSoReplaysDoNotDependOnTheHostTimeZone()
        {
            Assert.Throws<ArgumentException>(() =>
                new BuiltInCsms(new CsmsOptions(), () => 0, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
        }
    }
}
