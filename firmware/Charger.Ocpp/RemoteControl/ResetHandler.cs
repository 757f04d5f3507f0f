using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Provisioning;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// Reset (OCPP 2.0.1 B11 without, B12 with a running transaction). The reset itself happens
    /// in a later tick, after the ResetResponse has left: Immediate at once, OnIdle once no
    /// transaction runs on the scope (answered Scheduled meanwhile).
    /// </summary>
    public sealed class ResetHandler : IIncomingCallHandler
    {
        private const string Component = "ocpp.reset";

        /// <summary>File store record telling the next start that it follows a CSMS reset (boot reason RemoteReset).</summary>
        public const string BootReasonRecord = "ocpp-boot-reason";

        private readonly IStationHooks _hooks;
        private readonly IFileStore _store;
        private readonly int _evseCount;
        private readonly ILog _log;
        private bool _pending;
        private bool _pendingImmediate;
        private int _pendingEvseId;
        private int _resetsPerformed;

        public ResetHandler(IStationHooks hooks, IFileStore store, int evseCount, ILog log)
        {
            _hooks = hooks;
            _store = store;
            _evseCount = evseCount;
            _log = log;
        }

        public bool IsPending
        {
            get { return _pending; }
        }

        public int ResetsPerformed
        {
            get { return _resetsPerformed; }
        }

        public void Handle(IncomingCall call)
        {
            bool immediate = call.Payload.GetString("type") == "Immediate";
            JsonValue evse = call.Payload.Get("evseId");
            int evseId = evse == null ? 0 : (int)evse.AsInteger;
            string status;
            string reason = null;
            if (evseId != 0 && !_hooks.SupportsEvseReset)
            {
                // B11.FR.10 (and B12): a station that cannot reset a single EVSE rejects the request.
                status = "Rejected";
                reason = "NoEvseReset";
            }
            else if (evseId < 0 || evseId > _evseCount)
            {
                status = "Rejected";
                reason = "UnknownEvse";
            }
            else
            {
                _pending = true;
                _pendingImmediate = immediate;
                _pendingEvseId = evseId;

                // B12.FR.01: OnIdle with a transaction running is Scheduled until it ends.
                status = !immediate && _hooks.IsTransactionRunning(evseId) ? "Scheduled" : "Accepted";
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            if (reason != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", reason);
                w.EndObject();
            }

            w.EndObject();
        }

        public void Tick(long nowMs)
        {
            if (!_pending)
            {
                return;
            }

            if (!_pendingImmediate && _hooks.IsTransactionRunning(_pendingEvseId))
            {
                return;
            }

            _pending = false;
            _resetsPerformed++;
            _log.Write(LogLevel.Info, Component, (_pendingImmediate ? "Immediate" : "OnIdle") + " reset of "
                + (_pendingEvseId == 0 ? "the station" : "EVSE " + _pendingEvseId));
            if (_pendingEvseId == 0)
            {
                // The station restarts: its next BootNotification must say RemoteReset, not PowerUp.
                byte[] reason = System.Text.Encoding.UTF8.GetBytes("RemoteReset");
                try
                {
                    _store.WriteAtomic(BootReasonRecord, reason, reason.Length);
                }
                catch (StorageFullException e)
                {
                    _log.Write(LogLevel.Error, Component, "boot reason not saved, next boot reports the firmware's reason: " + e.Message);
                }
            }

            if (SecurityEvents != null)
            {
                SecurityEvents.Raise(Security.SecurityEventTypes.ResetOrReboot, (_pendingImmediate ? "Immediate" : "OnIdle")
                    + " reset of " + (_pendingEvseId == 0 ? "the station" : "EVSE " + _pendingEvseId) + " by the CSMS", nowMs);
            }

            _hooks.Reset(_pendingImmediate, _pendingEvseId);
        }

        /// <summary>Where the reset is recorded (ResetOrReboot) before it happens; null for none.</summary>
        public Security.SecurityEventService SecurityEvents { get; set; }

        /// <summary>
        /// The boot reason a CSMS reset left for this start (RemoteReset), or <paramref name="firmwareReason"/>;
        /// the record is consumed so that a later power cut reports PowerUp again.
        /// </summary>
        public static BootReason TakeBootReason(IFileStore store, BootReason firmwareReason)
        {
            byte[] stored = store.Read(BootReasonRecord);
            if (stored == null)
            {
                return firmwareReason;
            }

            store.Delete(BootReasonRecord);
            string text = System.Text.Encoding.UTF8.GetString(stored, 0, stored.Length);
            if (text == "FirmwareUpdate")
            {
                return BootReason.FirmwareUpdate;
            }

            return text == "RemoteReset" ? BootReason.RemoteReset : firmwareReason;
        }

        /// <summary>Leaves the next start its boot reason (the firmware update's reboot: "FirmwareUpdate").</summary>
        public static void RecordBootReason(IFileStore store, string reason, ILog log)
        {
            byte[] data = System.Text.Encoding.UTF8.GetBytes(reason);
            try
            {
                store.WriteAtomic(BootReasonRecord, data, data.Length);
            }
            catch (StorageFullException e)
            {
                log.Write(LogLevel.Error, Component, "boot reason not saved, next boot reports the firmware's reason: " + e.Message);
            }
        }
    }
}
