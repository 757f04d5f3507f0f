using System.Collections.Generic;

namespace Charger.Sim.Models.Csms
{
    /// <summary>What the CSMS knows about one charging station, across its connections.</summary>
    public sealed class StationRecord
    {
        private readonly Dictionary<string, string> _connectorStatus = new Dictionary<string, string>();
        private readonly List<EnergyReading> _meterValuesEnergy = new List<EnergyReading>();
        private readonly List<string> _protocolAnomalies = new List<string>();

        public StationRecord(string stationId)
        {
            StationId = stationId;
        }

        public string StationId { get; }

        public bool Connected { get; internal set; }

        public int ConnectCount { get; internal set; }

        public int BootCount { get; internal set; }

        /// <summary>The registration status of the last BootNotification answer; null before the first boot.</summary>
        public string RegistrationStatus { get; internal set; }

        public string LastBootReason { get; internal set; }

        public string Model { get; internal set; }

        public string VendorName { get; internal set; }

        public string FirmwareVersion { get; internal set; }

        public int HeartbeatCount { get; internal set; }

        public string LastFirmwareStatus { get; internal set; }

        public string LastLogStatus { get; internal set; }

        public int NotifyReportCount { get; internal set; }

        public int NotifyEventCount { get; internal set; }

        public int SecurityEventCount { get; internal set; }

        /// <summary>
        /// Requests other than BootNotification received while the station was not Accepted
        /// (OCPP 2.0.1 B02/B03: a Pending or Rejected station should not send them), not counting
        /// what the CSMS itself triggered or asked a report for while the station was Pending.
        /// </summary>
        public int RequestsBeforeAccepted { get; internal set; }

        /// <summary>Frames the CSMS could not use (malformed results, results nobody waited for).</summary>
        public IReadOnlyList<string> ProtocolAnomalies
        {
            get { return _protocolAnomalies; }
        }

        /// <summary>Energy.Active.Import.Register readings from MeterValues requests (outside transactions).</summary>
        public IReadOnlyList<EnergyReading> MeterValuesEnergy
        {
            get { return _meterValuesEnergy; }
        }

        /// <summary>The last StatusNotification for evse/connector; null when never reported.</summary>
        public string ConnectorStatus(int evseId, int connectorId)
        {
            string status;
            return _connectorStatus.TryGetValue(evseId + "/" + connectorId, out status) ? status : null;
        }

        internal void SetConnectorStatus(int evseId, int connectorId, string status)
        {
            _connectorStatus[evseId + "/" + connectorId] = status;
        }

        internal void AddMeterValuesEnergy(EnergyReading reading)
        {
            _meterValuesEnergy.Add(reading);
        }

        internal void AddAnomaly(string description)
        {
            _protocolAnomalies.Add(description);
        }
    }
}
