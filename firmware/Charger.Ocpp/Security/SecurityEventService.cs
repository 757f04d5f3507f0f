using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// Security events (OCPP 2.0.1 A04): every event goes into the persistent <see cref="SecurityLog"/>
    /// (A04.FR.01) and the diagnostics log; critical ones are sent as SecurityEventNotification
    /// (A04.FR.02), one at a time, oldest first, each marked delivered only when the CSMS has answered.
    /// The log is the queue, so events raised offline or before a power cut are sent after it
    /// (at least once: a cut between the answer and the delivery mark sends that event again).
    /// </summary>
    public sealed class SecurityEventService : ICallResultHandler
    {
        public const string Action = "SecurityEventNotification";

        /// <summary>Wait after a notification got no answer (timeout, connection lost) before the next try.</summary>
        public const int RetryDelayMs = 10000;

        private const string Component = "security";

        private readonly RpcEndpoint _rpc;
        private readonly StationClock _clock;
        private readonly SecurityLog _securityLog;
        private readonly ILog _log;
        private bool _inFlight;
        private long _retryAtMs;
        private long _raised;
        private long _delivered;
        private long _refusedByCsms;

        public SecurityEventService(RpcEndpoint rpc, StationClock clock, SecurityLog securityLog, ILog log)
        {
            _rpc = rpc;
            _clock = clock;
            _securityLog = securityLog;
            _log = log;
        }

        public SecurityLog Log
        {
            get { return _securityLog; }
        }

        /// <summary>Events raised since boot.</summary>
        public long Raised
        {
            get { return _raised; }
        }

        /// <summary>Critical events the CSMS acknowledged since boot.</summary>
        public long Delivered
        {
            get { return _delivered; }
        }

        /// <summary>Critical events the CSMS answered with a CALLERROR since boot (given up, logged).</summary>
        public long RefusedByCsms
        {
            get { return _refusedByCsms; }
        }

        /// <summary>Whether a notification waits for the CSMS's answer.</summary>
        public bool InFlight
        {
            get { return _inFlight; }
        }

        /// <summary>Raises a standard event; critical as the specification's appendix says.</summary>
        public SecurityLogEntry Raise(string type, string techInfo, long nowMs)
        {
            return Raise(type, SecurityEventTypes.IsCritical(type), techInfo, nowMs);
        }

        /// <summary>Raises any event (a vendor event says itself whether it is critical). Never throws for a full store.</summary>
        public SecurityLogEntry Raise(string type, bool critical, string techInfo, long nowMs)
        {
            _raised++;
            _log.Write(critical ? LogLevel.Warning : LogLevel.Info, Component, "security event " + type + (critical ? " (critical)" : "")
                + (techInfo != null && techInfo.Length > 0 ? ": " + techInfo : ""));
            return _securityLog.Append(type, critical, techInfo, _clock.UtcAt(nowMs));
        }

        /// <summary>Empties the security log and records that it was (SecurityLogWasCleared, critical).</summary>
        public void ClearLog(string who, long nowMs)
        {
            int removed = _securityLog.Clear();
            Raise(SecurityEventTypes.SecurityLogWasCleared, removed + " event(s) removed by " + who, nowMs);
        }

        /// <summary>Sends the oldest undelivered critical event when the station may (connected, registration Accepted).</summary>
        public void Tick(long nowMs, bool connected)
        {
            if (_inFlight || !connected || _rpc.Registration != RegistrationState.Accepted || nowMs < _retryAtMs)
            {
                return;
            }

            SecurityLogEntry entry = _securityLog.NextUndelivered();
            if (entry == null)
            {
                return;
            }

            JsonWriter w = new JsonWriter(2, 1024);
            w.BeginObject();
            w.Property("type", entry.Type);
            w.Name("timestamp");
            // An event stamped before the clock was set in this boot gets its real time now (issue 17 item 4).
            w.DateTimeUtc(_clock.Resolve(entry.Timestamp));
            if (entry.TechInfo.Length > 0)
            {
                w.Property("techInfo", entry.TechInfo);
            }

            w.EndObject();
            if (_rpc.CallLazySchema(Action, w.ToString(), EmptyResponse, this, entry.Sequence, SendPermission.RequiresAccepted))
            {
                _inFlight = true;
            }
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            _inFlight = false;
            _delivered++;
            _securityLog.Acknowledge((long)call.Context);
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            _inFlight = false;
            if (errorCode == RpcErrorCode.LocalTimeout || errorCode == RpcErrorCode.LocalConnectionLost)
            {
                _retryAtMs = call.SentAtMs + RetryDelayMs;
                return;
            }

            // The CSMS refused this event for good (a CALLERROR): sending it again cannot help, and
            // would hold back every later event.
            _refusedByCsms++;
            _log.Write(LogLevel.Warning, Component, "CSMS refused security event #" + call.Context.ToString() + ": " + errorCode + " " + description);
            _securityLog.Acknowledge((long)call.Context);
        }

        private static SchemaNode EmptyResponse()
        {
            return SchemaNode.Object();
        }
    }
}
