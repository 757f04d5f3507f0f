using Charger.Hal;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Provisioning
{
    /// <summary>
    /// BootNotification and Heartbeat (OCPP 2.0.1 B01-B04): registers after every start and keeps
    /// the registration status the RPC layer gates sending on. Accepted sets the clock from
    /// currentTime and the heartbeat interval; Pending and Rejected retry after the interval the
    /// CSMS gave. Heartbeats keep the clock in step (ClockCtrlr.TimeSource Heartbeat).
    /// </summary>
    public sealed class RegistrationManager : ICallResultHandler
    {
        private const string Component = "ocpp.boot";
        private const string BootAction = "BootNotification";
        private const string HeartbeatAction = "Heartbeat";

        /// <summary>
        /// Longest interval (s) accepted from a BootNotificationResponse, for the heartbeat and for the
        /// Pending/Rejected retry. The schema gives `interval` no bound; we choose one day, the upper bound
        /// the device model uses for the other OCPPCommCtrlr intervals, so a station is heard from at
        /// least daily. A larger value is used as this bound and logged; zero or negative means "none given".
        /// </summary>
        public const long MaxIntervalS = 86400;

        private static readonly string[] BootReasonNames =
        {
            "ApplicationReset", "FirmwareUpdate", "LocalReset", "PowerUp", "RemoteReset", "ScheduledReset", "Triggered", "Unknown", "Watchdog",
        };

        /// <summary>The BootReasonEnumType name of <paramref name="reason"/>.</summary>
        public static string ReasonName(BootReason reason)
        {
            return BootReasonNames[(int)reason];
        }

        private readonly RpcEndpoint _rpc;
        private readonly CoreVariables _vars;
        private readonly StationDeviceModel _model;
        private readonly StationClock _clock;
        private readonly StationConfig _config;
        private readonly ILog _log;
        private BootReason _reason;
        private bool _connected;
        private bool _bootInFlight;
        private int _heartbeatsInFlight;
        private long _nextBootMs;
        private long _nextHeartbeatMs = -1;
        private long _nowMs;
        private int _bootsSent;
        private string _lastStatus;
        private IRegistrationListener _listener;

        public RegistrationManager(RpcEndpoint rpc, CoreVariables vars, StationClock clock, StationConfig config, BootReason reason, ILog log)
        {
            _rpc = rpc;
            _vars = vars;
            _model = vars.Model;
            _clock = clock;
            _config = config;
            _reason = reason;
            _log = log;
            _model.Changed += OnVariableChanged;
        }

        public RegistrationState State
        {
            get { return _rpc.Registration; }
        }

        public int BootsSent
        {
            get { return _bootsSent; }
        }

        /// <summary>Tick time of the next BootNotification while not accepted.</summary>
        public long NextBootMs
        {
            get { return _nextBootMs; }
        }

        public long NextHeartbeatMs
        {
            get { return _nextHeartbeatMs; }
        }

        public void SetListener(IRegistrationListener listener)
        {
            _listener = listener;
        }

        public void OnConnected(long nowMs)
        {
            _connected = true;
            _nowMs = nowMs;
            if (_rpc.Registration == RegistrationState.Accepted)
            {
                // Registered before the drop: no new boot, heartbeats resume on schedule.
                if (_nextHeartbeatMs < nowMs)
                {
                    _nextHeartbeatMs = nowMs;
                }
            }
        }

        /// <summary>
        /// Registers again at the next connection, as after a boot (B10.FR.10: the station moved to
        /// another network profile, so possibly to another CSMS).
        /// </summary>
        public void Reregister(long nowMs)
        {
            _rpc.Registration = RegistrationState.NotRegistered;
            _nextBootMs = nowMs;
        }

        public void OnDisconnected(long nowMs)
        {
            _connected = false;
        }

        /// <summary>Schedules and queues BootNotification and Heartbeat; call before the RPC pump.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (!_connected)
            {
                return;
            }

            if (_rpc.Registration != RegistrationState.Accepted)
            {
                if (!_bootInFlight && nowMs >= _nextBootMs)
                {
                    QueueBoot();
                }

                return;
            }

            if (_heartbeatsInFlight == 0 && _nextHeartbeatMs >= 0 && nowMs >= _nextHeartbeatMs)
            {
                QueueHeartbeat(SendPermission.RequiresAccepted);
            }
        }

        /// <summary>TriggerMessage BootNotification (F06.FR.17: Rejected once Accepted).</summary>
        public bool TriggerBoot()
        {
            if (_rpc.Registration == RegistrationState.Accepted)
            {
                return false;
            }

            _reason = BootReason.Triggered;
            if (!_bootInFlight)
            {
                QueueBoot();
            }

            return true;
        }

        /// <summary>
        /// TriggerMessage Heartbeat: sent even while Pending, and even while the station's own
        /// Heartbeat waits for its answer: an Accepted trigger is always followed by a Heartbeat
        /// of its own (F06.FR.04; issue 17 item 7 found none followed).
        /// </summary>
        public bool TriggerHeartbeat()
        {
            return QueueHeartbeat(SendPermission.AllowedWhilePending);
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            System.DateTime utc;
            if (Json.Rfc3339.TryParse(payload.GetString("currentTime"), out utc))
            {
                _clock.Set(utc, _nowMs);
            }

            if (call.Action == HeartbeatAction)
            {
                HeartbeatFinished();
                return;
            }

            _bootInFlight = false;
            string status = payload.GetString("status");
            long intervalS = payload.GetInteger("interval", 0);
            _lastStatus = status;
            _log.Write(LogLevel.Info, Component, "BootNotification " + status + ", interval " + intervalS + " s");
            if (intervalS > MaxIntervalS)
            {
                _log.Write(LogLevel.Warning, Component, "BootNotification interval " + intervalS + " s out of range 0.." + MaxIntervalS + ", using " + MaxIntervalS);
                intervalS = MaxIntervalS;
            }
            else if (intervalS < 0)
            {
                _log.Write(LogLevel.Warning, Component, "BootNotification interval " + intervalS + " s out of range 0.." + MaxIntervalS + ", ignored");
                intervalS = 0;
            }
            if (status == "Accepted")
            {
                _rpc.Registration = RegistrationState.Accepted;

                // B01.FR.?? / B01: the interval of an Accepted response is the heartbeat interval.
                if (intervalS > 0)
                {
                    _model.SetPersistent(_vars.HeartbeatInterval, AttributeType.Actual, intervalS.ToString());
                    _model.SaveIfDirty();
                }

                _nextHeartbeatMs = TimeMath.AddSeconds(_nowMs, _vars.HeartbeatInterval.IntValue);
                if (_listener != null)
                {
                    _listener.OnAccepted(_nowMs);
                }

                return;
            }

            // B02 (Pending) / B03 (Rejected): retry after the interval; with none given, after the heartbeat interval.
            _rpc.Registration = status == "Pending" ? RegistrationState.Pending : RegistrationState.Rejected;
            long waitS = intervalS > 0 ? intervalS : _vars.HeartbeatInterval.IntValue;
            _nextBootMs = TimeMath.AddSeconds(_nowMs, waitS);
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            if (call.Action == HeartbeatAction)
            {
                HeartbeatFinished();
                return;
            }

            // No answer or a CALLERROR: try again after the connection back-off minimum.
            _bootInFlight = false;
            long waitS = _vars.RetryBackOffWaitMinimum.IntValue;
            if (waitS < 1)
            {
                waitS = 1;
            }

            _nextBootMs = TimeMath.AddSeconds(_nowMs, waitS);
            _log.Write(LogLevel.Warning, Component, "BootNotification failed (" + errorCode + "), retry in " + waitS + " s");
        }

        private void QueueBoot()
        {
            JsonWriter w = new JsonWriter(4, 1024);
            w.BeginObject();
            w.Property("reason", BootReasonNames[(int)_reason]);
            w.Name("chargingStation");
            w.BeginObject();
            w.OptionalProperty("serialNumber", _config.SerialNumber);
            w.Property("model", _config.Model);
            w.Property("vendorName", _config.VendorName);
            w.OptionalProperty("firmwareVersion", _config.FirmwareVersion);
            w.EndObject();
            w.EndObject();

            // Only the newest BootNotification matters.
            _rpc.RemoveQueued(BootAction);
            if (_rpc.Call(BootAction, w.ToString(), ProvisioningSchemas.BootNotificationResponse(), this, null, SendPermission.Always))
            {
                _bootInFlight = true;
                _bootsSent++;
            }
        }

        private bool QueueHeartbeat(SendPermission permission)
        {
            if (_rpc.Call(HeartbeatAction, "{}", ProvisioningSchemas.HeartbeatResponse(), this, null, permission))
            {
                _heartbeatsInFlight++;
                return true;
            }

            return false;
        }

        private void HeartbeatFinished()
        {
            if (_heartbeatsInFlight > 0)
            {
                _heartbeatsInFlight--;
            }

            _nextHeartbeatMs = TimeMath.AddSeconds(_nowMs, _vars.HeartbeatInterval.IntValue);
        }

        private void OnVariableChanged(Variable variable, AttributeType attribute)
        {
            if (variable == _vars.HeartbeatInterval && _rpc.Registration == RegistrationState.Accepted)
            {
                _nextHeartbeatMs = TimeMath.AddSeconds(_nowMs, variable.IntValue);
            }
        }
    }
}
