using System.Collections;
using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// OCPP-J 2.0.1 message layer (part 4, section 4). The transport thread only enqueues received
    /// frames; parsing, validation, dispatch, the single outstanding station CALL and its
    /// MessageTimeout all run in <see cref="Pump"/>, a bounded amount of work per tick.
    /// </summary>
    public sealed class RpcEndpoint
    {
        private const string Component = "ocpp.rpc";
        private const int MessageTypeCall = 2;
        private const int MessageTypeCallResult = 3;
        private const int MessageTypeCallError = 4;

        /// <summary>OCPP-J 2.0.1 section 4.1.4: a message id is at most 36 characters.</summary>
        public const int MaxMessageIdLength = 36;

        /// <summary>Message id used in a CALLERROR when the offending frame's id could not be read.</summary>
        public const string UnreadableMessageId = "-1";

        // Characters of a refused frame searched for its [type, "messageId" head: a 36-character id, its
        // quotes and a message type of up to 200 digits.
        private const int FrameHeadChars = 256;

        /// <summary>OCPP-J: errorDescription is at most 255 characters.</summary>
        private const int MaxErrorDescriptionLength = 255;

        private readonly IWebSocketClient _socket;
        private readonly ILog _log;
        private readonly RpcLimits _limits;
        private readonly FrameQueue _inbound;

        // Message ids of CALLs that arrived while the inbound queue was full: each is answered with
        // a CALLERROR in the next pump, so a burst is never dropped silently (issue 17 item 11).
        private readonly FrameQueue _busyCallIds;
        private long _reportedBusyDrops;
        private readonly OutgoingCall[] _outgoing;
        private readonly JsonParser _parser;
        private readonly JsonReader _headReader;
        private readonly JsonWriter _writer;
        private readonly IncomingCall _incoming;
        private readonly Hashtable _handlers = new Hashtable();
        private readonly Hashtable _schemas = new Hashtable();
        private string _recentAction;
        private SchemaNode _recentSchema;
        private string _previousAction;
        private SchemaNode _previousSchema;
        private int _schemasBuilt;
        private string _recentResponseAction;
        private SchemaNode _recentResponseSchema;
        private readonly Hashtable _notSupported = new Hashtable();
        private readonly string _idPrefix;
        private int _outgoingHead;
        private int _outgoingCount;
        private OutgoingCall _outstanding;
        private long _idCounter;
        private int _messageTimeoutMs = 30000;
        private RegistrationState _registration = RegistrationState.NotRegistered;
        private long _oversizeFrames;
        private long _droppedResults;
        private long _reportedInboundDrops;
        private long _lastReceiveMs = -1;
        private long _invalidFrames;
        private int _pendingOversize; // written by the transport thread through Interlocked

        public RpcEndpoint(IWebSocketClient socket, ILog log, IRandomSource random, RpcLimits limits)
        {
            _socket = socket;
            _log = log;
            _limits = limits;
            _inbound = new FrameQueue(limits.InboundQueueFrames);
            _busyCallIds = new FrameQueue(limits.BusyReplyIds);
            _outgoing = new OutgoingCall[limits.OutgoingQueueCalls];
            _parser = new JsonParser(limits.MaxJsonDepth, limits.MaxFrameChars);
            _headReader = new JsonReader(limits.MaxJsonDepth, limits.MaxFrameChars);
            _writer = new JsonWriter(limits.MaxJsonDepth, limits.MaxFrameChars);
            _incoming = new IncomingCall(_writer);

            // A random prefix keeps ids unique across reboots, the counter within one boot.
            byte[] prefix = new byte[4];
            random.NextBytes(prefix);
            _idPrefix = ToHex(prefix) + "-";

            socket.MaxFrameBytes = limits.MaxFrameChars;
            socket.TextReceived += OnTextReceived;
            socket.Oversize += OnOversize;
        }

        /// <summary>OCPPCommCtrlr.MessageTimeout, in milliseconds.</summary>
        public int MessageTimeoutMs
        {
            get { return _messageTimeoutMs; }
            set { _messageTimeoutMs = value; }
        }

        public RegistrationState Registration
        {
            get { return _registration; }
            set { _registration = value; }
        }

        public OutgoingCall Outstanding
        {
            get { return _outstanding; }
        }

        public int QueuedCalls
        {
            get { return _outgoingCount; }
        }

        public long DroppedInboundFrames
        {
            get { return _inbound.Dropped; }
        }

        public long OversizeFrames
        {
            get { return _oversizeFrames; }
        }

        /// <summary>CALLRESULT/CALLERROR frames that matched no outstanding CALL (late or unknown).</summary>
        public long DroppedResults
        {
            get { return _droppedResults; }
        }

        /// <summary>Tick time of the last frame taken from the inbound queue, or -1.</summary>
        public long LastReceiveMs
        {
            get { return _lastReceiveMs; }
        }

        /// <summary>Registers the handler of a CSMS-initiated action with the schema its request must pass.</summary>
        public void Register(string action, SchemaNode requestSchema, IIncomingCallHandler handler)
        {
            _handlers[action] = handler;
            _schemas[action] = requestSchema;
        }

        /// <summary>
        /// Registers a handler with a factory for its request schema: the tree is built when a request
        /// arrives and the two most recent are kept, so the heap holds two trees, not one per action.
        /// </summary>
        public void Register(string action, SchemaFactory requestSchema, IIncomingCallHandler handler)
        {
            _handlers[action] = handler;
            _schemas[action] = requestSchema;
        }

        /// <summary>Request schemas built from a factory since start (each cache miss builds one).</summary>
        public int SchemasBuilt
        {
            get { return _schemasBuilt; }
        }

        /// <summary>An action the station knows but does not support: answered NotSupported, not NotImplemented.</summary>
        public void RegisterNotSupported(string action)
        {
            _notSupported[action] = action;
        }

        /// <summary>
        /// Queues a station-initiated CALL. False (and logged) when the queue is full; the caller
        /// keeps ownership of what it could not send.
        /// </summary>
        public bool Call(string action, string payloadJson, SchemaNode responseSchema, ICallResultHandler handler, object context, SendPermission permission)
        {
            return !QueueFull(action) && Enqueue(new OutgoingCall(action, payloadJson, responseSchema, handler, context, permission));
        }

        /// <summary>
        /// Queues a station-initiated CALL whose response schema is built when the answer arrives:
        /// a service then holds no schema tree, and queued CALLs hold none either (README, memory).
        /// </summary>
        public bool CallLazySchema(string action, string payloadJson, SchemaFactory responseSchema, ICallResultHandler handler, object context, SendPermission permission)
        {
            return !QueueFull(action) && Enqueue(new OutgoingCall(action, payloadJson, responseSchema, handler, context, permission));
        }

        private bool QueueFull(string action)
        {
            if (_outgoingCount < _outgoing.Length)
            {
                return false;
            }

            _log.Write(LogLevel.Warning, Component, "outgoing queue full (" + _outgoing.Length + "), " + action + " not queued");
            return true;
        }

        private bool Enqueue(OutgoingCall call)
        {
            _outgoing[(_outgoingHead + _outgoingCount) % _outgoing.Length] = call;
            _outgoingCount++;
            return true;
        }

        /// <summary>Removes queued calls of <paramref name="action"/> (a newer BootNotification supersedes older ones).</summary>
        public int RemoveQueued(string action)
        {
            int removed = 0;
            int kept = 0;
            for (int i = 0; i < _outgoingCount; i++)
            {
                OutgoingCall call = _outgoing[(_outgoingHead + i) % _outgoing.Length];
                if (call.Action == action)
                {
                    removed++;
                    continue;
                }

                _outgoing[(_outgoingHead + kept) % _outgoing.Length] = call;
                kept++;
            }

            for (int i = kept; i < _outgoingCount; i++)
            {
                _outgoing[(_outgoingHead + i) % _outgoing.Length] = null;
            }

            _outgoingCount = kept;
            return removed;
        }

        /// <summary>
        /// The connection dropped: frames received before it are discarded and the outstanding
        /// CALL fails with <see cref="RpcErrorCode.LocalConnectionLost"/>. Queued calls stay queued.
        /// </summary>
        public void OnDisconnected()
        {
            _inbound.Clear();
            OutgoingCall call = _outstanding;
            _outstanding = null;
            if (call != null)
            {
                _log.Write(LogLevel.Warning, Component, call.Action + " " + call.MessageId + " lost with the connection");
                Fail(call, RpcErrorCode.LocalConnectionLost, "connection lost before the answer");
            }
        }

        /// <summary>
        /// One slice of RPC work: up to <see cref="RpcLimits.FramesPerPump"/> received frames,
        /// the timeout of the outstanding CALL, and sending the next permitted queued CALL.
        /// </summary>
        public void Pump(long nowMs)
        {
            ReportTransportEvents();
            AnswerBusyCalls();

            for (int i = 0; i < _limits.FramesPerPump; i++)
            {
                string frame = _inbound.TryDequeue();
                if (frame == null)
                {
                    break;
                }

                _lastReceiveMs = nowMs;
                HandleFrame(frame, nowMs);
            }

            if (_outstanding != null && nowMs - _outstanding.SentAtMs >= _messageTimeoutMs)
            {
                OutgoingCall timedOut = _outstanding;
                _outstanding = null;
                _log.Write(LogLevel.Warning, Component, timedOut.Action + " " + timedOut.MessageId + " got no answer within " + _messageTimeoutMs + " ms");
                Fail(timedOut, RpcErrorCode.LocalTimeout, "no answer within MessageTimeout");
            }

            if (_outstanding == null && _socket.State == WebSocketState.Open)
            {
                SendNext(nowMs);
            }
        }

        private void ReportTransportEvents()
        {
            int oversize = System.Threading.Interlocked.Exchange(ref _pendingOversize, 0);
            if (oversize != 0)
            {
                _oversizeFrames++;
                _log.Write(LogLevel.Warning, Component, "refused a frame of " + oversize + " bytes, over the limit of " + _limits.MaxFrameChars
                    + ": the transport closes the connection with 1009 (message too big)");
            }

            long dropped = _inbound.Dropped;
            if (dropped != _reportedInboundDrops)
            {
                _log.Write(LogLevel.Warning, Component, "inbound queue full: " + (dropped - _reportedInboundDrops) + " frame(s) dropped");
                _reportedInboundDrops = dropped;
            }
        }

        private void SendNext(long nowMs)
        {
            for (int i = 0; i < _outgoingCount; i++)
            {
                int slot = (_outgoingHead + i) % _outgoing.Length;
                OutgoingCall call = _outgoing[slot];
                if (!IsPermitted(call.Permission))
                {
                    continue;
                }

                // Take it out of the ring, keeping the order of the rest.
                for (int j = i; j > 0; j--)
                {
                    _outgoing[(_outgoingHead + j) % _outgoing.Length] = _outgoing[(_outgoingHead + j - 1) % _outgoing.Length];
                }

                _outgoing[_outgoingHead] = null;
                _outgoingHead = (_outgoingHead + 1) % _outgoing.Length;
                _outgoingCount--;

                _idCounter++;
                call.MessageId = _idPrefix + _idCounter.ToString();
                _writer.Reset();
                _writer.BeginArray();
                _writer.Integer(MessageTypeCall);
                _writer.String(call.MessageId);
                _writer.String(call.Action);
                _writer.Raw(call.PayloadJson);
                _writer.EndArray();
                if (!_socket.SendText(_writer.ToString()))
                {
                    _log.Write(LogLevel.Warning, Component, call.Action + " could not be handed to the socket");
                    Fail(call, RpcErrorCode.LocalConnectionLost, "socket refused the frame");
                    return;
                }

                call.SentAtMs = nowMs;
                _outstanding = call;
                return;
            }
        }

        private bool IsPermitted(SendPermission permission)
        {
            switch (_registration)
            {
                case RegistrationState.Accepted:
                    return true;
                case RegistrationState.Pending:
                    return permission != SendPermission.RequiresAccepted;
                default:
                    return permission == SendPermission.Always;
            }
        }

        private void HandleFrame(string frame, long nowMs)
        {
            JsonValue message;
            try
            {
                message = _parser.Parse(frame);
            }
            catch (JsonException e)
            {
                HandleUnparsableFrame(frame, e);
                return;
            }

            if (message.Kind != JsonValueKind.Array || message.Count < 3
                || message[0].Kind != JsonValueKind.Number || message[1].Kind != JsonValueKind.String
                || message[1].Text.Length > MaxMessageIdLength)
            {
                string id = message.Kind == JsonValueKind.Array && message.Count > 1 && message[1].Kind == JsonValueKind.String
                    && message[1].Text.Length <= MaxMessageIdLength ? message[1].Text : UnreadableMessageId;
                _log.Write(LogLevel.Warning, Component, "frame is not an OCPP-J message");
                SendError(id, RpcErrorCode.RpcFrameworkError, "not an OCPP-J message: expected [type, messageId, ...]");
                return;
            }

            string messageId = message[1].Text;
            long type;
            if (!JsonNumber.TryParseInteger(message[0].Text, out type))
            {
                SendError(messageId, RpcErrorCode.RpcFrameworkError, "message type is not an integer");
                return;
            }

            // Compared as a long: truncating 4294967298 to an int made it a CALL (issue 13).
            if (type == MessageTypeCall)
            {
                HandleCall(message, messageId, frame.Length, nowMs);
            }
            else if (type == MessageTypeCallResult)
            {
                HandleCallResult(message, messageId);
            }
            else if (type == MessageTypeCallError)
            {
                HandleCallError(message, messageId);
            }
            else
            {
                _log.Write(LogLevel.Warning, Component, "message type " + type + " not supported");
                SendError(messageId, RpcErrorCode.MessageTypeNotSupported, "message type " + type + " is not supported");
            }
        }

        /// <summary>
        /// A frame the parser refused (bad syntax, nesting over the limit, duplicate names, a lone surrogate
        /// escape). When its head [type, "messageId" still reads, the reply echoes that id (OCPP-J 2.0.1
        /// section 4.2.3: the CALLERROR carries the id of the CALL) with FormatViolation, the code for a
        /// syntactically incorrect payload; only a frame whose id cannot be read gets "-1" and RpcFrameworkError.
        /// A broken CALLRESULT or CALLERROR for the outstanding CALL fails that CALL instead of being answered.
        /// </summary>
        private void HandleUnparsableFrame(string frame, JsonException e)
        {
            string reason = e.Message;
            long type;
            bool integerType;
            string id = ReadFrameHead(frame, out type, out integerType);
            if (id == null)
            {
                _log.Write(LogLevel.Warning, Component, "frame is not JSON: " + reason);
                SendError(UnreadableMessageId, RpcErrorCode.RpcFrameworkError, "not valid JSON: " + reason);
                return;
            }

            if (!integerType)
            {
                SendError(id, RpcErrorCode.RpcFrameworkError, "message type is not an integer");
                return;
            }

            if (type == MessageTypeCall)
            {
                _log.Write(LogLevel.Warning, Component, "CALL " + id + " is not valid JSON: " + reason);
                SendError(id, RpcErrorCode.FormatViolation, "payload is not valid JSON: " + reason);
                return;
            }

            if (type == MessageTypeCallResult || type == MessageTypeCallError)
            {
                OutgoingCall call = TakeOutstanding(id, type == MessageTypeCallResult ? "CALLRESULT" : "CALLERROR");
                if (call != null)
                {
                    _log.Write(LogLevel.Warning, Component, call.Action + " answer is not valid JSON: " + reason);
                    Fail(call, RpcErrorCode.LocalInvalidResult, "answer is not valid JSON");
                }

                return;
            }

            _log.Write(LogLevel.Warning, Component, "message type " + type + " not supported");
            SendError(id, RpcErrorCode.MessageTypeNotSupported, "message type " + type + " is not supported");
        }

        /// <summary>
        /// The message id of a frame that starts with [number, "id", or null when its head does not read;
        /// <paramref name="integerType"/> tells whether the number is an integer within the long range.
        /// </summary>
        private string ReadFrameHead(string frame, out long type, out bool integerType)
        {
            type = 0;
            integerType = false;
            try
            {
                // The head is [type, "id": a short prefix holds it, and copying only that keeps this cheap.
                _headReader.Start(frame.Length > FrameHeadChars ? frame.Substring(0, FrameHeadChars) : frame);
                if (_headReader.Read() != JsonTokenType.StartArray || _headReader.Read() != JsonTokenType.Number)
                {
                    return null;
                }

                integerType = JsonNumber.TryParseInteger(_headReader.Value, out type);

                if (_headReader.Read() != JsonTokenType.String)
                {
                    return null;
                }

                string id = _headReader.Value;
                return id.Length <= MaxMessageIdLength ? id : null;
            }
            catch (JsonException)
            {
                return null;
            }
            finally
            {
                _headReader.Release();
            }
        }

        private void HandleCall(JsonValue message, string messageId, int frameLength, long nowMs)
        {
            if (message.Count != 4 || message[2].Kind != JsonValueKind.String)
            {
                SendError(messageId, RpcErrorCode.ProtocolError, "a CALL is [2, messageId, action, payload]");
                return;
            }

            string action = message[2].Text;
            JsonValue payload = message[3];
            IIncomingCallHandler handler = (IIncomingCallHandler)_handlers[action];
            if (handler == null)
            {
                bool known = _notSupported.Contains(action);
                _log.Write(LogLevel.Info, Component, action + (known ? " is not supported" : " is not a known action"));
                SendError(messageId, known ? RpcErrorCode.NotSupported : RpcErrorCode.NotImplemented,
                    action + (known ? " is not supported by this station" : " is not implemented"));
                return;
            }

            if (payload.Kind != JsonValueKind.Object)
            {
                SendError(messageId, RpcErrorCode.FormatViolation, action + " payload must be a JSON object");
                return;
            }

            // B03.FR.08: while Rejected the CSMS may only trigger a new BootNotification; anything
            // else is refused rather than acted on by a station the CSMS has not admitted.
            if (_registration == RegistrationState.Rejected
                && !(action == "TriggerMessage" && payload.GetString("requestedMessage") == "BootNotification"))
            {
                _log.Write(LogLevel.Warning, Component, action + " refused: registration was Rejected");
                SendError(messageId, RpcErrorCode.SecurityError, "registration Rejected: only TriggerMessage BootNotification is accepted");
                return;
            }

            SchemaViolation violation = SchemaValidator.Validate(payload, RequestSchemaFor(action));
            if (violation != null)
            {
                _log.Write(LogLevel.Warning, Component, action + " " + messageId + " refused: " + violation.Description);
                SendError(messageId, violation.ErrorCode, violation.Description);
                return;
            }

            _writer.Reset();
            _writer.BeginArray();
            _writer.Integer(MessageTypeCallResult);
            _writer.String(messageId);
            _incoming.Begin(messageId, action, payload, frameLength, nowMs);
            try
            {
                handler.Handle(_incoming);
            }
            catch (JsonLimitException e)
            {
                _log.Write(LogLevel.Error, Component, action + " response over the frame limit: " + e.Message);
                SendError(messageId, RpcErrorCode.InternalError, "response too large for the frame limit");
                return;
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, Component, action + " handler failed: " + e.Message);
                SendError(messageId, RpcErrorCode.InternalError, action + " failed inside the station");
                return;
            }

            if (_incoming.IsRejected)
            {
                SendError(messageId, _incoming.RejectCode, _incoming.RejectDescription);
                return;
            }

            if (_writer.Depth != 1)
            {
                _log.Write(LogLevel.Error, Component, action + " handler left an incomplete response");
                SendError(messageId, RpcErrorCode.InternalError, action + " produced no complete response");
                return;
            }

            _writer.EndArray();
            Send(_writer.ToString());
        }

        private void HandleCallResult(JsonValue message, string messageId)
        {
            OutgoingCall call = TakeOutstanding(messageId, "CALLRESULT");
            if (call == null)
            {
                return;
            }

            if (message.Count != 3 || message[2].Kind != JsonValueKind.Object)
            {
                _log.Write(LogLevel.Warning, Component, call.Action + " result is not [3, messageId, payload]");
                Fail(call, RpcErrorCode.LocalInvalidResult, "malformed CALLRESULT");
                return;
            }

            SchemaNode responseSchema = call.ResponseSchema != null ? call.ResponseSchema : ResponseSchemaFor(call);
            if (responseSchema != null)
            {
                SchemaViolation violation = SchemaValidator.Validate(message[2], responseSchema);
                if (violation != null)
                {
                    _log.Write(LogLevel.Warning, Component, call.Action + " result refused: " + violation.Description);
                    Fail(call, RpcErrorCode.LocalInvalidResult, violation.Description);
                    return;
                }
            }

            if (call.Handler != null)
            {
                call.Handler.OnCallResult(call, message[2]);
            }
        }

        private void HandleCallError(JsonValue message, string messageId)
        {
            OutgoingCall call = TakeOutstanding(messageId, "CALLERROR");
            if (call == null)
            {
                return;
            }

            string code = message.Count > 2 && message[2].Kind == JsonValueKind.String ? message[2].Text : RpcErrorCode.GenericError;
            string description = message.Count > 3 && message[3].Kind == JsonValueKind.String ? message[3].Text : "";
            _log.Write(LogLevel.Warning, Component, call.Action + " " + messageId + " answered " + code + ": " + description);
            Fail(call, code, description);
        }

        private OutgoingCall TakeOutstanding(string messageId, string kind)
        {
            if (_outstanding == null || _outstanding.MessageId != messageId)
            {
                // OCPP-J: a result for no pending CALL (late after a timeout, or unknown) is dropped.
                _droppedResults++;
                _log.Write(LogLevel.Warning, Component, kind + " " + messageId + " matches no pending call; dropped");
                return null;
            }

            OutgoingCall call = _outstanding;
            _outstanding = null;
            return call;
        }

        private void Fail(OutgoingCall call, string code, string description)
        {
            if (call.Handler == null)
            {
                return;
            }

            try
            {
                call.Handler.OnCallFailed(call, code, description);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, Component, call.Action + " failure handler threw: " + e.Message);
            }
        }

        /// <summary>The response schema of a CALL that carries a factory; the most recent one is kept.</summary>
        private SchemaNode ResponseSchemaFor(OutgoingCall call)
        {
            SchemaFactory factory = call.ResponseSchemaFactory;
            if (factory == null)
            {
                return null;
            }

            if (call.Action != _recentResponseAction)
            {
                _recentResponseSchema = factory();
                _recentResponseAction = call.Action;
                _schemasBuilt++;
            }

            return _recentResponseSchema;
        }

        private SchemaNode RequestSchemaFor(string action)
        {
            object registered = _schemas[action];
            SchemaFactory factory = registered as SchemaFactory;
            if (factory == null)
            {
                return (SchemaNode)registered;
            }

            if (action == _recentAction)
            {
                return _recentSchema;
            }

            SchemaNode schema;
            if (action == _previousAction)
            {
                schema = _previousSchema;
            }
            else
            {
                schema = factory();
                _schemasBuilt++;
            }

            _previousAction = _recentAction;
            _previousSchema = _recentSchema;
            _recentAction = action;
            _recentSchema = schema;
            return schema;
        }

        /// <summary>
        /// Frames refused as not valid OCPP (framework, format, protocol, type and constraint violations),
        /// since start: the security event InvalidMessages counts these.
        /// </summary>
        public long InvalidFramesReceived
        {
            get { return _invalidFrames; }
        }

        private void SendError(string messageId, string code, string description)
        {
            if (code != RpcErrorCode.NotImplemented && code != RpcErrorCode.NotSupported && code != RpcErrorCode.InternalError
                && code != RpcErrorCode.GenericError && code != RpcErrorCode.SecurityError)
            {
                _invalidFrames++;
            }

            // Cut outside a surrogate pair: half a pair is not valid UTF-8 on the wire (issue 13).
            description = JsonWriter.Truncate(description, MaxErrorDescriptionLength);

            _writer.Reset();
            _writer.BeginArray();
            _writer.Integer(MessageTypeCallError);
            _writer.String(messageId);
            _writer.String(code);
            _writer.String(description);
            _writer.BeginObject();
            _writer.EndObject();
            _writer.EndArray();
            Send(_writer.ToString());
        }

        private void Send(string frame)
        {
            if (!_socket.SendText(frame))
            {
                _log.Write(LogLevel.Warning, Component, "answer could not be sent: socket not open");
            }
        }

        private void OnTextReceived(string text)
        {
            // Transport thread: enqueue only. A CALL that does not fit leaves its id for a
            // CALLERROR from the tick; the transport thread never sends.
            if (!_inbound.TryEnqueue(text))
            {
                string id = TryReadCallId(text);
                if (id != null)
                {
                    _busyCallIds.TryEnqueue(id);
                }
            }
        }

        private void AnswerBusyCalls()
        {
            string id;
            while ((id = _busyCallIds.TryDequeue()) != null)
            {
                _log.Write(LogLevel.Warning, Component, "CALL " + id + " refused: inbound queue of " + _inbound.Capacity + " frames full");
                SendError(id, RpcErrorCode.GenericError, "station busy: inbound queue full, send again later");
            }

            long lost = _busyCallIds.Dropped;
            if (lost != _reportedBusyDrops)
            {
                _log.Write(LogLevel.Error, Component, (lost - _reportedBusyDrops) + " CALL(s) could not even be refused: raise RpcLimits.BusyReplyIds");
                _reportedBusyDrops = lost;
            }
        }

        /// <summary>The message id of a CALL frame ([2,"id",...]), or null; a cheap scan, no JSON parse.</summary>
        public static string TryReadCallId(string frame)
        {
            int i = SkipSpace(frame, 0);
            if (i >= frame.Length || frame[i] != '[')
            {
                return null;
            }

            i = SkipSpace(frame, i + 1);
            if (i >= frame.Length || frame[i] != '2')
            {
                return null;
            }

            i = SkipSpace(frame, i + 1);
            if (i >= frame.Length || frame[i] != ',')
            {
                return null;
            }

            i = SkipSpace(frame, i + 1);
            if (i >= frame.Length || frame[i] != '"')
            {
                return null;
            }

            int end = frame.IndexOf('"', i + 1);
            if (end < 0 || end - i - 1 > MaxMessageIdLength || frame.IndexOf('\\', i + 1, end - i - 1) >= 0)
            {
                return null;
            }

            return frame.Substring(i + 1, end - i - 1);
        }

        private static int SkipSpace(string s, int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            {
                i++;
            }

            return i;
        }

        private void OnOversize(int frameLengthBytes)
        {
            System.Threading.Interlocked.Exchange(ref _pendingOversize, frameLengthBytes);
        }

        private static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
