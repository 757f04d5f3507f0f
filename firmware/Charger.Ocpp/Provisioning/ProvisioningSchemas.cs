using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Provisioning
{
    /// <summary>Schemas of the provisioning messages (official OCPP 2.0.1 JSON schemas).</summary>
    public static class ProvisioningSchemas
    {
        public static SchemaNode BootNotificationResponse()
        {
            return SchemaNode.Object()
                .Required("currentTime", SchemaNode.DateTime())
                .Required("interval", SchemaNode.Integer())
                .Required("status", SchemaNode.Enum(new string[] { "Accepted", "Pending", "Rejected" }))
                .Optional("statusInfo", CommonSchemas.StatusInfo());
        }

        public static SchemaNode HeartbeatResponse()
        {
            return SchemaNode.Object().Required("currentTime", SchemaNode.DateTime());
        }

        public static SchemaNode ResetRequest()
        {
            return SchemaNode.Object()
                .Required("type", SchemaNode.Enum(new string[] { "Immediate", "OnIdle" }))
                .Optional("evseId", SchemaNode.Integer());
        }
    }
}
