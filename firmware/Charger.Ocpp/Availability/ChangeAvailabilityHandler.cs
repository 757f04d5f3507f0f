using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Availability
{
    /// <summary>ChangeAvailability (OCPP 2.0.1 G03 EVSE/connector, G04 station).</summary>
    public sealed class ChangeAvailabilityHandler : IIncomingCallHandler
    {
        private readonly AvailabilityManager _availability;

        public ChangeAvailabilityHandler(AvailabilityManager availability)
        {
            _availability = availability;
        }

        public static SchemaNode RequestSchema()
        {
            return SchemaNode.Object()
                .Optional("evse", CommonSchemas.Evse())
                .Required("operationalStatus", SchemaNode.Enum(new string[] { "Inoperative", "Operative" }));
        }

        public void Handle(IncomingCall call)
        {
            JsonValue evse = call.Payload.Get("evse");
            int evseId = evse == null ? 0 : (int)evse.GetInteger("id", 0);
            int connectorId = evse == null ? 0 : (int)evse.GetInteger("connectorId", 0);
            bool operative = call.Payload.GetString("operationalStatus") == "Operative";
            string status = _availability.RequestChange(evseId, connectorId, operative);
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            if (status == "Rejected")
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", "UnknownEvse");
                w.EndObject();
            }

            w.EndObject();
        }
    }
}
