using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Safety;
using Charger.Hal;
using Charger.Ocpp;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Where the OCPP client meets the charge controller, for the one EVSE with one connector this
    /// station has: the hooks OCPP calls (reset, availability, triggers) and the connector status
    /// OCPP reports (Available, Occupied, Faulted, Unavailable), derived from the controller's
    /// events.
    /// </summary>
    public sealed class OcppBridge : IStationHooks, IChargerEvents
    {
        public const int EvseId = 1;
        public const int ConnectorId = 1;

        private readonly ChargeController _controller;
        private readonly IRebootController _reboot;
        private readonly ILog _log;
        private OcppStation _ocpp;
        private bool _operative = true;
        private ConnectorStatus _reported = ConnectorStatus.Unavailable;
        private bool _reportedOnce;

        public OcppBridge(ChargeController controller, IRebootController reboot, ILog log)
        {
            _controller = controller;
            _reboot = reboot;
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
            return _controller.Authorized;
        }

        public bool SupportsEvseReset
        {
            get { return false; }
        }

        public void Reset(bool immediate, int evseId)
        {
            // Stop charging first so the reboot never breaks load; the runtime's next ticks open the
            // contactor before the board restarts (the simulator restarts after the tick).
            _controller.SetAuthorized(false);
            _log.Write(LogLevel.Warning, "ocpp", "reset requested by the CSMS (" + (immediate ? "immediate" : "on idle") + ")");
            if (_reboot != null)
            {
                _reboot.Reboot("OCPP Reset " + (immediate ? "Immediate" : "OnIdle"));
            }
        }

        public void SetOperative(int evseId, int connectorId, bool operative)
        {
            _operative = operative;
            if (!operative)
            {
                _controller.SetAuthorized(false);
            }

            _log.Write(LogLevel.Info, "ocpp", "connector " + (operative ? "operative" : "inoperative") + " by ChangeAvailability");
            UpdateStatus();
        }

        public bool TriggerMeterValues(int evseId)
        {
            return false;
        }

        public bool TriggerTransactionEvent(int evseId)
        {
            return false;
        }

        // ---- IChargerEvents ----

        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            UpdateStatus();
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            UpdateStatus();
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
            UpdateStatus();
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
