using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// Answers the requests a charging station sends (OCPP 2.0.1 Part 2), records what they say
    /// and builds schema-valid responses (Part 3). Malformed payloads become
    /// <see cref="OcppCallErrorException"/> with the matching OCPP-J error code.
    /// </summary>
    internal sealed class StationRequestHandler
    {
        /// <summary>OCPP 2.0.1 IdTokenType.idToken and transactionId maxLength.</summary>
        private const int IdentifierMaxLength = 36;

        /// <summary>OCPP 2.0.1 SampledValueType.measurand default when absent.</summary>
        private const string EnergyRegister = "Energy.Active.Import.Register";

        private static readonly string[] Known =
        {
            "BootNotification", "Heartbeat", "StatusNotification", "Authorize", "TransactionEvent", "MeterValues",
            "NotifyReport", "NotifyEvent", "SecurityEventNotification", "FirmwareStatusNotification",
            "LogStatusNotification", "DataTransfer", "ReportChargingProfiles",
        };

        private readonly CsmsOptions _options;
        private readonly TokenRegistry _tokens;
        private readonly CsmsClock _clock;
        private readonly Func<string, string, TransactionRecord> _transactionFor;

        public StationRequestHandler(CsmsOptions options, TokenRegistry tokens, CsmsClock clock,
            Func<string, string, TransactionRecord> transactionFor)
        {
            _options = options;
            _tokens = tokens;
            _clock = clock;
            _transactionFor = transactionFor;
        }

        public static bool Knows(string action)
        {
            return Array.IndexOf(Known, action) >= 0;
        }

        /// <summary>
        /// <paramref name="allowedWhilePending"/> is true when the CSMS itself asked for this message
        /// (TriggerMessage, GetBaseReport) so a Pending station may send it (B02.FR.09).
        /// </summary>
        public JsonObject Answer(StationRecord station, string action, JsonObject payload, bool allowedWhilePending)
        {
            if (action != "BootNotification" && station.RegistrationStatus != "Accepted" &&
                !(station.RegistrationStatus == "Pending" && allowedWhilePending))
            {
                station.RequestsBeforeAccepted++;
                if (_options.RejectRequestsBeforeAccepted)
                {
                    throw new OcppCallErrorException(OcppErrorCodes.SecurityError,
                        action + " before the station was Accepted (registration status "
                        + (station.RegistrationStatus ?? "none: no BootNotification yet") + "), B02.FR.09/B03.FR.07");
                }
            }

            switch (action)
            {
                case "BootNotification":
                    return BootNotification(station, payload);
                case "Heartbeat":
                    station.HeartbeatCount++;
                    return new JsonObject { ["currentTime"] = _clock.NowText() };
                case "StatusNotification":
                    return StatusNotification(station, payload);
                case "Authorize":
                    return Authorize(payload);
                case "TransactionEvent":
                    return TransactionEvent(station, payload);
                case "MeterValues":
                    return MeterValues(station, payload);
                case "NotifyReport":
                    PayloadReader.RequiredInt(payload, "requestId", string.Empty);
                    PayloadReader.RequiredString(payload, "generatedAt", 64, string.Empty);
                    PayloadReader.RequiredInt(payload, "seqNo", string.Empty);
                    PayloadReader.OptionalArray(payload, "reportData", 1, string.Empty);
                    station.NotifyReportCount++;
                    return new JsonObject();
                case "NotifyEvent":
                    PayloadReader.RequiredString(payload, "generatedAt", 64, string.Empty);
                    PayloadReader.RequiredInt(payload, "seqNo", string.Empty);
                    PayloadReader.RequiredArray(payload, "eventData", 1, string.Empty);
                    station.NotifyEventCount++;
                    return new JsonObject();
                case "SecurityEventNotification":
                    PayloadReader.RequiredString(payload, "type", 50, string.Empty);
                    PayloadReader.RequiredString(payload, "timestamp", 64, string.Empty);
                    station.SecurityEventCount++;
                    return new JsonObject();
                case "FirmwareStatusNotification":
                    station.LastFirmwareStatus = PayloadReader.RequiredEnum(payload, "status", OcppEnums.FirmwareStatus, string.Empty);
                    return new JsonObject();
                case "LogStatusNotification":
                    station.LastLogStatus = PayloadReader.RequiredEnum(payload, "status", OcppEnums.UploadLogStatus, string.Empty);
                    return new JsonObject();
                case "ReportChargingProfiles":
                    PayloadReader.RequiredInt(payload, "requestId", string.Empty);
                    PayloadReader.RequiredInt(payload, "evseId", string.Empty);
                    PayloadReader.RequiredArray(payload, "chargingProfile", 1, string.Empty);
                    return new JsonObject();
                case "DataTransfer":
                    // P01: no vendor extensions are implemented, so every vendorId is unknown.
                    PayloadReader.RequiredString(payload, "vendorId", 255, string.Empty);
                    return new JsonObject { ["status"] = "UnknownVendorId" };
                default:
                    throw new OcppCallErrorException(OcppErrorCodes.NotImplemented, "the CSMS does not know action " + action);
            }
        }

        private JsonObject BootNotification(StationRecord station, JsonObject payload)
        {
            JsonObject chargingStation = PayloadReader.RequiredObject(payload, "chargingStation", string.Empty);
            string model = PayloadReader.RequiredString(chargingStation, "model", 20, "chargingStation.");
            string vendor = PayloadReader.RequiredString(chargingStation, "vendorName", 50, "chargingStation.");
            string firmware = PayloadReader.OptionalString(chargingStation, "firmwareVersion", 50, "chargingStation.");
            string reason = PayloadReader.RequiredEnum(payload, "reason", OcppEnums.BootReason, string.Empty);
            string status = _options.BootStatus;
            if (!OcppEnums.Contains(OcppEnums.RegistrationStatus, status))
            {
                throw new InvalidOperationException("CsmsOptions.BootStatus '" + status + "' is not Accepted, Pending or Rejected");
            }

            station.BootCount++;
            station.Model = model;
            station.VendorName = vendor;
            station.FirmwareVersion = firmware;
            station.LastBootReason = reason;
            station.RegistrationStatus = status;
            int intervalS = status == "Accepted" ? _options.HeartbeatIntervalS : _options.BootRetryIntervalS;
            return new JsonObject
            {
                ["currentTime"] = _clock.NowText(),
                ["interval"] = intervalS,
                ["status"] = status,
            };
        }

        private static JsonObject StatusNotification(StationRecord station, JsonObject payload)
        {
            PayloadReader.RequiredString(payload, "timestamp", 64, string.Empty);
            string status = PayloadReader.RequiredEnum(payload, "connectorStatus", OcppEnums.ConnectorStatus, string.Empty);
            int evseId = PayloadReader.RequiredInt(payload, "evseId", string.Empty);
            int connectorId = PayloadReader.RequiredInt(payload, "connectorId", string.Empty);
            station.SetConnectorStatus(evseId, connectorId, status);
            return new JsonObject();
        }

        private JsonObject Authorize(JsonObject payload)
        {
            JsonObject idToken = PayloadReader.RequiredObject(payload, "idToken", string.Empty);
            string token = PayloadReader.RequiredString(idToken, "idToken", IdentifierMaxLength, "idToken.");
            string type = PayloadReader.RequiredEnum(idToken, "type", OcppEnums.IdTokenType, "idToken.");
            return new JsonObject { ["idTokenInfo"] = _tokens.IdTokenInfo(token, type) };
        }

        private JsonObject TransactionEvent(StationRecord station, JsonObject payload)
        {
            string eventType = PayloadReader.RequiredEnum(payload, "eventType", OcppEnums.TransactionEvent, string.Empty);
            string timestamp = PayloadReader.RequiredString(payload, "timestamp", 64, string.Empty);
            string triggerReason = PayloadReader.RequiredEnum(payload, "triggerReason", OcppEnums.TriggerReason, string.Empty);
            int seqNo = PayloadReader.RequiredInt(payload, "seqNo", string.Empty);
            bool offline = PayloadReader.OptionalBool(payload, "offline", string.Empty);
            JsonObject info = PayloadReader.RequiredObject(payload, "transactionInfo", string.Empty);
            string transactionId = PayloadReader.RequiredString(info, "transactionId", IdentifierMaxLength, "transactionInfo.");
            string chargingState = PayloadReader.OptionalEnum(info, "chargingState", OcppEnums.ChargingState, "transactionInfo.");
            string stoppedReason = PayloadReader.OptionalEnum(info, "stoppedReason", OcppEnums.StoppedReason, "transactionInfo.");
            int remoteStartId;
            bool hasRemoteStartId = PayloadReader.TryGetInt(info, "remoteStartId", "transactionInfo.", out remoteStartId);
            JsonObject evse = PayloadReader.OptionalObject(payload, "evse", string.Empty);
            int evseId = evse == null ? -1 : PayloadReader.RequiredInt(evse, "id", "evse.");
            JsonObject idToken = PayloadReader.OptionalObject(payload, "idToken", string.Empty);
            string token = null;
            string tokenType = null;
            if (idToken != null)
            {
                token = PayloadReader.RequiredString(idToken, "idToken", IdentifierMaxLength, "idToken.");
                tokenType = PayloadReader.RequiredEnum(idToken, "type", OcppEnums.IdTokenType, "idToken.");
            }

            JsonArray meterValue = PayloadReader.OptionalArray(payload, "meterValue", 1, string.Empty);
            List<EnergyReading> readings = meterValue == null
                ? new List<EnergyReading>()
                : EnergyReadings(meterValue, seqNo, _clock.NowMs);

            // All checks passed: only now change the record, so a refused frame leaves no trace in it.
            TransactionRecord record = _transactionFor(station.StationId, transactionId);
            bool duplicate = record.Record(eventType, seqNo, triggerReason, timestamp, offline, chargingState, _clock.NowMs);
            if (!duplicate)
            {
                foreach (EnergyReading reading in readings)
                {
                    record.AddEnergy(reading);
                }
            }

            if (evseId >= 0)
            {
                record.SetEvse(evseId);
            }

            if (hasRemoteStartId)
            {
                record.SetRemoteStartId(remoteStartId);
            }

            if (stoppedReason != null)
            {
                record.SetStoppedReason(stoppedReason);
            }

            var response = new JsonObject();
            if (token != null)
            {
                record.SetIdToken(token, tokenType);

                // E01/E03: the CSMS answers with the token's authorization status when an idToken is present.
                response["idTokenInfo"] = _tokens.IdTokenInfo(token, tokenType);
            }

            return response;
        }

        private JsonObject MeterValues(StationRecord station, JsonObject payload)
        {
            PayloadReader.RequiredInt(payload, "evseId", string.Empty);
            JsonArray meterValue = PayloadReader.RequiredArray(payload, "meterValue", 1, string.Empty);
            foreach (EnergyReading reading in EnergyReadings(meterValue, -1, _clock.NowMs))
            {
                station.AddMeterValuesEnergy(reading);
            }

            return new JsonObject();
        }

        /// <summary>
        /// The Energy.Active.Import.Register totals (no phase) in a meterValue array, in Wh:
        /// OCPP 2.0.1 UnitOfMeasureType defaults unit to "Wh" and multiplier to 0 (value x 10^multiplier).
        /// </summary>
        internal static List<EnergyReading> EnergyReadings(JsonArray meterValue, int seqNo, long receivedAtMs)
        {
            var readings = new List<EnergyReading>();
            for (int i = 0; i < meterValue.Count; i++)
            {
                string path = "meterValue[" + i + "].";
                JsonObject value = PayloadReader.ElementObject(meterValue, i, "meterValue", string.Empty);
                string timestamp = PayloadReader.RequiredString(value, "timestamp", 64, path);
                JsonArray samples = PayloadReader.RequiredArray(value, "sampledValue", 1, path);
                for (int j = 0; j < samples.Count; j++)
                {
                    string samplePath = path + "sampledValue[" + j + "].";
                    JsonObject sample = PayloadReader.ElementObject(samples, j, "sampledValue", path);
                    double number = PayloadReader.RequiredNumber(sample, "value", samplePath);
                    string measurand = PayloadReader.OptionalString(sample, "measurand", 64, samplePath) ?? EnergyRegister;
                    string phase = PayloadReader.OptionalString(sample, "phase", 16, samplePath);
                    string context = PayloadReader.OptionalString(sample, "context", 32, samplePath);
                    if (measurand != EnergyRegister || phase != null)
                    {
                        continue;
                    }

                    readings.Add(new EnergyReading(seqNo, receivedAtMs, timestamp, ToWh(number, sample, samplePath), context));
                }
            }

            return readings;
        }

        private static double ToWh(double value, JsonObject sample, string path)
        {
            JsonObject unitOfMeasure = PayloadReader.OptionalObject(sample, "unitOfMeasure", path);
            string unit = "Wh";
            int multiplier = 0;
            if (unitOfMeasure != null)
            {
                unit = PayloadReader.OptionalString(unitOfMeasure, "unit", 20, path + "unitOfMeasure.") ?? "Wh";
                PayloadReader.TryGetInt(unitOfMeasure, "multiplier", path + "unitOfMeasure.", out multiplier);
            }

            double scaled = value * Math.Pow(10, multiplier);
            if (unit == "kWh")
            {
                return scaled * 1000;
            }

            if (unit != "Wh")
            {
                throw new OcppCallErrorException(OcppErrorCodes.PropertyConstraintViolation,
                    path + "unitOfMeasure.unit '" + unit + "' is not an energy unit for " + EnergyRegister);
            }

            return scaled;
        }

        internal static string FormatWh(double energyWh)
        {
            return Math.Round(energyWh).ToString("0", CultureInfo.InvariantCulture);
        }
    }
}
