using Charger.Firmware.Console;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;
using Charger.Metering.Modbus;
using Charger.Metering.Service;
using Charger.Ocpp;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Authorization;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// The whole station on one runtime, built the same way on the board (firmware/Charger.Device)
    /// and in the simulator: charge control first (pilot, proximity, safety, state machine,
    /// outputs), then metering, then the console. <see cref="Tick"/> is the only entry point the
    /// main loop calls.
    /// </summary>
    public sealed class ChargingStation
    {
        private readonly StationHardware _hardware;
        private readonly StationSettings _settings;
        private readonly LogRing _log;
        private readonly ChargerRuntime _runtime;
        private readonly ChargeController _controller;
        private readonly FaultHistory _faults;
        private readonly MeterService _meter;
        private readonly StationStatusSource _status;
        private readonly ConsoleEngine _console;
        private readonly OcppStation _ocpp;
        private Update.OtaInstallTarget _firmwareTarget;
        private readonly OcppBridge _bridge;
        private readonly TracingWebSocket _trace;
        private readonly ServiceStop _serviceStop;
        private readonly SmartChargingStage _smartStage;

        public ChargingStation(StationHardware hardware, StationSettings settings)
        {
            if (hardware == null || settings == null || hardware.Clock == null || hardware.Control == null)
            {
                throw new System.ArgumentNullException("hardware", "a station needs hardware with a clock and charge-control pins, and settings");
            }

            _hardware = hardware;
            _settings = settings;
            _log = new LogRing(hardware.Clock, settings.LogCapacity, settings.LogTextBytes);
            _runtime = new ChargerRuntime(_log, hardware.Watchdog, settings.Control.TickPeriodMs, 16, 32);

            if (hardware.Control.LockActuator == null && hardware.ConnectorLock != null && hardware.ConnectorLockFeedback != null)
            {
                hardware.Control.LockActuator = hardware.ConnectorLock;
                hardware.Control.LockFeedback = hardware.ConnectorLockFeedback;
            }

            if (hardware.Control.LatchStorage == null)
            {
                hardware.Control.LatchStorage = hardware.Storage;
            }

            if (hardware.MeterPort != null && settings.MeterProfile != null)
            {
                // The meter is the over-current supervision: when it goes silent the supervision is blind.
                settings.Control.Safety.MeterFitted = true;
            }

            _controller = new ChargeController(hardware.Control, settings.Control, _log);
            // Ahead of charge control: a profile boundary changes the offer in the tick that reaches it.
            _smartStage = new SmartChargingStage(_controller, OcppBridge.EvseId);
            _runtime.AddStage(_smartStage);
            _controller.Register(_runtime);
            _faults = new FaultHistory(settings.FaultHistoryDepth, _controller.Safety);
            _controller.AddEventSink(_faults);

            // Every reboot and service stop goes through here, never straight to the board's reboot.
            _serviceStop = new ServiceStop(_controller, hardware.Reboot, _log);
            _runtime.AddStage(_serviceStop);

            if (hardware.MeterPort != null && settings.MeterProfile != null)
            {
                ModbusRtuMaster master = new ModbusRtuMaster(hardware.MeterPort, hardware.MeterDriverEnable);
                _meter = new MeterService(master, settings.MeterProfile, settings.MeterSlaveAddress);
                _meter.PollPeriodMs = settings.MeterPollPeriodMs;
                _meter.LossPolicy = settings.MeterLossPolicy;
                _meter.ReadingRefused += OnMeterReadingRefused;
                _runtime.AddStage(new MeteringStage(_meter, _controller, _serviceStop));
            }

            _status = new StationStatusSource(_controller, _meter, settings);

            if (settings.Ocpp != null && hardware.CsmsSocket != null && hardware.Storage != null && hardware.Random != null)
            {
                _bridge = new OcppBridge(_controller, _serviceStop, hardware.ConnectorLock, _log);
                _trace = new TracingWebSocket(hardware.CsmsSocket, hardware.Clock, _log);
                settings.Ocpp.StartedAtTickMs = hardware.Clock.NowMs;
                // A composite schedule never reports more than the hardware can offer.
                settings.Ocpp.SmartCharging.HardwareMaxDa = settings.Control.Charging.MaxCurrentDa;
                _ocpp = new OcppStation(settings.Ocpp, _trace, hardware.Storage, hardware.Random, _log, _bridge, _bridge,
                    settings.Transactions == null ? new TransactionOptions() : settings.Transactions, settings.BootReason, settings.Rpc == null ? new RpcLimits() : settings.Rpc);
                _bridge.Attach(_ocpp);
                _smartStage.Attach(_ocpp.SmartCharging);
                if (hardware.HttpTransfer != null)
                {
                    _ocpp.AttachLogUpload(hardware.HttpTransfer, new DiagnosticsLogSource(_log, _ocpp.Clock));
                }
                if (hardware.HttpTransfer != null && hardware.Boot != null)
                {
                    // Secure firmware update (L01) into the free slot. The trial's self-test is the
                    // boot's business (Charger.Device's SelfTestStage, the simulator's SimulatedBoot).
                    _firmwareTarget = new Update.OtaInstallTarget(hardware.Boot, _serviceStop, hardware.Clock);
                    _ocpp.AttachFirmwareUpdate(hardware.HttpTransfer, _firmwareTarget);
                }

                _serviceStop.Readiness = _bridge;
                _controller.AddEventSink(_bridge);
                _runtime.Scheduler.Register("ocpp", new OcppDuty(_ocpp, _bridge), OcppDuty.PeriodMs, 0);
                if (_meter != null)
                {
                    _meter.ReadingAccepted += _bridge.OnMeterReading;
                }
                _status.Ocpp = new OcppStatusSource(_ocpp, _bridge, _trace, hardware.Clock);
            }

            if (hardware.ConsolePort != null)
            {
                ConsoleServices services = new ConsoleServices();
                services.Status = _status;
                services.Faults = new StationFaultControl(_faults, _controller);
                services.Reboot = hardware.Reboot == null ? null : _serviceStop;
                if (_ocpp != null)
                {
                    services.Config = new StationConfigAccess(_ocpp.DeviceModel);
                    services.Password = new OcppPasswordVerifier(_ocpp);
                    services.SecurityEvents = new OcppSecurityEvents(_ocpp, _log);
                    services.OcppTrace = _trace;
                }

                _console = new ConsoleEngine(hardware.ConsolePort, _log, _log, services, settings.Console);
                _runtime.AddStage(_console);
            }

            if (hardware.Watchdog != null && settings.WatchdogTimeoutMs > 0)
            {
                hardware.Watchdog.Start(settings.WatchdogTimeoutMs);
            }

            // The running version: a board booted from a slot reports its bundle's version (Charger.Ota).
            _log.Write(LogLevel.Info, "station", "ChargerFirmware " + (settings.Ocpp != null ? settings.Ocpp.FirmwareVersion : StationSettings.FirmwareVersion) + " started"
                + (_meter == null ? ", no meter" : ", meter " + settings.MeterProfile.GetType().Name)
                + (_console == null ? "" : ", console on")
                + (_ocpp == null ? ", no OCPP" : ", OCPP to " + settings.Ocpp.CsmsUrl + " as " + settings.Ocpp.StationId));
        }

        /// <summary>The stage that feeds the charging-profile limit into the offer.</summary>
        public SmartChargingStage SmartCharging
        {
            get { return _smartStage; }
        }

        /// <summary>Service stops and the reboots that wait for them (issue 12 item 2).</summary>
        public ServiceStop ServiceStop
        {
            get { return _serviceStop; }
        }

        public LogRing Log
        {
            get { return _log; }
        }

        public ChargerRuntime Runtime
        {
            get { return _runtime; }
        }

        public ChargeController Controller
        {
            get { return _controller; }
        }

        /// <summary>Null when the station was built without a meter.</summary>
        public MeterService Meter
        {
            get { return _meter; }
        }

        public FaultHistory Faults
        {
            get { return _faults; }
        }

        public StationStatusSource Status
        {
            get { return _status; }
        }

        /// <summary>Null when the station was built without a console port.</summary>
        public ConsoleEngine Console
        {
            get { return _console; }
        }

        /// <summary>Null when the station was built without OCPP.</summary>
        /// <summary>Where UpdateFirmware writes and checks images (null without a boot context or HTTP transfer).</summary>
        public Update.OtaInstallTarget FirmwareTarget
        {
            get { return _firmwareTarget; }
        }

        public OcppStation Ocpp
        {
            get { return _ocpp; }
        }

        /// <summary>Recent frames and the frame trace (console <c>ocpp</c>, <c>ocpp trace</c>); null without OCPP.</summary>
        public TracingWebSocket OcppTrace
        {
            get { return _trace; }
        }

        /// <summary>Null when the station was built without OCPP.</summary>
        public OcppBridge OcppBridge
        {
            get { return _bridge; }
        }

        public StationSettings Settings
        {
            get { return _settings; }
        }

        public StationHardware Hardware
        {
            get { return _hardware; }
        }

        public void Tick(long nowMs)
        {
            _runtime.Tick(nowMs);
        }

        /// <summary>
        /// A card at the reader: starts charging when none is authorized, stops it when one is.
        /// Refused while the CSMS has made the connector inoperative. Returns what happened, for the
        /// reader's LED and the log.
        /// </summary>
        private void OnMeterReadingRefused(MeterPollFailure failure, string reason, long nowMs)
        {
            _log.Write(LogLevel.Warning, "meter", "reading refused: " + reason + " (" + _meter.ConsecutiveFailedPolls + " failed poll(s) in a row)");
        }

        public string PresentIdToken(string idToken)
        {
            if (_bridge != null && !_bridge.Operative)
            {
                _log.Write(LogLevel.Warning, "auth", "card " + idToken + " refused: connector unavailable");
                return "refused: connector unavailable";
            }

            if (_ocpp != null)
            {
                // OCPP decides: local list, cache, the CSMS, offline rules; start or stop (C01-C15).
                PresentResult result = _ocpp.Authorization.PresentIdToken(OcppBridge.EvseId, idToken, IdTokenType.ISO14443, _hardware.Clock.NowMs);
                string text = PresentResultText.Of(result);
                _log.Write(LogLevel.Info, "auth", "card " + idToken + ": " + text);
                return text;
            }

            bool stop = _controller.Authorized;
            _controller.SetAuthorized(!stop);
            _log.Write(LogLevel.Info, "auth", "card " + idToken + (stop ? ": stop" : ": start") + " (local authorization, no OCPP)");
            return stop ? "stop" : "start";
        }
    }
}
