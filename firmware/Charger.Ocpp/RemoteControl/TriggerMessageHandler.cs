using Charger.Ocpp.Availability;
using Charger.Ocpp.Json;
using Charger.Ocpp.Provisioning;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Security;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// TriggerMessage (OCPP 2.0.1 F06): BootNotification, Heartbeat, StatusNotification here;
    /// MeterValues and TransactionEvent from the transaction service when it has a reading or a
    /// transaction for the EVSE, else through the charger's hooks; the rest NotImplemented.
    /// Triggered messages may leave while Pending.
    /// </summary>
    public sealed class TriggerMessageHandler : IIncomingCallHandler
    {
        private readonly RegistrationManager _registration;
        private readonly AvailabilityManager _availability;
        private readonly IStationHooks _hooks;
        private readonly TransactionService _transactions;

        public TriggerMessageHandler(RegistrationManager registration, AvailabilityManager availability, IStationHooks hooks)
            : this(registration, availability, hooks, null)
        {
        }

        public TriggerMessageHandler(RegistrationManager registration, AvailabilityManager availability, IStationHooks hooks,
            TransactionService transactions)
        {
            _registration = registration;
            _availability = availability;
            _hooks = hooks;
            _transactions = transactions;
        }

        /// <summary>SignChargingStationCertificate (A02) goes here; null: NotImplemented.</summary>
        public StationCertificateManager CertificateSigning { get; set; }

        /// <summary>Answers TriggerMessage LogStatusNotification; null: NotImplemented.</summary>
        public Diagnostics.LogUploadService LogUploads { get; set; }

        /// <summary>Answers TriggerMessage FirmwareStatusNotification; null: NotImplemented.</summary>
        public FirmwareManagement.FirmwareUpdateService FirmwareUpdates { get; set; }

        public static SchemaNode RequestSchema()
        {
            return SchemaNode.Object()
                .Optional("evse", CommonSchemas.Evse())
                .Required("requestedMessage", SchemaNode.Enum(new string[]
                {
                    "BootNotification", "LogStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
                    "SignChargingStationCertificate", "SignV2GCertificate", "StatusNotification", "TransactionEvent",
                    "SignCombinedCertificate", "PublishFirmwareStatusNotification",
                }));
        }

        public void Handle(IncomingCall call)
        {
            string requested = call.Payload.GetString("requestedMessage");
            JsonValue evse = call.Payload.Get("evse");
            int evseId = evse == null ? 0 : (int)evse.GetInteger("id", 0);
            int connectorId = evse == null ? 0 : (int)evse.GetInteger("connectorId", 0);
            string status;
            if (evse != null && (evseId == 0 || !_availability.IsValidScope(evseId, connectorId)))
            {
                status = "Rejected";
            }
            else if (requested == "BootNotification")
            {
                status = _registration.TriggerBoot() ? "Accepted" : "Rejected";
            }
            else if (requested == "Heartbeat")
            {
                status = _registration.TriggerHeartbeat() ? "Accepted" : "Rejected";
            }
            else if (requested == "StatusNotification")
            {
                status = "Accepted";
                if (evseId == 0)
                {
                    _availability.SendAll(SendPermission.AllowedWhilePending);
                }
                else if (connectorId == 0)
                {
                    _availability.SendEvse(evseId, SendPermission.AllowedWhilePending);
                }
                else
                {
                    _availability.SendOne(evseId, connectorId, SendPermission.AllowedWhilePending);
                }
            }
            else if (requested == "MeterValues")
            {
                bool sent = _transactions != null && _transactions.TriggerMeterValues(evseId, call.NowMs);
                status = sent || _hooks.TriggerMeterValues(evseId) ? "Accepted" : "Rejected";
            }
            else if (requested == "TransactionEvent")
            {
                // F06.FR.07: Rejected when no transaction runs on the EVSE.
                bool sent = _transactions != null && _transactions.TriggerTransactionEvent(evseId, call.NowMs);
                status = sent || _hooks.TriggerTransactionEvent(evseId) ? "Accepted" : "Rejected";
            }
            else if (requested == "SignChargingStationCertificate" && CertificateSigning != null)
            {
                status = CertificateSigning.TriggerSigning() ? "Accepted" : "Rejected";
            }
            else if (requested == "LogStatusNotification" && LogUploads != null)
            {
                // N01: Uploading with the requestId while an upload runs, Idle otherwise.
                status = LogUploads.TriggerStatus() ? "Accepted" : "Rejected";
            }
            else if (requested == "FirmwareStatusNotification" && FirmwareUpdates != null)
            {
                // L01: the current status with its requestId while an update runs, Idle otherwise.
                status = FirmwareUpdates.TriggerStatus() ? "Accepted" : "Rejected";
            }
            else
            {
                status = "NotImplemented";
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            w.EndObject();
        }
    }
}
