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

        private readonly OcppStation _ocpp;
        private readonly ILog _log;

        public OcppSecurityEvents(OcppStation ocpp, ILog log)
        {
            _ocpp = ocpp;
            _log = log;
        }

        public int Sent { get; private set; }

        public int Refused { get; private set; }

        public void Raise(string type, string techInfo, long nowMs)
        {
            // Kept in the persistent security log and delivered from there (A04): every console event is
            // reported, the two standard login events and our vendor ones alike (MaintenanceCommand,
            // MaintenanceLoginLockedOut), so they survive an outage or a power cut like the others.
            if (_ocpp.SecurityEvents.Raise(type, true, techInfo, nowMs) != null)
            {
                Sent++;
            }
            else
            {
                Refused++;
                _log.Write(LogLevel.Warning, "security", "security event " + type + " not kept: security log not writable");
            }
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            _log.Write(LogLevel.Warning, "security", "SecurityEventNotification failed: " + errorCode + " " + description);
        }
    }
}
