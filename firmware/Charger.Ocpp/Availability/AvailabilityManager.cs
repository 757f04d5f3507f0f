using Charger.Hal;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Provisioning;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Availability
{
    /// <summary>
    /// Connector status and operational state (OCPP 2.0.1 G01-G04). The charger reports each
    /// connector's physical status; a scope made Inoperative by ChangeAvailability shows
    /// Unavailable. A StatusNotification goes out on every change while registered, and for
    /// every connector after each (re)connection and registration. Operational state survives
    /// reboots (stored in the file store); a change to Inoperative waits for running transactions.
    /// </summary>
    public sealed class AvailabilityManager : IRegistrationListener
    {
        private const string Component = "ocpp.avail";
        public const string RecordName = "ocpp-availability";

        private readonly RpcEndpoint _rpc;
        private readonly CoreVariables _vars;
        private readonly StationDeviceModel _model;
        private readonly StationClock _clock;
        private readonly IStationHooks _hooks;
        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly int[] _connectorsPerEvse;

        // Operative flags: index 0 the station, 1..n the EVSEs; connectors [evse-1][connector-1].
        private readonly bool[] _evseOperative;
        private readonly bool[][] _connectorOperative;
        private readonly ConnectorStatus[][] _physical;
        private readonly ConnectorStatus[][] _lastSent;
        private readonly bool[][] _sentValid;

        // When each connector's effective status last changed (tick ms), for the StatusNotification
        // timestamp: a status sent after a reconnection is dated when it happened (issue 17 item 10).
        private readonly long[][] _changedAtMs;
        private readonly ConnectorStatus[][] _effective;

        // After a (re)connection the statuses wait until the transaction messages queued before it
        // have been delivered, so a StatusNotification never overtakes a queued Ended (-1: none).
        private Charger.Ocpp.Transactions.TransactionEventQueue _transactionQueue;
        private long _holdUntilQueueSeq = -1;
        private bool _resendPending;

        // A pending Inoperative change waiting for a transaction to end (-1: none).
        private int _pendingEvseId = -1;
        private int _pendingConnectorId;
        private bool _connected;
        private long _nowMs;
        private int _statusNotificationsQueued;

        // EVSEs held Unavailable while a firmware installation waits (L01.FR.07); never persisted:
        // the reboot into the new image ends the hold. Index 1..n.
        private bool[] _firmwareHeld;

        public AvailabilityManager(RpcEndpoint rpc, CoreVariables vars, StationClock clock, IStationHooks hooks,
            IFileStore store, StationConfig config, ILog log)
        {
            _rpc = rpc;
            _vars = vars;
            _model = vars.Model;
            _clock = clock;
            _hooks = hooks;
            _store = store;
            _log = log;
            _connectorsPerEvse = config.ConnectorsPerEvse;
            int evses = _connectorsPerEvse.Length;
            _evseOperative = new bool[evses + 1];
            _connectorOperative = new bool[evses][];
            _physical = new ConnectorStatus[evses][];
            _lastSent = new ConnectorStatus[evses][];
            _sentValid = new bool[evses][];
            _changedAtMs = new long[evses][];
            _effective = new ConnectorStatus[evses][];
            for (int e = 0; e <= evses; e++)
            {
                _evseOperative[e] = true;
            }

            for (int e = 0; e < evses; e++)
            {
                int n = _connectorsPerEvse[e];
                _connectorOperative[e] = new bool[n];
                _physical[e] = new ConnectorStatus[n];
                _lastSent[e] = new ConnectorStatus[n];
                _sentValid[e] = new bool[n];
                _changedAtMs[e] = new long[n];
                _effective[e] = new ConnectorStatus[n];
                for (int c = 0; c < n; c++)
                {
                    _connectorOperative[e][c] = true;
                }
            }

            _firmwareHeld = new bool[evses + 1];
            Load();
        }

        /// <summary>
        /// Holds an EVSE Unavailable for a firmware installation (L01.FR.07), or releases it to its
        /// own operative state. Not persisted.
        /// </summary>
        public void HoldForFirmware(int evseId, bool held)
        {
            if (evseId < 1 || evseId >= _firmwareHeld.Length || _firmwareHeld[evseId] == held)
            {
                return;
            }

            _firmwareHeld[evseId] = held;
            _log.Write(LogLevel.Info, Component, "EVSE " + evseId + (held ? " held Unavailable for a firmware installation" : " released after the firmware update"));
            _hooks.SetOperative(evseId, 0, !held && IsOperative(evseId, 0));
            Refresh();
        }

        /// <summary>Whether <see cref="HoldForFirmware"/> holds the EVSE.</summary>
        public bool IsHeldForFirmware(int evseId)
        {
            return evseId >= 1 && evseId < _firmwareHeld.Length && _firmwareHeld[evseId];
        }

        public int StatusNotificationsQueued
        {
            get { return _statusNotificationsQueued; }
        }

        /// <summary>The transaction messages a reconnection's StatusNotifications must not overtake.</summary>
        public Charger.Ocpp.Transactions.TransactionEventQueue TransactionQueue
        {
            get { return _transactionQueue; }
            set { _transactionQueue = value; }
        }

        public int EvseCount
        {
            get { return _connectorsPerEvse.Length; }
        }

        public bool IsValidScope(int evseId, int connectorId)
        {
            if (evseId == 0)
            {
                return connectorId == 0;
            }

            return evseId > 0 && evseId <= _connectorsPerEvse.Length && connectorId >= 0 && connectorId <= _connectorsPerEvse[evseId - 1];
        }

        /// <summary>Whether the scope is Operative (station, EVSE or connector; all enclosing scopes count).</summary>
        public bool IsOperative(int evseId, int connectorId)
        {
            if (!_evseOperative[0])
            {
                return false;
            }

            if (evseId == 0)
            {
                return true;
            }

            if (!_evseOperative[evseId])
            {
                return false;
            }

            return connectorId == 0 || _connectorOperative[evseId - 1][connectorId - 1];
        }

        /// <summary>The charger reports a connector's physical status (Available, Occupied, Reserved, Faulted).</summary>
        public void SetConnectorStatus(int evseId, int connectorId, ConnectorStatus status)
        {
            if (!IsValidScope(evseId, connectorId) || evseId == 0 || connectorId == 0)
            {
                throw new System.ArgumentOutOfRangeException("connectorId", "no connector " + evseId + "/" + connectorId);
            }

            _physical[evseId - 1][connectorId - 1] = status;
            Refresh();
        }

        public ConnectorStatus EffectiveStatus(int evseId, int connectorId)
        {
            ConnectorStatus physical = _physical[evseId - 1][connectorId - 1];
            if (physical == ConnectorStatus.Faulted)
            {
                return ConnectorStatus.Faulted;
            }

            if (!IsOperative(evseId, connectorId) || (_firmwareHeld != null && _firmwareHeld[evseId]))
            {
                return ConnectorStatus.Unavailable;
            }

            return physical;
        }

        /// <summary>
        /// ChangeAvailability (G03/G04): "Accepted" when applied now, "Scheduled" when a running
        /// transaction defers it, "Rejected" for an unknown scope.
        /// </summary>
        public string RequestChange(int evseId, int connectorId, bool operative)
        {
            if (!IsValidScope(evseId, connectorId))
            {
                return "Rejected";
            }

            if (!operative && _hooks.IsTransactionRunning(evseId))
            {
                // G03.FR.05 / G04: an Inoperative change waits until the transaction has ended.
                _pendingEvseId = evseId;
                _pendingConnectorId = connectorId;
                return "Scheduled";
            }

            if (operative && _pendingEvseId == evseId && _pendingConnectorId == connectorId)
            {
                _pendingEvseId = -1;
            }

            Apply(evseId, connectorId, operative);
            return "Accepted";
        }

        public void OnConnected(long nowMs)
        {
            _connected = true;
            _nowMs = nowMs;

            // Statuses are re-sent after every reconnection once registered, after the
            // transaction messages queued while offline.
            if (_rpc.Registration == RegistrationState.Accepted)
            {
                SendAllAfterQueuedEvents();
            }
        }

        public void OnDisconnected(long nowMs)
        {
            _connected = false;
        }

        public void OnAccepted(long nowMs)
        {
            _nowMs = nowMs;

            // B01: after an Accepted BootNotification every connector's status is reported
            // (after a recovered transaction's Ended, which happened first).
            SendAllAfterQueuedEvents();
        }

        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_resendPending && QueuedEventsDelivered())
            {
                _resendPending = false;
                SendAll(SendPermission.RequiresAccepted);
            }
            if (_pendingEvseId >= 0 && !_hooks.IsTransactionRunning(_pendingEvseId))
            {
                int evseId = _pendingEvseId;
                _pendingEvseId = -1;
                _log.Write(LogLevel.Info, Component, "transaction ended, applying scheduled Inoperative to " + evseId + "/" + _pendingConnectorId);
                Apply(evseId, _pendingConnectorId, false);
            }
        }

        private void SendAllAfterQueuedEvents()
        {
            _holdUntilQueueSeq = _transactionQueue == null ? -1 : _transactionQueue.NextQueueSeq;
            _resendPending = true;
            if (QueuedEventsDelivered())
            {
                _resendPending = false;
                SendAll(SendPermission.RequiresAccepted);
            }
        }

        private bool QueuedEventsDelivered()
        {
            if (_transactionQueue == null || _holdUntilQueueSeq < 0)
            {
                return true;
            }

            long head = _transactionQueue.HeadQueueSeq;
            return head < 0 || head >= _holdUntilQueueSeq;
        }

        /// <summary>Queues a StatusNotification for every connector (or those of one EVSE), e.g. for TriggerMessage.</summary>
        public void SendAll(SendPermission permission)
        {
            // The full set supersedes any older queued notification, so none is sent twice or out of date.
            _rpc.RemoveQueued("StatusNotification");
            for (int e = 1; e <= _connectorsPerEvse.Length; e++)
            {
                SendEvse(e, permission);
            }
        }

        public void SendEvse(int evseId, SendPermission permission)
        {
            for (int c = 1; c <= _connectorsPerEvse[evseId - 1]; c++)
            {
                SendOne(evseId, c, permission);
            }
        }

        public void SendOne(int evseId, int connectorId, SendPermission permission)
        {
            ConnectorStatus status = EffectiveStatus(evseId, connectorId);
            JsonWriter w = new JsonWriter(4, 512);
            w.BeginObject();
            w.Name("timestamp");
            w.DateTimeUtc(_clock.UtcAt(_changedAtMs[evseId - 1][connectorId - 1]));
            w.Property("connectorStatus", ConnectorStatusText.Of(status));
            w.Property("evseId", evseId);
            w.Property("connectorId", connectorId);
            w.EndObject();
            if (_rpc.Call("StatusNotification", w.ToString(), SchemaNode.Object(), null, null, permission))
            {
                _lastSent[evseId - 1][connectorId - 1] = status;
                _sentValid[evseId - 1][connectorId - 1] = true;
                _statusNotificationsQueued++;
            }
        }

        private void Apply(int evseId, int connectorId, bool operative)
        {
            if (evseId == 0)
            {
                _evseOperative[0] = operative;
            }
            else if (connectorId == 0)
            {
                _evseOperative[evseId] = operative;
            }
            else
            {
                _connectorOperative[evseId - 1][connectorId - 1] = operative;
            }

            Save();
            _hooks.SetOperative(evseId, connectorId, operative);
            Refresh();
        }

        private void Refresh()
        {
            bool anyOccupied = false;
            for (int e = 1; e <= _connectorsPerEvse.Length; e++)
            {
                bool evseOccupied = false;
                bool evseFaulted = false;
                for (int c = 1; c <= _connectorsPerEvse[e - 1]; c++)
                {
                    ConnectorStatus status = EffectiveStatus(e, c);
                    if (status != _effective[e - 1][c - 1] || _changedAtMs[e - 1][c - 1] == 0)
                    {
                        _effective[e - 1][c - 1] = status;
                        _changedAtMs[e - 1][c - 1] = _nowMs;
                    }
                    _model.SetInternal(_vars.ConnectorAvailabilityState[e - 1][c - 1], AttributeType.Actual, ConnectorStatusText.Of(status));
                    evseOccupied |= status == ConnectorStatus.Occupied;
                    evseFaulted |= status == ConnectorStatus.Faulted;
                    bool changed = !_sentValid[e - 1][c - 1] || _lastSent[e - 1][c - 1] != status;
                    if (changed && _connected && !_resendPending && _rpc.Registration == RegistrationState.Accepted)
                    {
                        SendOne(e, c, SendPermission.RequiresAccepted);
                    }
                }

                string evseState = !IsOperative(e, 0) ? "Unavailable" : evseFaulted ? "Faulted" : evseOccupied ? "Occupied" : "Available";
                _model.SetInternal(_vars.EvseAvailabilityState[e - 1], AttributeType.Actual, evseState);
                anyOccupied |= evseOccupied;
            }

            _model.SetInternal(_vars.StationAvailabilityState, AttributeType.Actual,
                !IsOperative(0, 0) ? "Unavailable" : anyOccupied ? "Occupied" : "Available");
        }

        private void Save()
        {
            int evses = _connectorsPerEvse.Length;
            int length = evses + 1;
            for (int e = 0; e < evses; e++)
            {
                length += _connectorsPerEvse[e];
            }

            byte[] data = new byte[length];
            int i = 0;
            for (int e = 0; e <= evses; e++)
            {
                data[i++] = (byte)(_evseOperative[e] ? 1 : 0);
            }

            for (int e = 0; e < evses; e++)
            {
                for (int c = 0; c < _connectorsPerEvse[e]; c++)
                {
                    data[i++] = (byte)(_connectorOperative[e][c] ? 1 : 0);
                }
            }

            try
            {
                _store.WriteAtomic(RecordName, data, data.Length);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "operational state not saved: " + e.Message);
            }
        }

        private void Load()
        {
            byte[] data = _store.Read(RecordName);
            if (data == null)
            {
                return;
            }

            int evses = _connectorsPerEvse.Length;
            int length = evses + 1;
            for (int e = 0; e < evses; e++)
            {
                length += _connectorsPerEvse[e];
            }

            if (data.Length != length)
            {
                _log.Write(LogLevel.Warning, Component, "stored operational state does not match the topology; all Operative");
                return;
            }

            int i = 0;
            for (int e = 0; e <= evses; e++)
            {
                _evseOperative[e] = data[i++] != 0;
            }

            for (int e = 0; e < evses; e++)
            {
                for (int c = 0; c < _connectorsPerEvse[e]; c++)
                {
                    _connectorOperative[e][c] = data[i++] != 0;
                }
            }
        }
    }
}
