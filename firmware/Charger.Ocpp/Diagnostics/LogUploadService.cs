using System;
using System.Text;
using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Diagnostics
{
    /// <summary>
    /// GetLog (OCPP 2.0.1 N01): uploads the diagnostics log or the security log to the CSMS's URL
    /// over HTTP(S) with <see cref="IHttpTransfer"/>, one at a time, a bounded slice per tick, and
    /// reports each step as LogStatusNotification with the request's requestId.
    ///
    /// The body is HTTP POST multipart/form-data with one part, field "file", carrying the filename
    /// of the GetLogResponse and the log as UTF-8 text lines (what a CSMS's upload form takes). Its
    /// length is counted in a first pass over the lines, so the request has a Content-Length and
    /// needs no chunked encoding. Lines are filtered by oldestTimestamp / latestTimestamp and end at
    /// the newest line that existed when the attempt started.
    ///
    /// A failed attempt that is worth repeating (no connection, 5xx, other) is retried after
    /// retryInterval, at most retries times, then UploadFailure; an answer that says the request
    /// itself is wrong (400, 401, 403, 405, 501) ends the upload at once with BadMessage,
    /// PermissionDenied or NotSupportedOperation. A new GetLog cancels a running upload: its
    /// requestId gets AcceptedCanceled and the new one starts.
    /// </summary>
    public sealed class LogUploadService : IIncomingCallHandler, ICallResultHandler
    {
        public const string Action = "GetLog";
        public const string StatusAction = "LogStatusNotification";
        public const string DiagnosticsLog = "DiagnosticsLog";
        public const string SecurityLog = "SecurityLog";

        /// <summary>Retries when the request gives none (the specification leaves it to the station).</summary>
        public const int DefaultRetries = 2;

        /// <summary>Upper bound on retries, whatever the request asks: a log is not worth a day of attempts.</summary>
        public const int MaxRetries = 10;

        /// <summary>retryInterval when the request gives none, in seconds.</summary>
        public const int DefaultRetryIntervalS = 60;

        /// <summary>Log lines counted or encoded per tick: bounds the work one tick does.</summary>
        public const int LinesPerTick = 16;

        private const string Component = "ocpp.log";
        private const string Boundary = "ChargerFirmwareLogBoundary7d1f";

        private const int PhaseIdle = 0;
        private const int PhaseWaitingToRetry = 1;
        private const int PhaseCounting = 2;
        private const int PhaseSending = 3;
        private const int PhaseAwaitingAnswer = 4;

        private readonly RpcEndpoint _rpc;
        private readonly ILog _log;
        private readonly string _stationId;
        private IHttpTransfer _http;
        private ILogLineSource _diagnostics;
        private ILogLineSource _security;

        private int _phase = PhaseIdle;
        private int _requestId;
        private ILogLineSource _source;
        private string _url;
        private string _filename;
        private int _retriesLeft;
        private long _retryIntervalMs;
        private long _retryAtMs;
        private bool _hasOldest;
        private DateTime _oldest;
        private bool _hasLatest;
        private DateTime _latest;
        private long _endSequence;
        private long _cursor;
        private long _bodyLength;
        private int _stage; // 0 preamble, 1 lines, 2 epilogue, 3 done
        private byte[] _piece;
        private int _piecePos;
        private int _attempts;
        private int _uploads;
        private string _lastStatus = UploadLogStatus.Idle;

        public LogUploadService(RpcEndpoint rpc, string stationId, ILog log)
        {
            _rpc = rpc;
            _stationId = stationId;
            _log = log;
        }

        /// <summary>Gives the service its HTTP transfer and logs; until then every GetLog is Rejected.</summary>
        public void Attach(IHttpTransfer http, ILogLineSource diagnostics, ILogLineSource security)
        {
            _http = http;
            _diagnostics = diagnostics;
            _security = security;
        }

        public bool IsUploading
        {
            get { return _phase != PhaseIdle; }
        }

        public int RequestId
        {
            get { return _requestId; }
        }

        /// <summary>Upload attempts since boot.</summary>
        public int Attempts
        {
            get { return _attempts; }
        }

        /// <summary>Logs delivered since boot.</summary>
        public int Uploads
        {
            get { return _uploads; }
        }

        /// <summary>The last status sent in a LogStatusNotification.</summary>
        public string LastStatus
        {
            get { return _lastStatus; }
        }

        public static SchemaNode RequestSchema()
        {
            return SchemaNode.Object()
                .Required("log", SchemaNode.Object()
                    .Required("remoteLocation", SchemaNode.String(512))
                    .Optional("oldestTimestamp", SchemaNode.DateTime())
                    .Optional("latestTimestamp", SchemaNode.DateTime()))
                .Required("logType", SchemaNode.Enum(new string[] { DiagnosticsLog, SecurityLog }))
                .Required("requestId", SchemaNode.Integer())
                .Optional("retries", SchemaNode.IntegerAtLeast(0))
                .Optional("retryInterval", SchemaNode.IntegerAtLeast(0));
        }

        public void Handle(IncomingCall call)
        {
            JsonValue p = call.Payload;
            JsonValue log = p.Get("log");
            string url = log.GetString("remoteLocation");
            string logType = p.GetString("logType");
            int requestId = (int)p.GetInteger("requestId", 0);
            string refusal = null;
            if (_http == null)
            {
                refusal = "NoTransfer";
            }
            else if (!url.StartsWith("http://") && !(url.StartsWith("https://") && _http.SupportsHttps))
            {
                // OCPPCommCtrlr.FileTransferProtocols lists what we speak.
                refusal = "UnsupportedProtocol";
            }
            else if (HostOf(url) == null)
            {
                refusal = "InvalidURL";
            }
            else if ((logType == SecurityLog ? _security : _diagnostics) == null)
            {
                refusal = "LogNotAvailable";
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            if (refusal != null)
            {
                w.Property("status", "Rejected");
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", refusal);
                w.EndObject();
                w.EndObject();
                _log.Write(LogLevel.Warning, Component, "GetLog " + requestId + " rejected: " + refusal);
                return;
            }

            bool canceled = false;
            if (_phase != PhaseIdle)
            {
                // N01: a new request replaces the running upload.
                canceled = true;
                _http.Cancel();
                _http.Reset();
                Notify(UploadLogStatus.AcceptedCanceled, _requestId);
                _log.Write(LogLevel.Info, Component, "log upload " + _requestId + " canceled by GetLog " + requestId);
            }

            _requestId = requestId;
            _source = logType == SecurityLog ? _security : _diagnostics;
            _url = url;
            _filename = _stationId + "-" + (logType == SecurityLog ? "security" : "diagnostics") + "-" + requestId + ".log";
            long retries = p.GetInteger("retries", DefaultRetries);
            _retriesLeft = retries > MaxRetries ? MaxRetries : (int)retries;
            _retryIntervalMs = p.GetInteger("retryInterval", DefaultRetryIntervalS) * 1000;
            string oldest = log.GetString("oldestTimestamp");
            string latest = log.GetString("latestTimestamp");
            _hasOldest = oldest != null && Rfc3339.TryParse(oldest, out _oldest);
            _hasLatest = latest != null && Rfc3339.TryParse(latest, out _latest);
            _phase = PhaseWaitingToRetry;
            _retryAtMs = call.NowMs;
            _log.Write(LogLevel.Info, Component, "GetLog " + requestId + ": " + logType + " to " + url + " as " + _filename);

            w.Property("status", canceled ? "AcceptedCanceled" : "Accepted");
            w.Property("filename", _filename);
            w.EndObject();
        }

        /// <summary>TriggerMessage LogStatusNotification (F06): Uploading with the requestId while one runs, else Idle.</summary>
        public bool TriggerStatus()
        {
            return _phase != PhaseIdle
                ? Notify(UploadLogStatus.Uploading, _requestId, SendPermission.AllowedWhilePending)
                : Notify(UploadLogStatus.Idle, -1, SendPermission.AllowedWhilePending);
        }

        public void Tick(long nowMs)
        {
            switch (_phase)
            {
                case PhaseWaitingToRetry:
                    if (nowMs >= _retryAtMs)
                    {
                        BeginAttempt();
                    }

                    break;

                case PhaseCounting:
                    Count();
                    break;

                case PhaseSending:
                    Send();
                    break;

                case PhaseAwaitingAnswer:
                    Await(nowMs);
                    break;
            }
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            _log.Write(LogLevel.Warning, Component, "LogStatusNotification not delivered: " + errorCode + " " + description);
        }

        private void BeginAttempt()
        {
            _attempts++;
            if (_attempts == 1 || _lastStatus != UploadLogStatus.Uploading)
            {
                Notify(UploadLogStatus.Uploading, _requestId);
            }

            _endSequence = _source.LastSequence;
            _cursor = 0;
            _bodyLength = Encoding.UTF8.GetBytes(Preamble()).Length + Encoding.UTF8.GetBytes(Epilogue()).Length;
            _phase = PhaseCounting;
        }

        private void Count()
        {
            for (int i = 0; i < LinesPerTick; i++)
            {
                string line = NextLine();
                if (line == null)
                {
                    // Counted: start the request, then send from the first line again.
                    if (!_http.StartUpload(_url, "POST", "multipart/form-data; boundary=" + Boundary, _bodyLength))
                    {
                        _http.Cancel();
                        _http.Reset();
                        if (!_http.StartUpload(_url, "POST", "multipart/form-data; boundary=" + Boundary, _bodyLength))
                        {
                            AttemptFailed(0, "HTTP transfer busy");
                            return;
                        }
                    }

                    _cursor = 0;
                    _stage = 0;
                    _piece = null;
                    _piecePos = 0;
                    _phase = PhaseSending;
                    return;
                }

                _bodyLength += Encoding.UTF8.GetBytes(line).Length + 1;
            }
        }

        private void Send()
        {
            int lines = 0;
            while (true)
            {
                if (_http.State != HttpTransferState.Running)
                {
                    _phase = PhaseAwaitingAnswer;
                    return;
                }

                if (_piece == null || _piecePos == _piece.Length)
                {
                    if (_stage == 3)
                    {
                        _phase = PhaseAwaitingAnswer;
                        return;
                    }

                    if (lines >= LinesPerTick)
                    {
                        return;
                    }

                    Fill();
                    lines++;
                    continue;
                }

                int taken = _http.Write(_piece, _piecePos, _piece.Length - _piecePos);
                if (taken <= 0)
                {
                    return; // buffer full: the rest in a later tick
                }

                _piecePos += taken;
            }
        }

        // The next piece of the body: the preamble, one line, or the epilogue.
        private void Fill()
        {
            string text;
            if (_stage == 0)
            {
                text = Preamble();
                _stage = 1;
            }
            else if (_stage == 1)
            {
                string line = NextLine();
                if (line == null)
                {
                    text = Epilogue();
                    _stage = 3;
                }
                else
                {
                    text = line + "\n";
                }
            }
            else
            {
                text = "";
                _stage = 3;
            }

            // One piece (a line, at most a few hundred bytes) in flight at a time.
            _piece = Encoding.UTF8.GetBytes(text);
            _piecePos = 0;
        }

        private void Await(long nowMs)
        {
            HttpTransferState state = _http.State;
            if (state == HttpTransferState.Running)
            {
                return;
            }

            int status = _http.StatusCode;
            string error = _http.Error;
            _http.Reset();
            if (state == HttpTransferState.Completed)
            {
                _uploads++;
                _phase = PhaseIdle;
                _log.Write(LogLevel.Info, Component, "log " + _filename + " uploaded (" + _bodyLength + " bytes, HTTP " + status + ")");
                Notify(UploadLogStatus.Uploaded, _requestId);
                return;
            }

            AttemptFailed(status, error, nowMs);
        }

        private void AttemptFailed(int status, string error)
        {
            AttemptFailed(status, error, _retryAtMs);
        }

        private void AttemptFailed(int status, string error, long nowMs)
        {
            string final = UploadLogStatus.OfHttpFailure(status);
            if (final == UploadLogStatus.UploadFailure && _retriesLeft > 0)
            {
                _retriesLeft--;
                _retryAtMs = nowMs + _retryIntervalMs;
                _phase = PhaseWaitingToRetry;
                _log.Write(LogLevel.Warning, Component, "log upload " + _requestId + " failed (" + error + "); retry in "
                    + (_retryIntervalMs / 1000) + " s, " + _retriesLeft + " more after it");
                return;
            }

            _phase = PhaseIdle;
            _log.Write(LogLevel.Warning, Component, "log upload " + _requestId + " failed (" + error + "): " + final);
            Notify(final, _requestId);
        }

        private string NextLine()
        {
            while (true)
            {
                long seq;
                DateTime utc;
                string line = _source.NextLine(_cursor, out seq, out utc);
                if (line == null || seq > _endSequence)
                {
                    return null;
                }

                _cursor = seq;
                if ((_hasOldest && utc < _oldest) || (_hasLatest && utc > _latest))
                {
                    continue;
                }

                return line;
            }
        }

        private string Preamble()
        {
            return "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + _filename
                + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
        }

        private static string Epilogue()
        {
            return "\r\n--" + Boundary + "--\r\n";
        }

        private bool Notify(string status, int requestId)
        {
            return Notify(status, requestId, SendPermission.RequiresAccepted);
        }

        private bool Notify(string status, int requestId, SendPermission permission)
        {
            _lastStatus = status;
            JsonWriter w = new JsonWriter(2, 256);
            w.BeginObject();
            w.Property("status", status);
            if (requestId >= 0)
            {
                w.Property("requestId", requestId);
            }

            w.EndObject();
            return _rpc.CallLazySchema(StatusAction, w.ToString(), EmptyResponse, this, null, permission);
        }

        private static SchemaNode EmptyResponse()
        {
            return SchemaNode.Object();
        }

        /// <summary>The host of an http(s) URL, or null when there is none.</summary>
        private static string HostOf(string url)
        {
            int start = url.IndexOf("://");
            if (start < 0)
            {
                return null;
            }

            start += 3;
            int end = start;
            while (end < url.Length && url[end] != '/' && url[end] != ':' && url[end] != '?')
            {
                end++;
            }

            return end > start ? url.Substring(start, end - start) : null;
        }
    }
}
