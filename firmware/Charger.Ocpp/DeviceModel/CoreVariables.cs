using Charger.Ocpp.CertificateManagement;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>
    /// Builds the controllers and components Core needs (OCPP 2.0.1 part 2 appendix, "Referenced
    /// Components and Variables") and keeps a reference to each variable the client reads, so
    /// configuration is a field access, not a lookup. Defaults follow the specification's
    /// recommended values where it gives one.
    /// </summary>
    public sealed class CoreVariables
    {
        private const string Measurands =
            "Current.Import,Current.Offered,Energy.Active.Import.Register,Power.Active.Import,Power.Offered,SoC,Temperature,Voltage,Frequency";

        private const string TxPoints = "ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer";

        public const string OcppCommCtrlr = "OCPPCommCtrlr";
        public const string DeviceDataCtrlr = "DeviceDataCtrlr";
        public const string ClockCtrlr = "ClockCtrlr";
        public const string SecurityCtrlr = "SecurityCtrlr";
        public const string TxCtrlr = "TxCtrlr";
        public const string SampledDataCtrlr = "SampledDataCtrlr";
        public const string AlignedDataCtrlr = "AlignedDataCtrlr";
        public const string AuthCtrlr = "AuthCtrlr";
        public const string AuthCacheCtrlr = "AuthCacheCtrlr";
        public const string LocalAuthListCtrlr = "LocalAuthListCtrlr";
        public const string ChargingStation = "ChargingStation";
        public const string Evse = "EVSE";
        public const string Connector = "Connector";

        /// <summary>Vendor-specific SecurityCtrlr variable: the serial console's maintenance password, stored hashed.</summary>
        public const string MaintenancePasswordName = "MaintenancePassword";

        public Variable HeartbeatInterval;
        public Variable CertificateEntries;
        public Variable MessageTimeout;
        public Variable RetryBackOffWaitMinimum;
        public Variable RetryBackOffRandomRange;
        public Variable RetryBackOffRepeatTimes;
        public Variable WebSocketPingInterval;
        public Variable OfflineThreshold;
        public Variable MessageAttempts;
        public Variable MessageAttemptInterval;
        public Variable ResetRetries;
        public Variable NetworkConfigurationPriority;
        public Variable NetworkProfileConnectionAttempts;
        public Variable ActiveNetworkProfile;

        public Variable ItemsPerMessageGetReport;
        public Variable ItemsPerMessageGetVariables;
        public Variable ItemsPerMessageSetVariables;
        public Variable BytesPerMessageGetReport;
        public Variable BytesPerMessageGetVariables;
        public Variable BytesPerMessageSetVariables;
        public Variable ConfigurationValueSize;
        public Variable ReportingValueSize;

        public Variable ClockDateTime;
        public Variable TimeSource;

        public Variable SecurityProfile;
        public Variable BasicAuthPassword;
        public Variable Identity;
        public Variable MaintenancePassword;

        public Variable StationAvailabilityState;
        public Variable StationAvailable;

        /// <summary>Per EVSE, index evseId - 1.</summary>
        public Variable[] EvseAvailabilityState;

        /// <summary>Per connector, [evseId - 1][connectorId - 1].</summary>
        public Variable[][] ConnectorAvailabilityState;

        private readonly StationDeviceModel _model;

        public CoreVariables(StationDeviceModel model, StationConfig config)
        {
            _model = model;
            const AttributeType A = AttributeType.Actual;
            const Mutability RO = Mutability.ReadOnly;
            const Mutability RW = Mutability.ReadWrite;
            const Mutability WO = Mutability.WriteOnly;

            // Bounded by the one-day limit RegistrationManager applies to a BootNotification interval (issue 13).
            HeartbeatInterval = Int(OcppCommCtrlr, null, "HeartbeatInterval", null, RW, 300, "s", 1, 86400);
            MessageTimeout = Int(OcppCommCtrlr, null, "MessageTimeout", "Default", RW, 30, "s", 1, 3600);
            RetryBackOffWaitMinimum = Int(OcppCommCtrlr, null, "RetryBackOffWaitMinimum", null, RW, 30, "s", 0, 86400);
            RetryBackOffRandomRange = Int(OcppCommCtrlr, null, "RetryBackOffRandomRange", null, RW, 10, "s", 0, 86400);
            RetryBackOffRepeatTimes = Int(OcppCommCtrlr, null, "RetryBackOffRepeatTimes", null, RW, 5, null, 0, 100);
            WebSocketPingInterval = Int(OcppCommCtrlr, null, "WebSocketPingInterval", null, RW, 30, "s", 0, 86400);
            OfflineThreshold = Int(OcppCommCtrlr, null, "OfflineThreshold", null, RW, 60, "s", 0, 86400);
            MessageAttempts = Int(OcppCommCtrlr, null, "MessageAttempts", "TransactionEvent", RW, 3, null, 0, 100);
            MessageAttemptInterval = Int(OcppCommCtrlr, null, "MessageAttemptInterval", "TransactionEvent", RW, 60, "s", 0, 86400);
            ResetRetries = Int(OcppCommCtrlr, null, "ResetRetries", null, RW, 2, null, 0, 100);
            // B10: a new network profile order is used from the next start (SetVariables answers RebootRequired);
            // the slots are NetworkProfileStore's.
            NetworkConfigurationPriority = List(OcppCommCtrlr, "NetworkConfigurationPriority", DataType.SequenceList, RW, "0",
                Charger.Ocpp.NetworkProfiles.NetworkProfileStore.ValuesList());
            NetworkConfigurationPriority.RebootRequired = true;
            NetworkProfileConnectionAttempts = Int(OcppCommCtrlr, null, "NetworkProfileConnectionAttempts", null, RW, 3, null, 1, 100);
            // The configuration slot connected with or being tried (-1: none usable).
            ActiveNetworkProfile = Int(OcppCommCtrlr, null, "ActiveNetworkProfile", null, RO, 0, null, -1,
                Charger.Ocpp.NetworkProfiles.NetworkProfileStore.SlotCount - 1);
            ActiveNetworkProfile.Persistent = false;
            Bool(OcppCommCtrlr, null, 0, 0, "UnlockOnEVSideDisconnect", RW, true);
            // N01 (GetLog): the protocols the station uploads with (LogUploadService).
            List(OcppCommCtrlr, "FileTransferProtocols", DataType.MemberList, RO, "HTTP,HTTPS", "FTP,FTPS,HTTP,HTTPS,SFTP").Persistent = false;

            ItemsPerMessageGetReport = Int(DeviceDataCtrlr, null, "ItemsPerMessage", "GetReport", RO, 20, null, 1, 1000);
            ItemsPerMessageGetVariables = Int(DeviceDataCtrlr, null, "ItemsPerMessage", "GetVariables", RO, 20, null, 1, 1000);
            ItemsPerMessageSetVariables = Int(DeviceDataCtrlr, null, "ItemsPerMessage", "SetVariables", RO, 20, null, 1, 1000);
            BytesPerMessageGetReport = Int(DeviceDataCtrlr, null, "BytesPerMessage", "GetReport", RO, 8000, "B", 256, 65536);
            BytesPerMessageGetVariables = Int(DeviceDataCtrlr, null, "BytesPerMessage", "GetVariables", RO, 8000, "B", 256, 65536);
            BytesPerMessageSetVariables = Int(DeviceDataCtrlr, null, "BytesPerMessage", "SetVariables", RO, 8000, "B", 256, 65536);
            ConfigurationValueSize = Int(DeviceDataCtrlr, null, "ConfigurationValueSize", null, RO, 1000, null, 1, 1000);
            ReportingValueSize = Int(DeviceDataCtrlr, null, "ReportingValueSize", null, RO, 2500, null, 1, 2500);
            Int(DeviceDataCtrlr, null, "ValueSize", null, RO, 2500, null, 1, 2500);

            ClockDateTime = model.Add(new Variable(ClockCtrlr, null, 0, 0, "DateTime", null, DataType.DateTime).WithAttribute(A, RO, null));
            ClockDateTime.Persistent = false;
            TimeSource = List(ClockCtrlr, "TimeSource", DataType.SequenceList, RW, "Heartbeat",
                "Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter");

            SecurityProfile = Int(SecurityCtrlr, null, "SecurityProfile", null, RO, config.SecurityProfile, null, 1, 3);
            SecurityProfile.Persistent = false;
            BasicAuthPassword = model.Add(new Variable(SecurityCtrlr, null, 0, 0, "BasicAuthPassword", null, DataType.String)
                .WithAttribute(A, WO, config.BasicAuthPassword));

            // OCPP 2.0.1 part 2 A00: passwordString of 16 to 40 characters.
            BasicAuthPassword.HasMaxLimit = true;
            BasicAuthPassword.MaxLimit = 40;
            BasicAuthPassword.HasMinLimit = true;
            BasicAuthPassword.MinLimit = 16;
            Identity = model.Add(new Variable(SecurityCtrlr, null, 0, 0, "Identity", null, DataType.String).WithAttribute(A, RO, config.StationId));
            Identity.Persistent = false;
            Identity.HasMaxLimit = true;
            Identity.MaxLimit = 48;
            model.Add(new Variable(SecurityCtrlr, null, 0, 0, "OrganizationName", null, DataType.String).WithAttribute(A, RW, ""));
            // Installed certificates now, and (maxLimit) the most the certificate store holds.
            CertificateEntries = Int(SecurityCtrlr, null, "CertificateEntries", null, RO, 0, null, 0, CertificateStore.DefaultCapacity);
            CertificateEntries.Persistent = false;
            MaintenancePassword = model.Add(new Variable(SecurityCtrlr, null, 0, 0, MaintenancePasswordName, null, DataType.String)
                .WithAttribute(A, WO, null));
            MaintenancePassword.Hashed = true;
            MaintenancePassword.HasMinLimit = true;
            MaintenancePassword.MinLimit = 8;
            MaintenancePassword.HasMaxLimit = true;
            MaintenancePassword.MaxLimit = 64;

            Int(TxCtrlr, null, "EVConnectionTimeOut", null, RW, 60, "s", 1, 86400);
            Bool(TxCtrlr, null, 0, 0, "StopTxOnEVSideDisconnect", RW, true);
            Bool(TxCtrlr, null, 0, 0, "StopTxOnInvalidId", RW, true);
            Int(TxCtrlr, null, "MaxEnergyOnInvalidId", null, RW, 0, "Wh", 0, int.MaxValue);
            List(TxCtrlr, "TxStartPoint", DataType.MemberList, RW, "PowerPathClosed", TxPoints);
            List(TxCtrlr, "TxStopPoint", DataType.MemberList, RW, "EVConnected,Authorized", TxPoints);

            Bool(SampledDataCtrlr, null, 0, 0, "Enabled", RW, true);
            List(SampledDataCtrlr, "TxStartedMeasurands", DataType.MemberList, RW, "Energy.Active.Import.Register", Measurands);
            List(SampledDataCtrlr, "TxUpdatedMeasurands", DataType.MemberList, RW,
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage", Measurands);
            Int(SampledDataCtrlr, null, "TxUpdatedInterval", null, RW, 60, "s", 0, 86400);
            List(SampledDataCtrlr, "TxEndedMeasurands", DataType.MemberList, RW, "Energy.Active.Import.Register", Measurands);
            Int(SampledDataCtrlr, null, "TxEndedInterval", null, RW, 0, "s", 0, 86400);

            Bool(AlignedDataCtrlr, null, 0, 0, "Enabled", RW, true);
            List(AlignedDataCtrlr, "Measurands", DataType.MemberList, RW, "Energy.Active.Import.Register", Measurands);
            Int(AlignedDataCtrlr, null, "Interval", null, RW, 900, "s", 0, 86400);
            List(AlignedDataCtrlr, "TxEndedMeasurands", DataType.MemberList, RW, "Energy.Active.Import.Register", Measurands);
            Int(AlignedDataCtrlr, null, "TxEndedInterval", null, RW, 0, "s", 0, 86400);

            Bool(AuthCtrlr, null, 0, 0, "Enabled", RW, true);
            Bool(AuthCtrlr, null, 0, 0, "AuthorizeRemoteStart", RW, true);
            Bool(AuthCtrlr, null, 0, 0, "LocalAuthorizeOffline", RW, true);
            Bool(AuthCtrlr, null, 0, 0, "LocalPreAuthorize", RW, false);
            Bool(AuthCtrlr, null, 0, 0, "OfflineTxForUnknownIdEnabled", RW, false);
            Bool(AuthCtrlr, null, 0, 0, "DisableRemoteAuthorization", RW, false);

            Bool(AuthCacheCtrlr, null, 0, 0, "Enabled", RW, true);
            Bool(AuthCacheCtrlr, null, 0, 0, "Available", RO, true).Persistent = false;
            Int(AuthCacheCtrlr, null, "LifeTime", null, RW, 86400, "s", 1, int.MaxValue);
            Int(AuthCacheCtrlr, null, "Storage", null, RO, 8192, "B", 0, int.MaxValue).Persistent = false;
            List(AuthCacheCtrlr, "Policy", DataType.OptionList, RW, "LRU", "LRU,LFU,FIFO,CUSTOM");
            Bool(AuthCacheCtrlr, null, 0, 0, "DisablePostAuthorize", RW, false);

            Bool(LocalAuthListCtrlr, null, 0, 0, "Enabled", RW, true);
            Bool(LocalAuthListCtrlr, null, 0, 0, "Available", RO, true).Persistent = false;
            Int(LocalAuthListCtrlr, null, "Entries", null, RO, 0, null, 0, int.MaxValue).Persistent = false;
            Int(LocalAuthListCtrlr, null, "ItemsPerMessage", null, RO, 50, null, 1, 1000);
            Int(LocalAuthListCtrlr, null, "BytesPerMessage", null, RO, 8000, "B", 256, 65536);
            Int(LocalAuthListCtrlr, null, "Storage", null, RO, 8192, "B", 0, int.MaxValue).Persistent = false;

            StationAvailabilityState = Availability(ChargingStation, 0, 0);
            StationAvailable = Bool(ChargingStation, null, 0, 0, "Available", RO, true);
            StationAvailable.Persistent = false;
            model.Add(new Variable(ChargingStation, null, 0, 0, "Model", null, DataType.String).WithAttribute(A, RO, config.Model)).Persistent = false;
            model.Add(new Variable(ChargingStation, null, 0, 0, "VendorName", null, DataType.String).WithAttribute(A, RO, config.VendorName)).Persistent = false;

            int evses = config.ConnectorsPerEvse.Length;
            EvseAvailabilityState = new Variable[evses];
            ConnectorAvailabilityState = new Variable[evses][];
            for (int e = 1; e <= evses; e++)
            {
                EvseAvailabilityState[e - 1] = Availability(Evse, e, 0);
                Bool(Evse, null, e, 0, "Available", RO, true).Persistent = false;
                Variable power = model.Add(new Variable(Evse, null, e, 0, "Power", null, DataType.Decimal)
                    .WithAttribute(A, RO, "0")
                    .WithAttribute(AttributeType.MaxSet, RW, config.EvseMaxPowerW.ToString()));
                power.Unit = "W";
                power.HasMinLimit = true;
                power.MinLimit = 0;
                power.HasMaxLimit = true;
                power.MaxLimit = config.EvseMaxPowerW;

                int connectors = config.ConnectorsPerEvse[e - 1];
                ConnectorAvailabilityState[e - 1] = new Variable[connectors];
                for (int c = 1; c <= connectors; c++)
                {
                    ConnectorAvailabilityState[e - 1][c - 1] = Availability(Connector, e, c);
                    Bool(Connector, null, e, c, "Available", RO, true).Persistent = false;
                    model.Add(new Variable(Connector, null, e, c, "ConnectorType", null, DataType.String)
                        .WithAttribute(A, RO, config.ConnectorType)).Persistent = false;
                }
            }
        }

        public StationDeviceModel Model
        {
            get { return _model; }
        }

        private Variable Int(string component, string componentInstance, string name, string instance, Mutability mutability,
            int value, string unit, int minLimit, int maxLimit)
        {
            Variable v = new Variable(component, componentInstance, 0, 0, name, instance, DataType.Integer)
                .WithAttribute(AttributeType.Actual, mutability, value.ToString());
            v.Unit = unit;
            v.HasMinLimit = true;
            v.MinLimit = minLimit;
            v.HasMaxLimit = true;
            v.MaxLimit = maxLimit;
            return _model.Add(v);
        }

        private Variable Bool(string component, string componentInstance, int evseId, int connectorId, string name, Mutability mutability, bool value)
        {
            return _model.Add(new Variable(component, componentInstance, evseId, connectorId, name, null, DataType.Boolean)
                .WithAttribute(AttributeType.Actual, mutability, value ? "true" : "false"));
        }

        private Variable List(string component, string name, DataType type, Mutability mutability, string value, string valuesList)
        {
            Variable v = new Variable(component, null, 0, 0, name, null, type).WithAttribute(AttributeType.Actual, mutability, value);
            v.ValuesList = valuesList;
            return _model.Add(v);
        }

        private Variable Availability(string component, int evseId, int connectorId)
        {
            Variable v = new Variable(component, null, evseId, connectorId, "AvailabilityState", null, DataType.OptionList)
                .WithAttribute(AttributeType.Actual, Mutability.ReadOnly, "Available");
            v.ValuesList = "Available,Occupied,Reserved,Unavailable,Faulted";
            v.Persistent = false;
            v.InSummary = true;
            return _model.Add(v);
        }
    }
}
