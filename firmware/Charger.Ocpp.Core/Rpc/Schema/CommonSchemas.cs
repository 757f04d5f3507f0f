namespace Charger.Ocpp.Rpc.Schema
{
    /// <summary>Data types shared by many OCPP 2.0.1 messages, with the official schemas' bounds.</summary>
    public static class CommonSchemas
    {
        public static SchemaNode Evse()
        {
            return SchemaNode.Object()
                .Required("id", SchemaNode.Integer())
                .Optional("connectorId", SchemaNode.Integer());
        }

        public static SchemaNode Component()
        {
            return SchemaNode.Object()
                .Optional("evse", Evse())
                .Required("name", SchemaNode.String(50))
                .Optional("instance", SchemaNode.String(50));
        }

        public static SchemaNode VariableRef()
        {
            return SchemaNode.Object()
                .Required("name", SchemaNode.String(50))
                .Optional("instance", SchemaNode.String(50));
        }

        public static SchemaNode AttributeType()
        {
            return SchemaNode.Enum(new string[] { "Actual", "Target", "MinSet", "MaxSet" });
        }

        public static SchemaNode StatusInfo()
        {
            return SchemaNode.Object()
                .Required("reasonCode", SchemaNode.String(20))
                .Optional("additionalInfo", SchemaNode.String(512));
        }

        /// <summary>A response of the common form { status, statusInfo? } with the given status values.</summary>
        public static SchemaNode StatusResponse(string[] statuses)
        {
            return SchemaNode.Object()
                .Required("status", SchemaNode.Enum(statuses))
                .Optional("statusInfo", StatusInfo());
        }
    }
}
