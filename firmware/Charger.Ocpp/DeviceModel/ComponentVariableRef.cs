using Charger.Ocpp.Json;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>The component and variable named in a Get/SetVariables item, read from its (schema-checked) JSON.</summary>
    public struct ComponentVariableRef
    {
        public string ComponentName;
        public string ComponentInstance;
        public int EvseId;
        public int ConnectorId;
        public string VariableName;
        public string VariableInstance;
        public AttributeType Attribute;
        public bool AttributeGiven;

        public static ComponentVariableRef From(JsonValue item)
        {
            ComponentVariableRef r = new ComponentVariableRef();
            JsonValue component = item.Get("component");
            JsonValue variable = item.Get("variable");
            r.ComponentName = component.GetString("name");
            r.ComponentInstance = component.GetString("instance");
            JsonValue evse = component.Get("evse");
            if (evse != null)
            {
                r.EvseId = (int)evse.GetInteger("id", 0);
                r.ConnectorId = (int)evse.GetInteger("connectorId", 0);
            }

            r.VariableName = variable.GetString("name");
            r.VariableInstance = variable.GetString("instance");

            // B06.FR.03 / B05: an absent attributeType means Actual.
            string attribute = item.GetString("attributeType");
            r.AttributeGiven = attribute != null;
            AttributeType parsed;
            r.Attribute = attribute != null && DeviceModelNames.TryParseAttribute(attribute, out parsed) ? parsed : AttributeType.Actual;
            return r;
        }
    }
}
