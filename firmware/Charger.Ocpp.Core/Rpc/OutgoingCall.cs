using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Rpc
{
    /// <summary>A station-initiated CALL waiting in the queue or for its answer.</summary>
    public sealed class OutgoingCall
    {
        private readonly string _action;
        private readonly string _payloadJson;
        private readonly SchemaNode _responseSchema;
        private readonly ICallResultHandler _handler;
        private readonly object _context;
        private readonly SendPermission _permission;
        private readonly SchemaFactory _responseSchemaFactory;

        public OutgoingCall(string action, string payloadJson, SchemaNode responseSchema, ICallResultHandler handler, object context, SendPermission permission)
        {
            _action = action;
            _payloadJson = payloadJson;
            _responseSchema = responseSchema;
            _handler = handler;
            _context = context;
            _permission = permission;
        }

        public string Action
        {
            get { return _action; }
        }

        /// <summary>The payload object as JSON text.</summary>
        public string PayloadJson
        {
            get { return _payloadJson; }
        }

        /// <summary>A CALL whose response schema is built only when its answer arrives (nothing held while it waits).</summary>
        public OutgoingCall(string action, string payloadJson, SchemaFactory responseSchema, ICallResultHandler handler, object context, SendPermission permission)
            : this(action, payloadJson, (SchemaNode)null, handler, context, permission)
        {
            _responseSchemaFactory = responseSchema;
        }

        public SchemaNode ResponseSchema
        {
            get { return _responseSchema; }
        }

        /// <summary>Set instead of <see cref="ResponseSchema"/> when the schema is built on demand.</summary>
        public SchemaFactory ResponseSchemaFactory
        {
            get { return _responseSchemaFactory; }
        }

        public ICallResultHandler Handler
        {
            get { return _handler; }
        }

        /// <summary>Whatever the caller wants back with the result.</summary>
        public object Context
        {
            get { return _context; }
        }

        public SendPermission Permission
        {
            get { return _permission; }
        }

        /// <summary>Set when the CALL is sent.</summary>
        public string MessageId { get; set; }

        public long SentAtMs { get; set; }
    }
}
