using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The simulator's own OCPP 2.0.1 central system, independent of the station-side code so it
    /// can judge it. Transport-neutral: a loopback socket in virtual time or the real WebSocket
    /// server (<see cref="CsmsWebSocketServer"/>) calls <see cref="OnConnected"/>,
    /// <see cref="OnFrame"/> and <see cref="OnDisconnected"/>, and takes the frames for the
    /// station from <see cref="FrameSink"/> (or <see cref="TakeOutbound"/> when no sink is set).
    /// Time comes only from the <see cref="CsmsClock"/>; call <see cref="Tick"/> as time passes
    /// so CALL timeouts fire. Thread-safe: every entry point takes one lock.
    /// </summary>
    public sealed class BuiltInCsms
    {
        /// <summary>OCPP-J 2.0.1 Part 4 4.1.3: a messageId is at most 36 characters.</summary>
        public const int MessageIdMaxLength = 36;

        /// <summary>OCPP-J 2.0.1 Part 4 4.2.3: errorDescription is at most 255 characters.</summary>
        public const int ErrorDescriptionMaxLength = 255;

        /// <summary>OCPP-J 2.0.1 Part 4 3.1.1: a charging station identity is at most 48 characters.</summary>
        public const int StationIdMaxLength = 48;

        /// <summary>The messageId a CALLERROR carries when the offending frame's id could not be read.</summary>
        public const string UnreadableMessageId = "-1";

        private readonly object _sync = new object();
        private readonly StationRequestHandler _handler;
        private readonly Dictionary<string, StationRecord> _stations = new Dictionary<string, StationRecord>(StringComparer.Ordinal);
        private readonly Dictionary<string, TransactionRecord> _transactions = new Dictionary<string, TransactionRecord>(StringComparer.Ordinal);
        private readonly List<TransactionRecord> _transactionOrder = new List<TransactionRecord>();
        private readonly List<CsmsCall> _calls = new List<CsmsCall>();
        private readonly Dictionary<string, Queue<CsmsCall>> _queuedCalls = new Dictionary<string, Queue<CsmsCall>>(StringComparer.Ordinal);
        private readonly Dictionary<string, CsmsCall> _outstanding = new Dictionary<string, CsmsCall>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _solicited = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly List<FrameLogEntry> _frameLog = new List<FrameLogEntry>();
        private readonly Dictionary<string, int> _receivedCalls = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _sentCalls = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<ConnectionAttempt> _attempts = new List<ConnectionAttempt>();
        private readonly List<KeyValuePair<string, string>> _pendingOut = new List<KeyValuePair<string, string>>();
        private readonly Dictionary<string, Queue<string>> _outboxes = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        private long _nextMessageNumber = 1;
        private bool _flushing;

        public BuiltInCsms(CsmsOptions options, CsmsClock clock, TokenRegistry tokens)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Tokens = tokens ?? TokenRegistry.WithDefaults();
            _handler = new StationRequestHandler(Options, Tokens, Clock, TransactionFor);
        }

        /// <summary>Default tokens (RFID-0001..RFID-0005); time from <paramref name="nowMs"/> after <paramref name="epochUtc"/>.</summary>
        public BuiltInCsms(CsmsOptions options, Func<long> nowMs, DateTime epochUtc)
            : this(options, new CsmsClock(nowMs, epochUtc), null)
        {
        }

        public CsmsOptions Options { get; }

        /// <summary>The CSMS's own HTTP server in virtual time: GetLog uploads land here (N01).</summary>
        public Charger.Hal.Sim.Network.SimHttpServer HttpServer { get; } = new Charger.Hal.Sim.Network.SimHttpServer();

        /// <summary>The URL of <see cref="HttpServer"/> a GetLog names.</summary>
        public const string LogUploadUrl = "http://csms.sim/logs";

        public CsmsClock Clock { get; }

        public TokenRegistry Tokens { get; }

        /// <summary>
        /// Receives every frame for a station: (stationId, frame). Called with the CSMS lock held,
        /// in order; it must only enqueue (a frame it feeds back into <see cref="OnFrame"/> from
        /// the same thread is processed after the current one). When null, frames wait in a
        /// per-station outbox for <see cref="TakeOutbound"/>.
        /// </summary>
        public Action<string, string> FrameSink { get; set; }

        /// <summary>Sees every logged frame as it happens (for the simulator's JSON-lines event log).</summary>
        public Action<FrameLogEntry> FrameObserver { get; set; }

        /// <summary>Frames not kept in the frame log because it reached CsmsOptions.MaxFrameLogEntries.</summary>
        public int DroppedLogEntries { get; private set; }

        public ConnectionVerdict OnConnected(string stationId, string subprotocol, string basicAuthUser, string basicAuthPassword)
        {
            lock (_sync)
            {
                ConnectionVerdict verdict = Judge(stationId, subprotocol, basicAuthUser, basicAuthPassword);
                _attempts.Add(new ConnectionAttempt(Clock.NowMs, stationId, subprotocol, verdict));
                if (verdict.Accepted)
                {
                    StationRecord station = StationFor(stationId);
                    if (station.Connected)
                    {
                        // A station that reconnects before we saw the old socket close: the old one is gone.
                        LoseConnection(station, "replaced by a new connection");
                    }

                    station.Connected = true;
                    station.ConnectCount++;
                    PumpCalls(station);
                    Flush();
                }

                return verdict;
            }
        }

        public void OnDisconnected(string stationId)
        {
            lock (_sync)
            {
                StationRecord station;
                if (_stations.TryGetValue(stationId, out station) && station.Connected)
                {
                    LoseConnection(station, "connection closed");
                    Flush();
                }
            }
        }

        /// <summary>One text frame from a connected station.</summary>
        public void OnFrame(string stationId, string frame)
        {
            lock (_sync)
            {
                StationRecord station;
                if (!_stations.TryGetValue(stationId, out station) || !station.Connected)
                {
                    throw new InvalidOperationException("frame from station '" + stationId +
                        "' which is not connected to the CSMS (call OnConnected first): " + Shorten(frame));
                }

                Process(station, frame);
                PumpCalls(station);
                Flush();
            }
        }

        /// <summary>Lets time act: outstanding CALLs past CsmsOptions.CallTimeoutMs end TimedOut, queued ones move on.</summary>
        public void Tick()
        {
            lock (_sync)
            {
                long nowMs = Clock.NowMs;
                foreach (StationRecord station in _stations.Values.ToList())
                {
                    CsmsCall call;
                    if (_outstanding.TryGetValue(station.StationId, out call) && nowMs - call.SentAtMs >= Options.CallTimeoutMs)
                    {
                        Finish(call, CsmsCallState.TimedOut, null, "Timeout",
                            "no answer within " + Options.CallTimeoutMs + " ms");
                    }

                    PumpCalls(station);
                }

                Flush();
            }
        }

        /// <summary>
        /// Queues a CSMS-initiated CALL. It goes out when the station is connected, registered
        /// (Accepted, or Pending: B02 lets the CSMS configure a Pending station) and has no other
        /// CALL from us outstanding. <paramref name="onFinished"/> runs once with the outcome.
        /// </summary>
        public CsmsCall Send(string stationId, CsmsRequest request, Action<CsmsCall> onFinished = null)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            lock (_sync)
            {
                StationRecord station = StationFor(stationId);
                Queue<CsmsCall> queue = QueueFor(stationId);
                if (queue.Count >= Options.MaxQueuedCallsPerStation)
                {
                    throw new InvalidOperationException("CSMS call queue for station '" + stationId + "' is full (" +
                        Options.MaxQueuedCallsPerStation + " calls waiting); " + request.Action + " not queued");
                }

                if (request.Action == "RequestStartTransaction")
                {
                    AcceptRemoteStartToken(request.Payload);
                }

                string messageId = "csms-" + _nextMessageNumber++;
                var call = new CsmsCall(stationId, messageId, request, Clock.NowMs, onFinished);
                _calls.Add(call);
                queue.Enqueue(call);
                PumpCalls(station);
                Flush();
                return call;
            }
        }

        /// <summary>Frames waiting for the station when no <see cref="FrameSink"/> is set, oldest first; empties the outbox.</summary>
        public string[] TakeOutbound(string stationId)
        {
            lock (_sync)
            {
                Queue<string> outbox;
                if (!_outboxes.TryGetValue(stationId, out outbox) || outbox.Count == 0)
                {
                    return new string[0];
                }

                string[] frames = outbox.ToArray();
                outbox.Clear();
                return frames;
            }
        }

        public StationRecord Station(string stationId)
        {
            lock (_sync)
            {
                StationRecord station;
                return _stations.TryGetValue(stationId, out station) ? station : null;
            }
        }

        public IReadOnlyList<StationRecord> Stations
        {
            get
            {
                lock (_sync)
                {
                    return _stations.Values.ToList();
                }
            }
        }

        /// <summary>All transactions in the order their first event arrived.</summary>
        public IReadOnlyList<TransactionRecord> Transactions
        {
            get
            {
                lock (_sync)
                {
                    return _transactionOrder.ToList();
                }
            }
        }

        public TransactionRecord Transaction(string stationId, string transactionId)
        {
            lock (_sync)
            {
                TransactionRecord record;
                return _transactions.TryGetValue(Key(stationId, transactionId), out record) ? record : null;
            }
        }

        /// <summary>The first transaction with this id at any station; null when none.</summary>
        public TransactionRecord FindTransaction(string transactionId)
        {
            lock (_sync)
            {
                return _transactionOrder.FirstOrDefault(t => t.TransactionId == transactionId);
            }
        }

        /// <summary>The station's most recently started transaction record; null when none.</summary>
        public TransactionRecord LatestTransaction(string stationId)
        {
            lock (_sync)
            {
                return _transactionOrder.LastOrDefault(t => t.StationId == stationId);
            }
        }

        public bool IsTransactionEnded(string transactionId)
        {
            TransactionRecord record = FindTransaction(transactionId);
            return record != null && record.Ended;
        }

        /// <summary>TransactionEvents received; stationId and eventType (Started/Updated/Ended) null for all.</summary>
        public int CountTransactionEvents(string stationId = null, string eventType = null)
        {
            lock (_sync)
            {
                return _transactionOrder
                    .Where(t => stationId == null || t.StationId == stationId)
                    .Sum(t => t.Events.Count(e => eventType == null || e.EventType == eventType));
            }
        }

        /// <summary>Events that repeated a seqNo already received, over all transactions.</summary>
        public int DuplicateEventCount
        {
            get
            {
                lock (_sync)
                {
                    return _transactionOrder.Sum(t => t.DuplicateSeqNos.Count);
                }
            }
        }

        /// <summary>seqNos that never arrived, over all transactions.</summary>
        public int MissingSeqNoCount
        {
            get
            {
                lock (_sync)
                {
                    return _transactionOrder.Sum(t => t.MissingSeqNos.Count);
                }
            }
        }

        public bool EnergyNeverDecreases
        {
            get
            {
                lock (_sync)
                {
                    return _transactionOrder.All(t => t.EnergyNeverDecreases);
                }
            }
        }

        /// <summary>CALLs of this action the stations sent to the CSMS.</summary>
        public int CountReceivedCalls(string action)
        {
            lock (_sync)
            {
                int count;
                return _receivedCalls.TryGetValue(action, out count) ? count : 0;
            }
        }

        /// <summary>CALLs of this action the CSMS sent to stations.</summary>
        public int CountSentCalls(string action)
        {
            lock (_sync)
            {
                int count;
                return _sentCalls.TryGetValue(action, out count) ? count : 0;
            }
        }

        public IReadOnlyDictionary<string, int> ReceivedCallsByAction
        {
            get
            {
                lock (_sync)
                {
                    return new SortedDictionary<string, int>(_receivedCalls, StringComparer.Ordinal);
                }
            }
        }

        public IReadOnlyDictionary<string, int> SentCallsByAction
        {
            get
            {
                lock (_sync)
                {
                    return new SortedDictionary<string, int>(_sentCalls, StringComparer.Ordinal);
                }
            }
        }

        public IReadOnlyList<FrameLogEntry> FrameLog
        {
            get
            {
                lock (_sync)
                {
                    return _frameLog.ToList();
                }
            }
        }

        /// <summary>Every CALL the CSMS was asked to send, in the order it was asked.</summary>
        public IReadOnlyList<CsmsCall> Calls
        {
            get
            {
                lock (_sync)
                {
                    return _calls.ToList();
                }
            }
        }

        public IReadOnlyList<ConnectionAttempt> ConnectionAttempts
        {
            get
            {
                lock (_sync)
                {
                    return _attempts.ToList();
                }
            }
        }

        /// <summary>The CALL waiting for the station's answer; null when none.</summary>
        public CsmsCall OutstandingCall(string stationId)
        {
            lock (_sync)
            {
                CsmsCall call;
                return _outstanding.TryGetValue(stationId, out call) ? call : null;
            }
        }

        public int QueuedCallCount(string stationId)
        {
            lock (_sync)
            {
                Queue<CsmsCall> queue;
                return _queuedCalls.TryGetValue(stationId, out queue) ? queue.Count : 0;
            }
        }

        /// <summary>The text block for the simulator's final report.</summary>
        public string Summary()
        {
            lock (_sync)
            {
                return CsmsSessionSummary.Build(this);
            }
        }

        private ConnectionVerdict Judge(string stationId, string subprotocol, string user, string password)
        {
            if (string.IsNullOrEmpty(stationId))
            {
                return ConnectionVerdict.Refuse(ConnectionVerdict.BadRequest,
                    "no station id in the URL: connect to <csms url>/<stationId>");
            }

            if (stationId.Length > StationIdMaxLength || stationId.IndexOf(':') >= 0)
            {
                // OCPP-J 2.0.1 Part 4 3.1.1: the identity is an identifierString of at most 48
                // characters, without ':' (it would break the HTTP Basic user-id).
                return ConnectionVerdict.Refuse(ConnectionVerdict.BadRequest,
                    "station id '" + stationId + "' is not a valid OCPP identity (at most " + StationIdMaxLength +
                    " characters, no ':')");
            }

            bool offered = subprotocol != null && subprotocol
                .Split(',')
                .Select(p => p.Trim())
                .Contains(CsmsOptions.Subprotocol, StringComparer.Ordinal);
            if (!offered)
            {
                return ConnectionVerdict.Refuse(ConnectionVerdict.BadRequest,
                    "subprotocol " + CsmsOptions.Subprotocol + " required, station offered " +
                    (string.IsNullOrEmpty(subprotocol) ? "none" : "'" + subprotocol + "'"));
            }

            if (string.IsNullOrEmpty(Options.BasicAuthPassword))
            {
                return ConnectionVerdict.Accept();
            }

            if (user == null)
            {
                return ConnectionVerdict.Refuse(ConnectionVerdict.Unauthorized,
                    "HTTP Basic credentials required (security profile 1/2), none sent");
            }

            if (user != stationId)
            {
                // OCPP 2.0.1 Part 2 security profiles 1 and 2: the Basic auth user name is the station identity.
                return ConnectionVerdict.Refuse(ConnectionVerdict.Unauthorized,
                    "HTTP Basic user '" + user + "' is not the station id '" + stationId + "'");
            }

            if (password != Options.BasicAuthPassword)
            {
                return ConnectionVerdict.Refuse(ConnectionVerdict.Unauthorized,
                    "wrong HTTP Basic password for station '" + stationId + "'");
            }

            return ConnectionVerdict.Accept();
        }

        private void Process(StationRecord station, string frame)
        {
            long nowMs = Clock.NowMs;
            JsonNode root;
            try
            {
                root = JsonNode.Parse(frame);
            }
            catch (JsonException ex)
            {
                LogIn(station, 0, null, null, frame, nowMs);
                SendError(station, UnreadableMessageId, null, OcppErrorCodes.RpcFrameworkError, "frame is not JSON: " + ex.Message);
                return;
            }

            JsonArray array = root as JsonArray;
            string messageId = array != null && array.Count >= 2 ? ReadMessageId(array[1]) : null;
            int typeId = array != null && array.Count >= 1 ? ReadTypeId(array[0]) : 0;
            if (array == null || messageId == null || typeId == 0)
            {
                LogIn(station, 0, messageId, null, frame, nowMs);
                SendError(station, messageId ?? UnreadableMessageId, null, OcppErrorCodes.RpcFrameworkError,
                    "not an OCPP-J message: expected [messageTypeId, \"messageId\" (1-" + MessageIdMaxLength +
                    " characters), ...]");
                return;
            }

            switch (typeId)
            {
                case 2:
                    ProcessCall(station, array, messageId, frame, nowMs);
                    return;
                case 3:
                case 4:
                    ProcessAnswer(station, array, typeId, messageId, frame, nowMs);
                    return;
                default:
                    LogIn(station, typeId, messageId, null, frame, nowMs);
                    SendError(station, messageId, null, OcppErrorCodes.MessageTypeNotSupported,
                        "message type " + typeId + " is not CALL (2), CALLRESULT (3) or CALLERROR (4)");
                    return;
            }
        }

        private void ProcessCall(StationRecord station, JsonArray array, string messageId, string frame, long nowMs)
        {
            string action = array.Count == 4 && array[2] != null && array[2].GetValueKind() == JsonValueKind.String
                ? array[2].GetValue<string>()
                : null;
            LogIn(station, 2, messageId, action, frame, nowMs);
            if (action == null)
            {
                SendError(station, messageId, null, OcppErrorCodes.RpcFrameworkError,
                    "a CALL is [2, \"messageId\", \"Action\", {payload}]: " + array.Count + " elements or no action name");
                return;
            }

            Increment(_receivedCalls, action);
            if (!StationRequestHandler.Knows(action))
            {
                SendError(station, messageId, action, OcppErrorCodes.NotImplemented, "the CSMS does not know action " + action);
                return;
            }

            JsonObject payload = array[3] as JsonObject;
            if (payload == null)
            {
                SendError(station, messageId, action, OcppErrorCodes.FormatViolation,
                    "the payload of " + action + " must be a JSON object");
                return;
            }

            JsonObject response;
            try
            {
                response = _handler.Answer(station, action, payload, IsSolicited(station.StationId, action));
            }
            catch (OcppCallErrorException ex)
            {
                SendError(station, messageId, action, ex.ErrorCode, action + ": " + ex.Description);
                return;
            }

            if (action == "BootNotification" && station.RegistrationStatus == "Accepted")
            {
                SolicitedFor(station.StationId).Clear();
            }

            Emit(station, 3, messageId, action, new JsonArray(3, messageId, response).ToJsonString());
        }

        private void ProcessAnswer(StationRecord station, JsonArray array, int typeId, string messageId, string frame, long nowMs)
        {
            CsmsCall call;
            _outstanding.TryGetValue(station.StationId, out call);
            bool matches = call != null && call.MessageId == messageId;
            LogIn(station, typeId, messageId, matches ? call.Action : null, frame, nowMs);
            if (!matches)
            {
                // OCPP-J: an answer to no outstanding CALL (late after a timeout, or never sent) is dropped.
                station.AddAnomaly(nowMs + " ms: " + (typeId == 3 ? "CALLRESULT" : "CALLERROR") + " for message id '" +
                    messageId + "' which no CALL is waiting for (late or unknown); dropped");
                return;
            }

            if (typeId == 3)
            {
                JsonObject payload = array.Count == 3 ? array[2] as JsonObject : null;
                if (payload == null)
                {
                    station.AddAnomaly(nowMs + " ms: malformed CALLRESULT for " + call.Action + " [" + messageId +
                        "]: expected [3, \"messageId\", {payload}]");
                    Finish(call, CsmsCallState.Failed, null, OcppErrorCodes.FormatViolation,
                        "malformed CALLRESULT: " + Shorten(frame));
                    return;
                }

                Finish(call, CsmsCallState.Completed, (JsonObject)payload.DeepClone(), null, null);
                return;
            }

            string errorCode = array.Count >= 3 && array[2] != null && array[2].GetValueKind() == JsonValueKind.String
                ? array[2].GetValue<string>()
                : null;
            string description = array.Count >= 4 && array[3] != null && array[3].GetValueKind() == JsonValueKind.String
                ? array[3].GetValue<string>()
                : string.Empty;
            if (errorCode == null || array.Count != 5)
            {
                station.AddAnomaly(nowMs + " ms: malformed CALLERROR for " + call.Action + " [" + messageId +
                    "]: expected [4, \"messageId\", \"errorCode\", \"errorDescription\", {errorDetails}]");
            }

            Finish(call, CsmsCallState.Failed, null, errorCode ?? OcppErrorCodes.RpcFrameworkError, description);
        }

        private void PumpCalls(StationRecord station)
        {
            while (station.Connected && !_outstanding.ContainsKey(station.StationId) && MaySendTo(station))
            {
                Queue<CsmsCall> queue = QueueFor(station.StationId);
                if (queue.Count == 0)
                {
                    return;
                }

                CsmsCall call = queue.Dequeue();
                call.State = CsmsCallState.Sent;
                call.SentAtMs = Clock.NowMs;
                _outstanding[station.StationId] = call;
                Increment(_sentCalls, call.Action);
                Solicit(station.StationId, call.Request);
                Emit(station, 2, call.MessageId, call.Action,
                    new JsonArray(2, call.MessageId, call.Action, call.Request.Payload.DeepClone()).ToJsonString());
            }
        }

        private static bool MaySendTo(StationRecord station)
        {
            // B03: the CSMS does not send to a Rejected station; before any BootNotification it
            // does not know whether the station is registered at all.
            return station.RegistrationStatus == "Accepted" || station.RegistrationStatus == "Pending";
        }

        private void Finish(CsmsCall call, CsmsCallState state, JsonObject result, string errorCode, string description)
        {
            call.State = state;
            call.FinishedAtMs = Clock.NowMs;
            call.Result = result;
            call.ErrorCode = errorCode;
            call.ErrorDescription = description;
            CsmsCall outstanding;
            if (_outstanding.TryGetValue(call.StationId, out outstanding) && outstanding == call)
            {
                _outstanding.Remove(call.StationId);
            }

            if (call.OnFinished != null)
            {
                call.OnFinished(call);
            }
        }

        private void LoseConnection(StationRecord station, string reason)
        {
            station.Connected = false;
            CsmsCall call;
            if (_outstanding.TryGetValue(station.StationId, out call))
            {
                Finish(call, CsmsCallState.ConnectionLost, null, "ConnectionLost", reason + " while waiting for the answer");
            }

            Queue<string> outbox;
            if (_outboxes.TryGetValue(station.StationId, out outbox))
            {
                // Frames for a socket that is gone are never delivered (a new connection starts clean).
                outbox.Clear();
            }
        }

        private void SendError(StationRecord station, string messageId, string action, string errorCode, string description)
        {
            string text = description.Length > ErrorDescriptionMaxLength
                ? description.Substring(0, ErrorDescriptionMaxLength)
                : description;
            Emit(station, 4, messageId, action, new JsonArray(4, messageId, errorCode, text, new JsonObject()).ToJsonString());
        }

        private void Emit(StationRecord station, int typeId, string messageId, string action, string frame)
        {
            AddLog(new FrameLogEntry(Clock.NowMs, Clock.NowText(), station.StationId, FrameDirection.Out, typeId, messageId,
                action, frame));
            _pendingOut.Add(new KeyValuePair<string, string>(station.StationId, frame));
        }

        private void Flush()
        {
            if (_flushing)
            {
                return;
            }

            _flushing = true;
            try
            {
                // A sink may call back into the CSMS on this thread; what that adds is delivered here too, in order.
                for (int i = 0; i < _pendingOut.Count; i++)
                {
                    KeyValuePair<string, string> item = _pendingOut[i];
                    Action<string, string> sink = FrameSink;
                    if (sink != null)
                    {
                        sink(item.Key, item.Value);
                    }
                    else
                    {
                        Queue<string> outbox;
                        if (!_outboxes.TryGetValue(item.Key, out outbox))
                        {
                            outbox = new Queue<string>();
                            _outboxes[item.Key] = outbox;
                        }

                        outbox.Enqueue(item.Value);
                    }
                }
            }
            finally
            {
                _pendingOut.Clear();
                _flushing = false;
            }
        }

        private void LogIn(StationRecord station, int typeId, string messageId, string action, string frame, long nowMs)
        {
            AddLog(new FrameLogEntry(nowMs, Clock.TextAt(nowMs), station.StationId, FrameDirection.In, typeId, messageId,
                action, frame));
        }

        private void AddLog(FrameLogEntry entry)
        {
            if (_frameLog.Count < Options.MaxFrameLogEntries)
            {
                _frameLog.Add(entry);
            }
            else
            {
                DroppedLogEntries++;
            }

            Action<FrameLogEntry> observer = FrameObserver;
            if (observer != null)
            {
                observer(entry);
            }
        }

        private void Solicit(string stationId, CsmsRequest request)
        {
            if (request.Action == "TriggerMessage")
            {
                SolicitedFor(stationId).Add(request.Payload["requestedMessage"].GetValue<string>());
            }
            else if (request.Action == "GetBaseReport" || request.Action == "GetReport")
            {
                SolicitedFor(stationId).Add("NotifyReport");
            }
        }

        private bool IsSolicited(string stationId, string action)
        {
            return SolicitedFor(stationId).Contains(action);
        }

        private HashSet<string> SolicitedFor(string stationId)
        {
            HashSet<string> solicited;
            if (!_solicited.TryGetValue(stationId, out solicited))
            {
                solicited = new HashSet<string>(StringComparer.Ordinal);
                _solicited[stationId] = solicited;
            }

            return solicited;
        }

        private void AcceptRemoteStartToken(JsonObject payload)
        {
            // F01: the CSMS vouches for the token it sends in RequestStartTransaction, so an
            // Authorize or TransactionEvent with it is Accepted unless the registry says otherwise.
            JsonObject idToken = payload["idToken"] as JsonObject;
            if (idToken == null)
            {
                return;
            }

            string token = idToken["idToken"].GetValue<string>();
            string type = idToken["type"].GetValue<string>();
            if (type != "NoAuthorization" && Tokens.Find(token) == null)
            {
                Tokens.Accept(token, type, null);
            }
        }

        private StationRecord StationFor(string stationId)
        {
            StationRecord station;
            if (!_stations.TryGetValue(stationId, out station))
            {
                station = new StationRecord(stationId);
                _stations[stationId] = station;
            }

            return station;
        }

        private Queue<CsmsCall> QueueFor(string stationId)
        {
            Queue<CsmsCall> queue;
            if (!_queuedCalls.TryGetValue(stationId, out queue))
            {
                queue = new Queue<CsmsCall>();
                _queuedCalls[stationId] = queue;
            }

            return queue;
        }

        private TransactionRecord TransactionFor(string stationId, string transactionId)
        {
            string key = Key(stationId, transactionId);
            TransactionRecord record;
            if (!_transactions.TryGetValue(key, out record))
            {
                record = new TransactionRecord(stationId, transactionId);
                _transactions[key] = record;
                _transactionOrder.Add(record);
            }

            return record;
        }

        private static string Key(string stationId, string transactionId)
        {
            return stationId + "\n" + transactionId;
        }

        private static string ReadMessageId(JsonNode node)
        {
            if (node == null || node.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            string id = node.GetValue<string>();
            return id.Length == 0 || id.Length > MessageIdMaxLength ? null : id;
        }

        private static int ReadTypeId(JsonNode node)
        {
            int typeId;
            if (node == null || node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue(out typeId))
            {
                return 0;
            }

            return typeId;
        }

        private static void Increment(Dictionary<string, int> counts, string action)
        {
            int count;
            counts.TryGetValue(action, out count);
            counts[action] = count + 1;
        }

        private static string Shorten(string frame)
        {
            const int shownChars = 120;
            return frame == null ? "(null)" : frame.Length <= shownChars ? frame : frame.Substring(0, shownChars) + "...";
        }
    }
}
