using System.Collections;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.DataTransfer
{
    /// <summary>Incoming DataTransfer (P02): UnknownVendorId unless a handler is registered for the vendorId.</summary>
    public sealed class DataTransferHandler : IIncomingCallHandler
    {
        private readonly Hashtable _vendors = new Hashtable();
        private readonly JsonWriter _data = new JsonWriter(16, 8192);

        public static SchemaNode RequestSchema()
        {
            return SchemaNode.Object()
                .Optional("messageId", SchemaNode.String(50))
                .Optional("data", SchemaNode.Any())
                .Required("vendorId", SchemaNode.String(255));
        }

        public void Register(string vendorId, IDataTransferHandler handler)
        {
            _vendors[vendorId] = handler;
        }

        public void Handle(IncomingCall call)
        {
            string vendorId = call.Payload.GetString("vendorId");
            IDataTransferHandler handler = (IDataTransferHandler)_vendors[vendorId];
            string status = "UnknownVendorId";
            string reasonCode = null;
            string additionalInfo = null;
            _data.Reset();
            if (handler != null)
            {
                status = handler.Handle(call.Payload.GetString("messageId"), call.Payload.Get("data"), call.NowMs, _data, out reasonCode, out additionalInfo);
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            if (reasonCode != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", JsonWriter.Truncate(reasonCode, 20));
                if (additionalInfo != null)
                {
                    w.Property("additionalInfo", JsonWriter.Truncate(additionalInfo, 512));
                }

                w.EndObject();
            }

            if (_data.Length > 0)
            {
                w.Name("data");
                w.Raw(_data.ToString());
            }

            w.EndObject();
        }
    }
}
