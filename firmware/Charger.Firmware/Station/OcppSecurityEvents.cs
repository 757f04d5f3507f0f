using Charger.Firmware.Console;
using Charger.Hal;
using Charger.Ocpp;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Reports the console's security events (maintenance logins, failures, lockouts, privileged
    /// commands) to the CSMS as SecurityEventNotification (A04), after the log line the console
    /// already wrote. Offline, the notification waits in the RPC queue like any other call.
    /// </summary>
    public sealed class OcppSecurityEvents : IConsoleSecurityEvents, ICallResultHandler
    {
        public const string Action = "SecurityEventNotification";

        /// <summary>OCPP 2.0.1 SecurityEventNotificationRequest: type maxLength 50, techInfo maxLength 255.</summary>
        private const int MaxTypeLength = 50;
        private const int MaxTechInfoLength = 255;

        private readonly OcppStation _ocpp;
        private readonly ILog _log;
        private readonly SchemaNode _responseSchema = SchemaNode.Object();

        public OcppSecurityEvents(OcppStation ocpp, ILog log)
        {
            _ocpp = ocpp;
            _log = log;
        }

        public int Sent { get; private set; }

        public int Refused { get; private set; }

        public void Raise(string type, string techInfo, long nowMs)
        {
            JsonWriter w = new JsonWriter(2, 1024);
            w.BeginObject();
            w.Property("type", Clip(type, MaxTypeLength));
            w.Name("timestamp");
            w.DateTimeUtc(_ocpp.Clock.UtcAt(nowMs));
            if (techInfo != null && techInfo.Length > 0)
            {
                w.Property("techInfo", Clip(techInfo, MaxTechInfoLength));
            }

            w.EndObject();
            if (_ocpp.Rpc.Call(Action, w.ToString(), _responseSchema, this, null, SendPermission.RequiresAccepted))
            {
                Sent++;
            }
            else
            {
                Refused++;
                _log.Write(LogLevel.Warning, "security", "security event " + type + " not queued for the CSMS: RPC queue full");
            }
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            _log.Write(LogLevel.Warning, "security", "SecurityEventNotification failed: " + errorCode + " " + description);
        }

        private static string Clip(string s, int max)
        {
            return s.Length <= max ? s : s.Substring(0, max);
        }
    }
}
