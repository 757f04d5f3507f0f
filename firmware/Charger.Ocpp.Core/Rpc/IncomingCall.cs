using Charger.Ocpp.Json;

namespace Charger.Ocpp.Rpc
{
    /// <summary>A CSMS-initiated CALL being answered. Reused for every call (one at a time, inside the tick).</summary>
    public sealed class IncomingCall
    {
        private readonly JsonWriter _response;
        private string _messageId;
        private string _action;
        private JsonValue _payload;
        private string _rejectCode;
        private string _rejectDescription;
        private int _frameLength;
        private long _nowMs;

        public IncomingCall(JsonWriter response)
        {
            _response = response;
        }

        public string MessageId
        {
            get { return _messageId; }
        }

        public string Action
        {
            get { return _action; }
        }

        public JsonValue Payload
        {
            get { return _payload; }
        }

        /// <summary>Tick time the call is handled at.</summary>
        public long NowMs
        {
            get { return _nowMs; }
        }

        /// <summary>Length of the whole received frame in characters (for BytesPerMessage checks).</summary>
        public int FrameLength
        {
            get { return _frameLength; }
        }

        /// <summary>Where the handler writes the response payload object (BeginObject ... EndObject).</summary>
        public JsonWriter Response
        {
            get { return _response; }
        }

        public bool IsRejected
        {
            get { return _rejectCode != null; }
        }

        public string RejectCode
        {
            get { return _rejectCode; }
        }

        public string RejectDescription
        {
            get { return _rejectDescription; }
        }

        /// <summary>Answer with a CALLERROR instead of a CALLRESULT.</summary>
        public void Reject(string errorCode, string description)
        {
            _rejectCode = errorCode;
            _rejectDescription = description;
        }

        internal void Begin(string messageId, string action, JsonValue payload, int frameLength, long nowMs)
        {
            _nowMs = nowMs;
            _frameLength = frameLength;
            _messageId = messageId;
            _action = action;
            _payload = payload;
            _rejectCode = null;
            _rejectDescription = null;
        }
    }
}
