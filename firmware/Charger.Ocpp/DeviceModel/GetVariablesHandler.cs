using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>GetVariables (OCPP 2.0.1 use case B06).</summary>
    public sealed class GetVariablesHandler : IIncomingCallHandler
    {
        private readonly StationDeviceModel _model;
        private readonly CoreVariables _vars;

        public GetVariablesHandler(StationDeviceModel model, CoreVariables vars)
        {
            _model = model;
            _vars = vars;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue items = call.Payload.Get("getVariableData");

            // B06.FR.16: more items than ItemsPerMessageGetVariables is refused as a whole.
            if (items.Count > _vars.ItemsPerMessageGetVariables.IntValue)
            {
                call.Reject(RpcErrorCode.OccurrenceConstraintViolation,
                    "getVariableData has " + items.Count + " items, ItemsPerMessageGetVariables is " + _vars.ItemsPerMessageGetVariables.IntValue);
                return;
            }

            // B06.FR.17: a request longer than BytesPerMessageGetVariables is refused as a whole.
            if (call.FrameLength > _vars.BytesPerMessageGetVariables.IntValue)
            {
                call.Reject(RpcErrorCode.FormatViolation,
                    "request is " + call.FrameLength + " bytes, BytesPerMessageGetVariables is " + _vars.BytesPerMessageGetVariables.IntValue);
                return;
            }

            int maxValueLength = (int)_vars.ReportingValueSize.IntValue;
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Name("getVariableResult");
            w.BeginArray();

            // B06.FR.01: one result per requested item, in order.
            for (int i = 0; i < items.Count; i++)
            {
                JsonValue item = items[i];
                ComponentVariableRef r = ComponentVariableRef.From(item);
                string value;
                GetVariableStatus status = _model.TryGet(r.ComponentName, r.ComponentInstance, r.EvseId, r.ConnectorId,
                    r.VariableName, r.VariableInstance, r.Attribute, out value);
                w.BeginObject();
                w.Property("attributeStatus", DeviceModelNames.GetStatusName(status));

                // B06.FR.02: the attributeType asked for is echoed.
                if (r.AttributeGiven)
                {
                    w.Property("attributeType", DeviceModelNames.AttributeName(r.Attribute));
                }

                if (status == GetVariableStatus.Accepted)
                {
                    // ReportingValueSize: longer values are truncated, not refused.
                    w.Property("attributeValue", value.Length > maxValueLength ? value.Substring(0, maxValueLength) : value);
                }

                w.Name("component");
                item.Get("component").WriteTo(w);
                w.Name("variable");
                item.Get("variable").WriteTo(w);
                w.EndObject();
            }

            w.EndArray();
            w.EndObject();
        }
    }
}
