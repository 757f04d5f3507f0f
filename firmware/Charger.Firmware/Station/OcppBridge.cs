using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Safety;
using Charger.Hal;
using Charger.Ocpp;
using Charger.Ocpp.Transactions;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Where the OCPP client meets the charge controller, for the one EVSE with one connector this
    /// station has: the hooks OCPP calls (reset, availability, triggers), what the transaction and
    /// authorization services ask of the charger (<see cref="IEvseControl"/>), the charger facts they
    /// need (EV connected, power path, charging state, meter readings, stop reasons), and the
    /// connector status OCPP reports (Available, Occupied, Faulted, Unavailable).
    /// </summary>
    public sealed class OcppBridge : IStationHooks, IChargerEvents, IEvseControl, IRebootReadiness
    {
        public const int EvseId = 1;
        public const int ConnectorId = 1;

        private readonly ChargeController _controller;
        private readonly ServiceStop _serviceStop;
        private readonly IDigitalOutput _connectorLock;
        private readonly ILog _log;
        private readonly Charger.Ocpp.Transactions.MeterReading _reading = new Charger.Ocpp.Transactions.MeterReading();
        private bool _evConnected;
        private bool _powerPathClosed;
        private ChargingState _chargingState = ChargingState.Idle;
        private long _lastFeedMs;
        private OcppStation _ocpp;
        private bool _operative = true;
        private ConnectorStatus _reported = ConnectorStatus.Unavailable;
        private bool _reportedOnce;
        private bool _statusDirty;

        public OcppBridge(ChargeController controller, ServiceStop serviceStop, IDigitalOutput connectorLock, ILog log)
        {
            _controller = controller;
            _serviceStop = serviceStop;
            _connectorLock = connectorLock;
            _log = log;
        }

        /// <summary>False while the CSMS (ChangeAvailability) has taken the connector out of service.</summary>
        public bool Operative
        {
            get { return _operative; }
        }

        public ConnectorStatus ReportedStatus
        {
            get { return _reported; }
        }

        public void Attach(OcppStation ocpp)
        {
            _ocpp = ocpp;
            UpdateStatus();
        }

        // ---- IStationHooks ----

        public bool IsTransactionRunning(int evseId)
        {
            if (_ocpp == null)
            {
                return _controller.Authorized;
            }

            // evseId 0 is the whole station: any EVSE with a transaction counts (B12.FR.01, G04.FR.06).
            if (evseId == 0)
            {
                for (int e = 1; e <= _ocpp.Transactions.EvseCount; e++)
                {
                    if (_ocpp.Transactions.HasTransaction(e))
                    {
                        return true;
                    }
                }

                return false;
            }

            return _ocpp.Transactions.HasTransaction(evseId);
        }

        public bool SupportsEvseReset
        {
            get { return false; }
        }

        public void Reset(bool immediate, int evseId)
        {
            // B12.FR.02 (Immediate): the ResetResponse has left, the transaction ends now with
            // ImmediateReset (its Ended event is queued on flash), and the reboot waits for the
            // service stop (offer withdrawn, contactor opened without load) and the OCPP drain.
            if (_ocpp != null && immediate)
            {
                if (evseId > 0)
                {
                    _ocpp.Transactions.EndTransaction(evseId, StopReason.ImmediateReset, _lastFeedMs);
                }
                else
                {
                    for (int e = 1; e <= _ocpp.Transactions.EvseCount; e++)
                    {
                        _ocpp.Transactions.EndTransaction(e, StopReason.ImmediateReset, _lastFeedMs);
                    }
                }
            }

            _log.Write(LogLevel.Warning, "ocpp", "reset requested by the CSMS (" + (immediate ? "immediate" : "on idle") + ")");
            if (_serviceStop != null)
            {
                _serviceStop.RequestReboot(ServiceStopReason.Reset, "OCPP Reset " + (immediate ? "Immediate" : "OnIdle"), _lastFeedMs);
            }
        }

        public void SetOperative(int evseId, int connectorId, bool operative)
        {
            _operative = operative;
            if (_serviceStop != null)
            {
                // An Inoperative change that reaches here has no transaction left (G03.FR.05,
                // G04.FR.06 schedule it); energy that still flows (free vend) stops without load.
                if (operative)
                {
                    _serviceStop.Release(ServiceStopReason.Availability);
                }
                else
                {
                    _serviceStop.RequestServiceStop(ServiceStopReason.Availability, _lastFeedMs);
                }
            }

            if (!operative)
            {
                _controller.SetAuthorized(false);
            }

            _log.Write(LogLevel.Info, "ocpp", "connector " + (operative ? "operative" : "inoperative") + " by ChangeAvailability");
            UpdateStatus();
        }

        /// <summary>
        /// <see cref="IRebootReadiness"/>: the ResetResponse and the Ended event have left when the
        /// CSMS has confirmed every queued transaction message (it answers in order) and no CALL is
        /// outstanding; offline, the queued events are on flash and go out after the reboot.
        /// </summary>
        public bool ReadyToReboot(long nowMs)
        {
            if (_ocpp == null || !_ocpp.Connection.IsConnected)
            {
                return true;
            }

            return _ocpp.Transactions.Queue.IsEmpty && _ocpp.Rpc.Outstanding == null && _ocpp.Rpc.QueuedCalls == 0;
        }

        public bool TriggerMeterValues(int evseId)
        {
            return false;
        }

        public bool TriggerTransactionEvent(int evseId)
        {
            return false;
        }

        // ---- IEvseControl (asked by the transaction and authorization services) ----

        public void Authorize(int evseId, bool authorized)
        {
            if (authorized && !_operative)
            {
                _log.Write(LogLevel.Warning, "auth", "authorization ignored: connector unavailable");
                return;
            }

            _controller.SetAuthorized(authorized);
        }

        public void TokenRejected(int evseId, string status)
        {
            _log.Write(LogLevel.Info, "auth", "card refused: " + status);
        }

        public void RequestStop(int evseId)
        {
            // A normal stop: the controller withdraws the PWM first and opens once the EV has let go.
            _controller.SetAuthorized(false);
        }

        public UnlockStatus Unlock(int evseId, int connectorId)
        {
            if (evseId != EvseId || connectorId != ConnectorId)
            {
                return UnlockStatus.UnknownConnector;
            }

            if (_controller.ConnectorLock != null)
            {
                // The charge controller owns the lock: it is released only with the contactor open and verified.
                return _controller.RequestUnlock() ? UnlockStatus.Unlocked : UnlockStatus.UnlockFailed;
            }

            if (_connectorLock == null)
            {
                _log.Write(LogLevel.Warning, "ocpp", "UnlockConnector: this station has no connector lock actuator");
                return UnlockStatus.UnlockFailed;
            }

            _connectorLock.Write(false);
            return UnlockStatus.Unlocked;
        }

        public bool IsEvConnected(int evseId)
        {
            IecState state = _controller.State;
            return state != IecState.A && state != IecState.Invalid;
        }

        // ---- charger facts for the transaction service ----

        /// <summary>
        /// Hands the transaction service what changed since the last OCPP slice: EV plugged or
        /// unplugged, power path closed or opened (with why), charging state. Called by the OCPP duty
        /// before the OCPP client's own tick.
        /// </summary>
        public void Feed(long nowMs)
        {
            _lastFeedMs = nowMs;
            if (_statusDirty)
            {
                _statusDirty = false;
                UpdateStatus();
            }

            if (_ocpp == null)
            {
                return;
            }

            TransactionService tx = _ocpp.Transactions;
            bool ev = IsEvConnected(EvseId);
            // The power path counts as closed only when this boot commanded it closed AND the
            // feedback confirms it: feedback that reads closed with the coil off (stale at boot, or
            // a welded contactor, which the safety supervisor reports) never starts a transaction.
            bool power = _controller.ContactorCommandedClosed && _controller.ContactorFeedbackClosed;
            if (ev && !_evConnected)
            {
                tx.EvConnected(EvseId, ConnectorId, nowMs);
            }

            // The charging state goes first: a transaction that the closing contactor starts then
            // says Charging in its Started event (issue 17 item 6: it said SuspendedEVSE).
            ChargingState state = ChargingStateNow(ev, power);
            if (state != _chargingState)
            {
                tx.SetChargingState(EvseId, state, nowMs);
                _chargingState = state;
            }

            if (power != _powerPathClosed)
            {
                if (power)
                {
                    tx.PowerPathClosed(EvseId, nowMs);
                }
                else
                {
                    tx.PowerPathOpened(EvseId, StopReasonNow(ev), nowMs);
                }

                _powerPathClosed = power;
            }

            if (!ev && _evConnected)
            {
                tx.EvDisconnected(EvseId, nowMs);
            }

            _evConnected = ev;
        }

        /// <summary>Each accepted meter reading, converted for TransactionEvent and MeterValues.</summary>
        public void OnMeterReading(Charger.Metering.MeterReading r)
        {
            if (_ocpp == null)
            {
                return;
            }

            _reading.EnergyWh = (long)(r.EnergyActiveImportWh + 0.5);
            _reading.HasPower = true;
            _reading.PowerW = r.PowerActiveImportW;
            int phases = r.PhaseCount > Charger.Ocpp.Transactions.MeterReading.MaxPhases ? Charger.Ocpp.Transactions.MeterReading.MaxPhases : r.PhaseCount;
            _reading.Phases = phases;
            for (int i = 0; i < phases; i++)
            {
                _reading.CurrentA[i] = r.GetCurrentA(i + 1);
                _reading.VoltageV[i] = r.GetVoltageV(i + 1);
            }

            // Current.Offered (smart charging): what the pilot offers with this reading.
            _reading.HasOffered = true;
            _reading.OfferedA = _controller.Offer.OfferDa / 10.0;
            _ocpp.Transactions.UpdateMeter(EvseId, _reading, r.ReadAtMs);
        }

        private StopReason StopReasonNow(bool evConnected)
        {
            if (!evConnected)
            {
                return StopReason.EVDisconnected;
            }

            if (_controller.IsFaultActive(FaultCode.RcdTrip))
            {
                return StopReason.GroundFault;
            }

            if (_controller.IsFaultActive(FaultCode.EmergencyStop))
            {
                return StopReason.EmergencyStop;
            }

            if (_controller.IsFaultActive(FaultCode.OverCurrent))
            {
                return StopReason.OvercurrentFault;
            }

            if (_controller.ActiveFaultCount > 0)
            {
                return StopReason.Other;
            }

            return _controller.Authorized ? StopReason.StoppedByEV : StopReason.Local;
        }

        // OCPP 2.0.1 ChargingStateEnumType from the IEC 61851 state and the power path.
        private ChargingState ChargingStateNow(bool evConnected, bool powerPathClosed)
        {
            if (!evConnected)
            {
                return ChargingState.Idle;
            }

            IecState state = _controller.State;
            if (powerPathClosed && (state == IecState.C2 || state == IecState.D2))
            {
                return ChargingState.Charging;
            }

            if (!_controller.Authorized)
            {
                // A transaction that goes on without authorization (StopTxOnInvalidId false, E05)
                // is held back by the station: SuspendedEVSE, not EVConnected (issue 17 item 6).
                bool running = _ocpp != null && _ocpp.Transactions.HasTransaction(EvseId);
                return running ? ChargingState.SuspendedEVSE : ChargingState.EVConnected;
            }

            // Authorized but not charging: the EV is not asking (B2), or the station holds back
            // (no offer: thermal stop, fault, pause below 6 A).
            return state == IecState.B2 ? ChargingState.SuspendedEV : ChargingState.SuspendedEVSE;
        }

        // ---- IChargerEvents ----

        // The controller calls these from inside the safety stages. They only note that the connector
        // status may have changed; the OCPP duty works it out and reports it (Feed), so no OCPP work
        // (device model, StatusNotification) runs in the safety path (issue 11).
        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            _statusDirty = true;
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            _statusDirty = true;
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
            _statusDirty = true;
        }

        /// <summary>OCPP 2.0.1 connector status from availability, faults and the pilot (G01/G03).</summary>
        public ConnectorStatus ComputeStatus()
        {
            if (!_operative)
            {
                return ConnectorStatus.Unavailable;
            }

            if (_controller.ActiveFaultCount > 0)
            {
                return ConnectorStatus.Faulted;
            }

            IecState state = _controller.State;
            return state == IecState.A || state == IecState.Invalid ? ConnectorStatus.Available : ConnectorStatus.Occupied;
        }

        private void UpdateStatus()
        {
            ConnectorStatus status = ComputeStatus();
            if (_ocpp == null || (_reportedOnce && status == _reported))
            {
                return;
            }

            _reported = status;
            _reportedOnce = true;
            _ocpp.SetConnectorStatus(EvseId, ConnectorId, status);
        }
    }
}
