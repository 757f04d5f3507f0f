using Charger.Hal;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Availability;
using Charger.Ocpp.CertificateManagement;
using Charger.Ocpp.CertificateRevocation;
using Charger.Ocpp.DataTransfer;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Diagnostics;
using Charger.Ocpp.FirmwareManagement;
using Charger.Ocpp.NetworkProfiles;
using Charger.Ocpp.Provisioning;
using Charger.Ocpp.RemoteControl;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.SmartCharging;
using Charger.Ocpp.Security;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp
{
    /// <summary>
    /// The OCPP 2.0.1 client as one object the firmware ticks: connection, RPC, device model,
    /// provisioning, availability and remote control, wired to the charger only through
    /// <see cref="IStationHooks"/> and <see cref="SetConnectorStatus"/>. Everything happens in
    /// <see cref="Tick"/>; the socket's thread only fills the RPC's inbound queue.
    /// </summary>
    public sealed class OcppStation : IConnectionListener
    {
        private readonly StationConfig _config;
        private readonly ILog _log;
        private readonly StationDeviceModel _model;
        private readonly CoreVariables _vars;
        private readonly StationClock _clock = new StationClock();
        private readonly RpcEndpoint _rpc;
        private readonly ConnectionManager _connection;
        private readonly RegistrationManager _registration;
        private readonly AvailabilityManager _availability;
        private readonly ReportPager _reports;
        private readonly ResetHandler _reset;
        private readonly DataTransferHandler _dataTransfer = new DataTransferHandler();
        private readonly TransactionService _transactions;
        private readonly AuthorizationService _authorization;
        private readonly CertificateStore _certificates;
        private readonly SmartChargingVariables _smartVars;
        private readonly SmartChargingService _smart;
        private readonly CertificateSigningVariables _signingVars;
        private readonly StationCertificateManager _stationCertificates;
        private readonly SecurityLog _securityLog;
        private readonly SecurityEventService _securityEvents;
        private readonly SecurityProfilePolicy _profilePolicy;
        private readonly BasicAuthPasswordChange _passwordChange;
        private readonly LogUploadService _logUploads;
        private readonly NetworkProfileStore _networkProfiles;
        private readonly NetworkProfileSelector _profileSelector;
        private readonly NetworkProfileFailover _failover;
        private int _clockSetsSeen;
        private int _authFailuresSeen;
        private int _tlsFailuresSeen;
        private long _invalidFramesSeen;
        private long _lastInvalidEventMs = -InvalidMessagesEventPeriodMs;
        private readonly FirmwareUpdateService _firmwareUpdates;
        private readonly CrlStore _crls;
        private long _queueDropsSeen;
        private long _lastMemoryEventMs = -MemoryExhaustionEventPeriodMs;

        /// <summary>
        /// At most one MemoryExhaustion security event per hour while the transaction queue is at its
        /// bound (an outage of hours drops an Updated event every interval; one report an hour says it).
        /// </summary>
        public const long MemoryExhaustionEventPeriodMs = 3600000;
        private long _lastTickMs;

        /// <summary>
        /// At most one InvalidMessages security event per this period, counting the frames refused
        /// since the last one: a CSMS (or an attacker) sending garbage cannot flush the bounded
        /// security log of everything else.
        /// </summary>
        public const long InvalidMessagesEventPeriodMs = 60000;

        /// <summary>A station without a charger behind it for transactions (no EVSE ever reports a vehicle).</summary>
        public OcppStation(StationConfig config, IWebSocketClient socket, IFileStore store, IRandomSource random, ILog log,
            IStationHooks hooks, BootReason bootReason, RpcLimits limits)
            : this(config, socket, store, random, log, hooks, null, null, bootReason, limits)
        {
        }

        /// <summary>
        /// The full client: <paramref name="evseControl"/> is the charger's side of authorization and
        /// transactions (blocks C, D, E, F). Interrupted transactions found in <paramref name="store"/>
        /// are ended with PowerLoss here, before anything else runs.
        /// </summary>
        /// <param name="transactionOptions">Queue bounds and power-loss rules; null for the defaults.</param>
        public OcppStation(StationConfig config, IWebSocketClient socket, IFileStore store, IRandomSource random, ILog log,
            IStationHooks hooks, IEvseControl evseControl, TransactionOptions transactionOptions, BootReason bootReason, RpcLimits limits)
        {
            _config = config;
            _log = log;
            _model = new StationDeviceModel(store, log, random);
            _vars = new CoreVariables(_model, config);
            _smartVars = new SmartChargingVariables(_model, config.SmartCharging);
            _signingVars = new CertificateSigningVariables(_model);
            _model.Load();
            _vars.ClockDateTime.Reader = ReadClock;

            _rpc = new RpcEndpoint(socket, log, random, limits);
            _rpc.MessageTimeoutMs = (int)_vars.MessageTimeout.IntValue * 1000;
            _model.Changed += OnVariableChanged;

            _connection = new ConnectionManager(socket, _vars, config, random, log);
            _connection.SetListener(this);
            BootReason reason = ResetHandler.TakeBootReason(store, bootReason);
            _registration = new RegistrationManager(_rpc, _vars, _clock, config, reason, log);
            _availability = new AvailabilityManager(_rpc, _vars, _clock, hooks, store, config, log);
            _registration.SetListener(_availability);
            _reports = new ReportPager(_model, _vars, _rpc, _clock, log);
            _reset = new ResetHandler(hooks, store, config.ConnectorsPerEvse.Length, log);

            // Security (A01, A04, A05): the log is loaded before anything can raise an event.
            _securityLog = new SecurityLog(store, log, config.SecurityLogCapacity);
            _securityLog.Load();
            _securityEvents = new SecurityEventService(_rpc, _clock, _securityLog, log);
            _reset.SecurityEvents = _securityEvents;
            _profilePolicy = new SecurityProfilePolicy(store, log);
            _profilePolicy.Enforce(_model, _vars.SecurityProfile);
            _passwordChange = new BasicAuthPasswordChange(_connection, _model, _vars.BasicAuthPassword, store, log);

            // Network profiles (B09, B10): slot 0 is the provisioned CSMS; the priority read now holds until the next boot.
            NetworkProfile provisioned = new NetworkProfile();
            provisioned.CsmsUrl = config.CsmsUrl;
            provisioned.SecurityProfile = config.SecurityProfile;
            provisioned.MessageTimeoutS = (int)_vars.MessageTimeout.IntValue;
            _networkProfiles = new NetworkProfileStore(store, provisioned, log);
            _profileSelector = new NetworkProfileSelector(_networkProfiles, store, _vars.NetworkConfigurationPriority.Value, log);
            _profileSelector.SecurityFloor = _profilePolicy.Floor;
            _failover = new NetworkProfileFailover(_profileSelector, _connection, _vars, _rpc);
            _failover.Start();
            _model.ValueCheck = CheckVariableValue;
            _rpc.Register(SetNetworkProfileHandler.Action, SetNetworkProfileHandler.RequestSchema,
                new SetNetworkProfileHandler(_networkProfiles, _profileSelector, log));
            _clockSetsSeen = _clock.SignificantSets;
            _authFailuresSeen = _connection.AuthenticationFailures;

            _rpc.Register("GetVariables", DeviceModelSchemas.GetVariablesRequest, new GetVariablesHandler(_model, _vars));
            _rpc.Register("SetVariables", DeviceModelSchemas.SetVariablesRequest, new SetVariablesHandler(_model, _vars, log));
            _rpc.Register("GetBaseReport", DeviceModelSchemas.GetBaseReportRequest, new GetBaseReportHandler(_reports));
            _rpc.Register("Reset", ProvisioningSchemas.ResetRequest, _reset);
            _rpc.Register("ChangeAvailability", ChangeAvailabilityHandler.RequestSchema, new ChangeAvailabilityHandler(_availability));
            IEvseControl control = evseControl == null ? new DetachedEvseControl() : evseControl;
            _transactions = new TransactionService(_rpc, _connection, _clock, _vars, store, random, log, control,
                config.ConnectorsPerEvse.Length, transactionOptions);
            _authorization = new AuthorizationService(_rpc, _connection, _clock, _vars, store, log, control, _transactions);
            _authorization.Load();
            _availability.TransactionQueue = _transactions.Queue;
            _transactions.Recover(config.StartedAtTickMs);

            _logUploads = new LogUploadService(_rpc, config.StationId, log);
            _rpc.Register(LogUploadService.Action, LogUploadService.RequestSchema, _logUploads);
            TriggerMessageHandler trigger = new TriggerMessageHandler(_registration, _availability, hooks, _transactions);
            trigger.LogUploads = _logUploads;
            _rpc.Register("TriggerMessage", TriggerMessageHandler.RequestSchema, trigger);
            _rpc.Register("ClearCache", AuthorizationSchemas.EmptyRequest, new ClearCacheHandler(_authorization));
            _rpc.Register("GetLocalListVersion", AuthorizationSchemas.EmptyRequest, new GetLocalListVersionHandler(_authorization));
            _rpc.Register("SendLocalList", AuthorizationSchemas.SendLocalListRequest, new SendLocalListHandler(_authorization));
            _smart = new SmartChargingService(_rpc, _clock, _transactions, store, log, config.SmartCharging, _smartVars, config.ConnectorsPerEvse.Length);
            _smart.Authorization = _authorization;
            _smart.Load();
            _rpc.Register("SetChargingProfile", SmartChargingSchemas.SetChargingProfileRequest, new SetChargingProfileHandler(_smart));
            _rpc.Register("ClearChargingProfile", SmartChargingSchemas.ClearChargingProfileRequest, new ClearChargingProfileHandler(_smart));
            _rpc.Register("GetChargingProfiles", SmartChargingSchemas.GetChargingProfilesRequest, new GetChargingProfilesHandler(_smart));
            _rpc.Register("GetCompositeSchedule", SmartChargingSchemas.GetCompositeScheduleRequest, new GetCompositeScheduleHandler(_smart, _clock));
            _rpc.Register("RequestStartTransaction", TransactionControlSchemas.RequestStartTransactionRequest,
                new RequestStartTransactionHandler(_authorization, _transactions, _availability, _smart));
            _rpc.Register("RequestStopTransaction", TransactionControlSchemas.RequestStopTransactionRequest,
                new RequestStopTransactionHandler(_transactions, control));
            _rpc.Register("UnlockConnector", TransactionControlSchemas.UnlockConnectorRequest,
                new UnlockConnectorHandler(_transactions, control, config.ConnectorsPerEvse));
            _rpc.Register("GetTransactionStatus", TransactionControlSchemas.GetTransactionStatusRequest, new GetTransactionStatusHandler(_transactions));
            _rpc.Register("DataTransfer", DataTransferHandler.RequestSchema, _dataTransfer);

            // Certificate management (M03-M05): root certificates for TLS and firmware signing.
            _certificates = new CertificateStore(store, log, (int)_vars.CertificateEntries.MaxLimit);
            _certificates.Load();
            _vars.CertificateEntries.Reader = ReadCertificateEntries;
            _connection.TlsSource = new InstalledRootsTlsSource(new ConfigTlsSource(config), _certificates);
            _rpc.Register("InstallCertificate", CertificateSchemas.InstallCertificateRequest, new InstallCertificateHandler(_certificates, _clock));
            _rpc.Register("GetInstalledCertificateIds", CertificateSchemas.GetInstalledCertificateIdsRequest, new GetInstalledCertificateIdsHandler(_certificates));
            _rpc.Register("DeleteCertificate", CertificateSchemas.DeleteCertificateRequest, new DeleteCertificateHandler(_certificates));

            // The station's own certificate (A02, A03): SignCertificate, CertificateSigned, switch-over on reconnect.
            _stationCertificates = new StationCertificateManager(config, _signingVars, _rpc, _connection, _clock, store, random, log,
                _connection.TlsSource);
            _stationCertificates.Load();
            _stationCertificates.Events = new CertificateEventsToSecurityLog(_securityEvents);
            _connection.TlsSource = _stationCertificates;
            trigger.CertificateSigning = _stationCertificates;
            _rpc.Register(StationCertificateManager.SignedAction, StationCertificateManager.CertificateSignedRequest, _stationCertificates);

            // Secure firmware update (L01): Rejected until the station attaches its slots (AttachFirmwareUpdate).
            // Revocation of firmware signing certificates: CRLs the CSMS sends by DataTransfer (README, "Certificate revocation").
            _crls = new CrlStore(store, log, CrlStore.DefaultCapacity);
            _crls.Load();
            _dataTransfer.Register(CrlDataTransfer.VendorId, new CrlDataTransfer(_crls, new ManufacturerCrlIssuers(_certificates, _clock), log));
            _firmwareUpdates = new FirmwareUpdateService(_rpc, _clock, _securityEvents, _certificates, _crls, hooks, _availability, store, log);
            _rpc.Register(FirmwareUpdateService.Action, FirmwareUpdateService.RequestSchema, _firmwareUpdates);
            trigger.FirmwareUpdates = _firmwareUpdates;

            // CSMS-initiated actions of OCPP 2.0.1 that later blocks implement: NotSupported until then.
            string[] later =
            {
                "CancelReservation", "ClearDisplayMessage",
                "ClearVariableMonitoring", "CostUpdated", "CustomerInformation",
                "GetDisplayMessages",
                "GetMonitoringReport", "GetReport", "PublishFirmware",
                "ReserveNow",
                "SetDisplayMessage", "SetMonitoringBase", "SetMonitoringLevel", "SetVariableMonitoring",
                "UnpublishFirmware",
            };
            for (int i = 0; i < later.Length; i++)
            {
                _rpc.RegisterNotSupported(later[i]);
            }

            _lastTickMs = config.StartedAtTickMs;
            _securityEvents.Raise(SecurityEventTypes.StartupOfTheDevice, "boot reason " + RegistrationManager.ReasonName(reason), config.StartedAtTickMs);
        }

        /// <summary>Security events and the security log (A04): other features raise their events here.</summary>
        public SecurityEventService SecurityEvents
        {
            get { return _securityEvents; }
        }

        /// <summary>GetLog and LogStatusNotification (N01).</summary>
        public LogUploadService LogUploads
        {
            get { return _logUploads; }
        }

        /// <summary>
        /// Gives GetLog its HTTP transfer and the diagnostics log (the security log is the client's own).
        /// Without it every GetLog is Rejected.
        /// </summary>
        public void AttachLogUpload(IHttpTransfer http, ILogLineSource diagnostics)
        {
            http.Trust = TransferTrust;
            _logUploads.Attach(http, diagnostics, _securityLog);
        }

        /// <summary>UpdateFirmware and FirmwareStatusNotification (L01).</summary>
        public FirmwareUpdateService FirmwareUpdates
        {
            get { return _firmwareUpdates; }
        }

        /// <summary>
        /// Gives UpdateFirmware its HTTP transfer and the station's slots, and resumes an update a
        /// reboot or power cut interrupted. Without it every UpdateFirmware is Rejected.
        /// </summary>
        public void AttachFirmwareUpdate(IHttpTransfer http, IFirmwareInstallTarget target)
        {
            http.Trust = TransferTrust;
            _firmwareUpdates.Attach(http, target, _lastTickMs);
        }

        // https:// downloads and uploads trust what the CSMS connection trusts (provisioned and
        // installed CSMSRootCertificates), read at each transfer; the station presents no client
        // certificate to them.
        private TlsSettings TransferTrust()
        {
            TlsSettings current = _connection.TlsSource.Current();
            return current == null ? null : new TlsSettings(current.TrustedRootsPem, null, null);
        }

        /// <summary>A05: the security profile may only go up.</summary>
        public SecurityProfilePolicy SecurityProfile
        {
            get { return _profilePolicy; }
        }

        /// <summary>B10: which configuration slot the station connects with, and its fallback.</summary>
        public NetworkProfileSelector NetworkProfiles
        {
            get { return _profileSelector; }
        }

        /// <summary>B09: the configuration slots.</summary>
        public NetworkProfileStore NetworkProfileSlots
        {
            get { return _networkProfiles; }
        }

        /// <summary>A01: a new BasicAuthPassword, its reconnect and fallback.</summary>
        public BasicAuthPasswordChange PasswordChange
        {
            get { return _passwordChange; }
        }

        /// <summary>The installed root certificates (CSMS roots for TLS, manufacturer roots for signed firmware).</summary>
        public CertificateStore Certificates
        {
            get { return _certificates; }
        }

        /// <summary>The station's TLS client certificate: signing requests, CertificateSigned, renewal and switch-over (A02, A03).</summary>
        public StationCertificateManager StationCertificates
        {
            get { return _stationCertificates; }
        }

        public RpcEndpoint Rpc
        {
            get { return _rpc; }
        }

        public StationDeviceModel DeviceModel
        {
            get { return _model; }
        }

        public CoreVariables Variables
        {
            get { return _vars; }
        }

        public StationClock Clock
        {
            get { return _clock; }
        }

        public ConnectionManager Connection
        {
            get { return _connection; }
        }

        public RegistrationManager Registration
        {
            get { return _registration; }
        }

        public AvailabilityManager Availability
        {
            get { return _availability; }
        }

        public ReportPager Reports
        {
            get { return _reports; }
        }

        public ResetHandler Reset
        {
            get { return _reset; }
        }

        /// <summary>Block E: what the charger reports about vehicles, power path, charging state and meter goes here.</summary>
        public TransactionService Transactions
        {
            get { return _transactions; }
        }

        /// <summary>Blocks C and D: <see cref="AuthorizationService.PresentIdToken"/> for a card at the reader.</summary>
        public AuthorizationService Authorization
        {
            get { return _authorization; }
        }

        /// <summary>Block K: charging profiles, composite schedules, and the limit in force per EVSE (<see cref="SmartChargingService.LimitDaNow"/>).</summary>
        public SmartChargingService SmartCharging
        {
            get { return _smart; }
        }

        /// <summary>Offline per OCPPCommCtrlr.OfflineThreshold.</summary>
        public bool IsOffline(long nowMs)
        {
            return _connection.IsOffline(nowMs);
        }

        /// <summary>The charger reports a connector's physical status; a StatusNotification follows when it changes.</summary>
        public void SetConnectorStatus(int evseId, int connectorId, ConnectorStatus status)
        {
            _availability.SetConnectorStatus(evseId, connectorId, status);
        }

        /// <summary>The installed certificate revocation lists.</summary>
        public CrlStore Crls
        {
            get { return _crls; }
        }

        /// <summary>Registers a vendor extension for incoming DataTransfer.</summary>
        public void RegisterDataTransfer(string vendorId, IDataTransferHandler handler)
        {
            _dataTransfer.Register(vendorId, handler);
        }

        /// <summary>Checks the console's maintenance password against its stored hash.</summary>
        public bool VerifyMaintenancePassword(string candidate)
        {
            return _model.VerifyHashed(_vars.MaintenancePassword, candidate);
        }

        /// <summary>One slice of OCPP work; call from the firmware's OCPP duty (every 50-100 ms is plenty).</summary>
        public void Tick(long nowMs)
        {
            _lastTickMs = nowMs;
            _connection.Tick(nowMs);
            _failover.Tick();
            _registration.Tick(nowMs);
            _availability.Tick(nowMs);
            _reports.Tick(nowMs);
            _authorization.Tick(nowMs);
            _transactions.Tick(nowMs);
            // Before the pump, so what they queue leaves in this tick; a SetVariablesResponse that
            // changed the password left in the previous tick's pump, before the reconnect below.
            _passwordChange.Tick(nowMs);
            ObserveSecurityCauses(nowMs);
            _securityEvents.Tick(nowMs, _connection.IsConnected);
            _logUploads.Tick(nowMs);
            _smart.Tick(nowMs);
            _stationCertificates.Tick(nowMs);
            _firmwareUpdates.Tick(nowMs);
            _rpc.Pump(nowMs);
            _reset.Tick(nowMs);
            _model.StepHashing();
        }

        private void ObserveSecurityCauses(long nowMs)
        {
            if (_clock.SignificantSets != _clockSetsSeen)
            {
                _clockSetsSeen = _clock.SignificantSets;
                _securityEvents.Raise(SecurityEventTypes.SettingSystemTime, "clock set from the CSMS, moved by "
                    + (_clock.LastStepMs / 1000).ToString() + " s", nowMs);
            }

            if (_connection.TlsFailures != _tlsFailuresSeen)
            {
                // A00/A04: a CSMS whose certificate failed the TLS checks (untrusted, expired, another host).
                _tlsFailuresSeen = _connection.TlsFailures;
                _securityEvents.Raise(SecurityEventTypes.InvalidCsmsCertificate, _connection.LastTlsFailure, nowMs);
            }

            if (_connection.AuthenticationFailures != _authFailuresSeen)
            {
                _authFailuresSeen = _connection.AuthenticationFailures;
                _securityEvents.Raise(SecurityEventTypes.FailedToAuthenticateAtCsms, "HTTP 401 from " + _connection.Url, nowMs);
            }

            long queueDrops = _transactions.Queue.DroppedUpdatedCount + _transactions.Queue.OverBoundCount;
            if (queueDrops != _queueDropsSeen && nowMs - _lastMemoryEventMs >= MemoryExhaustionEventPeriodMs)
            {
                _securityEvents.Raise(SecurityEventTypes.MemoryExhaustion, "transaction queue at its bound: "
                    + (queueDrops - _queueDropsSeen).ToString() + " event(s) dropped or kept over the bound", nowMs);
                _queueDropsSeen = queueDrops;
                _lastMemoryEventMs = nowMs;
            }

            long invalid = _rpc.InvalidFramesReceived;
            if (invalid != _invalidFramesSeen && nowMs - _lastInvalidEventMs >= InvalidMessagesEventPeriodMs)
            {
                _securityEvents.Raise(SecurityEventTypes.InvalidMessages, (invalid - _invalidFramesSeen).ToString()
                    + " frame(s) from the CSMS refused as invalid OCPP", nowMs);
                _invalidFramesSeen = invalid;
                _lastInvalidEventMs = nowMs;
            }
        }

        public void OnConnected(long nowMs)
        {
            // SecurityCtrlr.SecurityProfile is the connected profile's; a change raises
            // ReconfigurationOfSecurityParameters (OnVariableChanged, A04).
            int profile = _connection.SecurityProfileInUse;
            _model.SetInternal(_vars.SecurityProfile, AttributeType.Actual, profile.ToString());
            _profilePolicy.OnConnected(profile);
            _profileSelector.SecurityFloor = _profilePolicy.Floor;
            if (_profileSelector.OnConnected())
            {
                _registration.Reregister(nowMs);
            }

            _registration.OnConnected(nowMs);
            _availability.OnConnected(nowMs);
        }

        public void OnDisconnected(long nowMs, string reason)
        {
            _profileSelector.OnConnectionLost();
            _rpc.OnDisconnected();
            _registration.OnDisconnected(nowMs);
            _availability.OnDisconnected(nowMs);
        }

        private string CheckVariableValue(Variable variable, string value)
        {
            return variable == _vars.NetworkConfigurationPriority ? _profileSelector.PriorityProblem(value) : null;
        }

        private string ReadCertificateEntries(Variable variable)
        {
            return _certificates.Count.ToString();
        }

        private string ReadClock(Variable variable)
        {
            // Read inside a tick (GetVariables, reports), so the last tick time is the current time.
            return Json.Rfc3339.Format(_clock.UtcAt(_lastTickMs));
        }

        private void OnVariableChanged(Variable variable, AttributeType attribute)
        {
            if (variable == _vars.MessageTimeout)
            {
                _rpc.MessageTimeoutMs = (int)variable.IntValue * 1000;
            }

            if (variable.ComponentName == CoreVariables.SecurityCtrlr)
            {
                // Never the value: techInfo goes to the CSMS and into the log.
                _securityEvents.Raise(SecurityEventTypes.ReconfigurationOfSecurityParameters,
                    CoreVariables.SecurityCtrlr + "." + variable.Name + " changed", _lastTickMs);
                if (variable == _vars.BasicAuthPassword)
                {
                    _passwordChange.OnVariableChanged(_lastTickMs);
                }
            }
        }
    }
}
