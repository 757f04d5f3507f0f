using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>SetVariables (OCPP 2.0.1 use case B05); accepted persistent values are saved once per request.</summary>
    public sealed class SetVariablesHandler : IIncomingCallHandler
    {
        /// <summary>
        /// Hashed values (MaintenancePassword) one SetVariables may set; further ones in the same message are
        /// Rejected with reasonCode OneHashPerMessage. The accepted one is hashed over the following ticks
        /// (StationDeviceModel.StepHashing), so no message makes a tick run a whole derivation.
        /// </summary>
        public const int MaxHashesPerMessage = 1;

        private readonly StationDeviceModel _model;
        private readonly CoreVariables _vars;
        private readonly ILog _log;

        public SetVariablesHandler(StationDeviceModel model, CoreVariables vars, ILog log)
        {
            _model = model;
            _vars = vars;
            _log = log;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue items = call.Payload.Get("setVariableData");
            if (items.Count > _vars.ItemsPerMessageSetVariables.IntValue)
            {
                call.Reject(RpcErrorCode.OccurrenceConstraintViolation,
                    "setVariableData has " + items.Count + " items, ItemsPerMessageSetVariables is " + _vars.ItemsPerMessageSetVariables.IntValue);
                return;
            }

            if (call.FrameLength > _vars.BytesPerMessageSetVariables.IntValue)
            {
                call.Reject(RpcErrorCode.FormatViolation,
                    "request is " + call.FrameLength + " bytes, BytesPerMessageSetVariables is " + _vars.BytesPerMessageSetVariables.IntValue);
                return;
            }

            int maxValueLength = (int)_vars.ConfigurationValueSize.IntValue;
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Name("setVariableResult");
            w.BeginArray();

            // B05.FR.01: one result per item, in order.
            _model.HashBudget = MaxHashesPerMessage;
            try
            {
                WriteResults(items, maxValueLength, w);
            }
            finally
            {
                _model.HashBudget = -1;
            }

            w.EndArray();
            w.EndObject();

            if (!_model.SaveIfDirty())
            {
                _log.Write(LogLevel.Error, "ocpp.dm", "SetVariables applied but not persisted; values revert at reboot");
            }
        }

        private void WriteResults(JsonValue items, int maxValueLength, JsonWriter w)
        {
            for (int i = 0; i < items.Count; i++)
            {
                JsonValue item = items[i];
                ComponentVariableRef r = ComponentVariableRef.From(item);
                string reason;
                SetVariableStatus status = _model.TrySet(r.ComponentName, r.ComponentInstance, r.EvseId, r.ConnectorId,
                    r.VariableName, r.VariableInstance, r.Attribute, item.GetString("attributeValue"), maxValueLength, out reason);
                w.BeginObject();
                w.Property("attributeType", DeviceModelNames.AttributeName(r.Attribute));
                w.Property("attributeStatus", DeviceModelNames.SetStatusName(status));
                w.Name("component");
                item.Get("component").WriteTo(w);
                w.Name("variable");
                item.Get("variable").WriteTo(w);
                if (reason != null)
                {
                    w.Name("attributeStatusInfo");
                    w.BeginObject();
                    w.Property("reasonCode", reason);
                    w.EndObject();
                }

                w.EndObject();
            }
        }
    }
}
