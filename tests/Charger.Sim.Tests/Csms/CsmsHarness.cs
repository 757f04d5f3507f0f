using System;
using System.Text.Json.Nodes;
using Charger.Hal.Sim;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// A built-in CSMS on the simulated HAL's virtual clock, with a pretend station that sends
    /// hand-written OCPP-J frames and reads what comes back from the outbox.
    /// </summary>
    internal sealed class CsmsHarness
    {
        public const string StationId = "CP-1";

        public static readonly DateTime Epoch = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        private readonly ITestOutputHelper _output;
        private int _nextId = 1;

        public CsmsHarness(ITestOutputHelper output, CsmsOptions options = null)
        {
            _output = output;
            Clock = new VirtualClock();
            Csms = new BuiltInCsms(options ?? new CsmsOptions(), () => Clock.NowMs, Epoch);
        }

        public VirtualClock Clock { get; }

        public BuiltInCsms Csms { get; }

        public const string BootPayload =
            "{\"chargingStation\":{\"model\":\"SimCharger\",\"vendorName\":\"ChargerFirmware\",\"firmwareVersion\":\"0.1.0\"},\"reason\":\"PowerUp\"}";

        public void Connect(string stationId = StationId)
        {
            ConnectionVerdict verdict = Csms.OnConnected(stationId, "ocpp2.0.1", null, null);
            Assert.True(verdict.Accepted, verdict.ToString());
        }

        /// <summary>Connects and boots (Accepted with default options).</summary>
        public void ConnectAndBoot(string stationId = StationId)
        {
            Connect(stationId);
            JsonObject response = Request("BootNotification", BootPayload, stationId);
            Assert.Equal(Csms.Options.BootStatus, (string)response["status"]);
        }

        /// <summary>Sends one CALL, checks the request fixture and the answer against the official schemas, returns the answer's payload.</summary>
        public JsonObject Request(string action, string payloadJson, string stationId = StationId)
        {
            SchemaCheck.AssertValid(action + "Request", payloadJson, _output);
            string messageId = "st-" + _nextId++;
            JsonArray answer = SendRaw("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]", stationId);
            Assert.True(answer.Count == 3 && (int)answer[0] == 3,
                action + " was not answered with a CALLRESULT: " + answer.ToJsonString());
            Assert.Equal(messageId, (string)answer[1]);
            JsonObject payload = answer[2].AsObject();
            SchemaCheck.AssertValid(action + "Response", payload.ToJsonString(), _output);
            return payload;
        }

        /// <summary>Sends a frame that must be answered with exactly one frame, and returns it.</summary>
        public JsonArray SendRaw(string frame, string stationId = StationId)
        {
            Csms.OnFrame(stationId, frame);
            string[] outbound = Csms.TakeOutbound(stationId);
            Assert.True(outbound.Length == 1, "expected one answer to " + frame + ", got " + outbound.Length);
            return JsonNode.Parse(outbound[0]).AsArray();
        }

        /// <summary>Frames the CSMS sent to the station since the last look.</summary>
        public JsonArray[] Outbound(string stationId = StationId)
        {
            return Array.ConvertAll(Csms.TakeOutbound(stationId), f => JsonNode.Parse(f).AsArray());
        }

        public static string TransactionEvent(string eventType, int seqNo, string transactionId, string triggerReason,
            double energyWh = -1, bool offline = false, string idToken = null, string stoppedReason = null,
            string chargingState = null, int remoteStartId = -1)
        {
            var info = new JsonObject { ["transactionId"] = transactionId };
            if (chargingState != null)
            {
                info["chargingState"] = chargingState;
            }

            if (stoppedReason != null)
            {
                info["stoppedReason"] = stoppedReason;
            }

            if (remoteStartId >= 0)
            {
                info["remoteStartId"] = remoteStartId;
            }

            var payload = new JsonObject
            {
                ["eventType"] = eventType,
                ["timestamp"] = "2026-03-01T12:00:" + (seqNo % 60).ToString("00") + ".000Z",
                ["triggerReason"] = triggerReason,
                ["seqNo"] = seqNo,
                ["transactionInfo"] = info,
                ["evse"] = new JsonObject { ["id"] = 1, ["connectorId"] = 1 },
            };
            if (offline)
            {
                payload["offline"] = true;
            }

            if (idToken != null)
            {
                payload["idToken"] = new JsonObject { ["idToken"] = idToken, ["type"] = "ISO14443" };
            }

            if (energyWh >= 0)
            {
                payload["meterValue"] = new JsonArray(new JsonObject
                {
                    ["timestamp"] = "2026-03-01T12:00:" + (seqNo % 60).ToString("00") + ".000Z",
                    ["sampledValue"] = new JsonArray(
                        new JsonObject
                        {
                            ["value"] = energyWh,
                            ["measurand"] = "Energy.Active.Import.Register",
                            ["context"] = eventType == "Started" ? "Transaction.Begin"
                                : eventType == "Ended" ? "Transaction.End" : "Sample.Periodic",
                            ["unitOfMeasure"] = new JsonObject { ["unit"] = "Wh", ["multiplier"] = 0 },
                        },
                        new JsonObject { ["value"] = 16.0, ["measurand"] = "Current.Import", ["phase"] = "L1" }),
                });
            }

            return payload.ToJsonString();
        }
    }
}
