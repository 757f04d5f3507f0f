using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>Request schemas of the device-model messages (official OCPP 2.0.1 JSON schemas).</summary>
    public static class DeviceModelSchemas
    {
        public static SchemaNode GetVariablesRequest()
        {
            SchemaNode item = SchemaNode.Object()
                .Optional("attributeType", CommonSchemas.AttributeType())
                .Required("component", CommonSchemas.Component())
                .Required("variable", CommonSchemas.VariableRef());
            return SchemaNode.Object().Required("getVariableData", SchemaNode.ArrayOf(item, 1, SchemaNode.Unbounded));
        }

        public static SchemaNode SetVariablesRequest()
        {
            SchemaNode item = SchemaNode.Object()
                .Optional("attributeType", CommonSchemas.AttributeType())
                .Required("attributeValue", SchemaNode.String(1000))
                .Required("component", CommonSchemas.Component())
                .Required("variable", CommonSchemas.VariableRef());
            return SchemaNode.Object().Required("setVariableData", SchemaNode.ArrayOf(item, 1, SchemaNode.Unbounded));
        }

        public static SchemaNode GetBaseReportRequest()
        {
            return SchemaNode.Object()
                .Required("requestId", SchemaNode.Integer())
                .Required("reportBase", SchemaNode.Enum(new string[] { "ConfigurationInventory", "FullInventory", "SummaryInventory" }));
        }

        /// <summary>NotifyReportResponse is an empty object (customData only).</summary>
        public static SchemaNode NotifyReportResponse()
        {
            return SchemaNode.Object();
        }
    }
}
