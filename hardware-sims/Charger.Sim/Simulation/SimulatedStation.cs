using Charger.Sim.Firmware;
using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Firmware.Station;
using Charger.Firmware.Thermal;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Pilot;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Profiles;
using Charger.Ocpp;
using Charger.Ota;
using Charger.Ota.Slots;
using Charger.Sim.Models.Csms;
using Charger.Sim.Chart;
using Charger.Sim.Models.Ev;
using Charger.Sim.Models.Meter;
using Charger.Sim.Models.Network;
using Charger.Sim.Models.Power;
using Charger.Sim.Models.Thermal;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;

namespace Charger.Sim.Simulation;

/// <summary>
/// The firmware's <see cref="ChargingStation"/>, built exactly as on a board, inside a simulated
/// world: an EV on the pilot, a contactor with auxiliary contact, thermistors on thermal models,
/// an SDM630 on a loopback RS-485 bus, RCD and emergency stop, and a power supply whose cut
/// restarts the firmware on the same file store. Everything moves in virtual time, one tick at a
/// time, so a run replays exactly.
/// </summary>
public sealed class SimulatedStation : ISimulationTarget, IChargerEvents, IDisposable
{
    public const int AdcMaxCounts = 4095;
    public const double PhaseVoltageV = 230.0;
    public const int MeterBaud = 9600;
    public const byte MeterAddress = 1;

    /// <summary>Where the simulated station believes its CSMS is; the link answers in its place.</summary>
    public const string BuiltInCsmsUrl = "ws://csms.sim/ocpp";

    /// <summary>Wall-clock time at virtual 0 ms, so OCPP timestamps replay exactly.</summary>
    public static readonly DateTime EpochUtc = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static readonly string[] SensorNames = { "connector", "cable", "internal" };

    private readonly SimOptions _options;
    private readonly EventLog _events;
    private readonly VirtualClock _clock = new();
    private readonly MemoryFileStore _store = new(512 * 1024);
    private readonly SeededRandom _random;
    private readonly SimAdcChannel _pilotAdc = new(AdcMaxCounts);
    private readonly SimPwmOutput _pwm = new(1000);
    private readonly SimPilotSignal _pilot;
    private readonly SimAdcChannel _proximityAdc = new(AdcMaxCounts);
    private readonly SimProximity _proximity;
    private readonly SimDigitalInput _rcd = new(false);
    private readonly SimDigitalInput _emergencyStop = new(false);
    private readonly SimDigitalOutput _coil = new();
    private readonly SimDigitalInput _auxiliary = new(false);
    private readonly SimDigitalOutput _connectorLock = new();
    private readonly SimDigitalInput _lockFeedback = new(false);
    private readonly ConnectorLockModel _lock;
    private readonly ContactorModel _contactor;
    private readonly SimAdcChannel[] _ntcAdcs;
    private readonly ThermalModel[] _thermal;
    private readonly double[] _ntcWrittenC;
    private readonly LoopbackSerialPair _meterBus;
    private readonly Sdm630Model _meter;
    private readonly SimWatchdog _watchdog;
    private readonly SimRebootController _reboot = new();
    private readonly SessionChart _chart = new();
    private readonly List<string> _faultsRaised = new();
    private readonly BuiltInCsms _csms;
    private readonly CsmsLink _link;
    private readonly CsmsWebSocketServer _server;
    private FrameLoggingWebSocket _realSocket;
    private readonly SimulatedBoot _boot;

    private ChargingStation _station;
    private bool _powered;
    private long _powerBackAtMs = -1;
    private long _lastWorldMs;
    private long _nextChartMs;
    private long _nextThermistorMs;
    private PilotLevel _lastPilot = PilotLevel.Invalid;
    private int _lastOfferDa = -1;
    private bool _lastCoil;
    private bool _lastAux;
    private long _firstPlugMs = -1;
    private long _lastUnplugMs = -1;
    private double _peakDrawnA;
    private double _meterStartKWh;
    private int _powerCuts;
    private bool _networkUp = true;
    private int _realFramesFromStation;
    private int _realFramesToStation;
    private readonly Dictionary<string, int> _realCallsFromStation = new();
    private readonly Dictionary<string, string> _realPendingCalls = new();

    public SimulatedStation(SimOptions options, EventLog events)
    {
        _options = options;
        _events = events;
        _random = new SeededRandom(options.Seed);
        _pilot = new SimPilotSignal(_pilotAdc, _pwm);
        _proximity = new SimProximity(_proximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
        _contactor = new ContactorModel(_coil, _auxiliary);
        _lock = new ConnectorLockModel(_connectorLock, _lockFeedback);
        _watchdog = new SimWatchdog(_clock);
        Ev = new ElectricVehicle
        {
            CapacityWh = options.EvCapacityWh,
            StateOfChargePercent = options.EvStateOfChargePercent,
            MaxCurrentA = options.EvMaxCurrentA,
            Phases = options.EvPhases,
            FollowDelayMs = options.EvFollowDelayMs,
        };

        _ntcAdcs = new SimAdcChannel[SensorNames.Length];
        _thermal = new ThermalModel[SensorNames.Length];
        _ntcWrittenC = new double[SensorNames.Length];
        double[] riseAt32AK = { 30, 20, 15 };
        double[] timeConstantS = { 600, 900, 1800 };
        for (int i = 0; i < SensorNames.Length; i++)
        {
            _ntcAdcs[i] = new SimAdcChannel(AdcMaxCounts);
            _thermal[i] = new ThermalModel(SensorNames[i], riseAt32AK[i], 32, timeConstantS[i], options.AmbientC);
            _ntcWrittenC[i] = double.NaN;
        }

        _meterBus = new LoopbackSerialPair(_clock, MeterBaud);
        _meter = new Sdm630Model(_meterBus.B, MeterAddress) { FrequencyHz = 50.0, PowerFactor = 1.0 };
        _meterStartKWh = _meter.ImportEnergyKWh;
        _csms = new BuiltInCsms(new CsmsOptions(), () => _clock.NowMs, EpochUtc);
        _link = new CsmsLink(_csms, events, () => _clock.NowMs);
        string csmsUrl = options.CsmsUrl ?? BuiltInCsmsUrl;
        if (options.CsmsUrl == null && options.RealSockets)
        {
            // The server takes over the CSMS's frame sink and ticks it on its own timer.
            _server = new CsmsWebSocketServer(_csms);
            csmsUrl = _server.Url.TrimEnd('/');
        }

        Settings = CreateSettings(options.StationId);
        Settings.Ocpp.CsmsUrl = csmsUrl;
        Settings.Ocpp.BasicAuthPassword = options.CsmsPassword;
        Settings.Ocpp.SecurityProfile = options.SecurityProfile;
        Settings.Ocpp.CsmsRootCertificatesPem = options.CsmsRootPem;
        Settings.Ocpp.ClientCertificatePem = options.ClientCertificatePem;
        Settings.Ocpp.ClientPrivateKeyPem = options.ClientKeyPem;
        UpdateThermistors(force: true);
        _boot = new SimulatedBoot(_store, new BootEventLog(events, () => _clock.NowMs));
        PowerOn(0);
    }

    /// <summary>The simulated boot assembly: slots on this station's flash, checked as the board checks them.</summary>
    public SimulatedBoot Boot => _boot;

    public long NowMs => _clock.NowMs;

    public int TickMs => Settings.Control.TickPeriodMs;

    public ElectricVehicle Ev { get; }

    public StationSettings Settings { get; }

    /// <summary>The running firmware; null while power is off.</summary>
    public ChargingStation Station => _station;

    public MemoryFileStore Store => _store;

    public ContactorModel Contactor => _contactor;

    public ConnectorLockModel Lock => _lock;

    public Sdm630Model Meter => _meter;

    public SessionChart Chart => _chart;

    public int PowerCuts => _powerCuts;

    public BuiltInCsms Csms => _csms;

    public CsmsLink Link => _link;

    /// <summary>True when the station talks to its CSMS over a real WebSocket (--realtime, --csms).</summary>
    public bool UsesRealSocket => _options.RealSockets || _options.CsmsUrl != null;

    /// <summary>The built-in CSMS's WebSocket server in --realtime; null otherwise.</summary>
    public CsmsWebSocketServer CsmsServer => _server;

    public IReadOnlyList<string> FaultsRaised => _faultsRaised;

    /// <summary>OCPP frames the station sent, in every mode (loopback link or real socket).</summary>
    public int FramesFromStation => UsesRealSocket ? _realFramesFromStation : _link.FramesFromStation;

    /// <summary>OCPP frames the station received, in every mode.</summary>
    public int FramesToStation => UsesRealSocket ? _realFramesToStation : _link.FramesToStation;

    /// <summary>CALLs of <paramref name="action"/> the station sent, whichever CSMS received them.</summary>
    public int CountCallsFromStation(string action) =>
        UsesRealSocket ? (_realCallsFromStation.TryGetValue(action, out int n) ? n : 0) : _csms.CountReceivedCalls(action);

    // Real socket: a CALL counts as received by the CSMS once its CALLRESULT comes back, keyed by
    // action and, for TransactionEvent, also "TransactionEvent:<eventType>" (as the expectations name them).
    private void CountRealFrame(bool outgoing, string frame)
    {
        if (outgoing)
        {
            _realFramesFromStation++;
        }
        else
        {
            _realFramesToStation++;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(frame);
            var root = doc.RootElement;
            int type = root[0].GetInt32();
            string id = root[1].GetString();
            if (outgoing && type == 2)
            {
                string action = root[2].GetString();
                string key = action == "TransactionEvent" && root[3].TryGetProperty("eventType", out var et) ? action + ":" + et.GetString() : action;
                _realPendingCalls[id] = key;
            }
            else if (!outgoing && type == 3 && _realPendingCalls.Remove(id, out string key))
            {
                int colon = key.IndexOf(':');
                Increment(colon > 0 ? key[..colon] : key);
                if (colon > 0)
                {
                    Increment(key);
                }
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Not an OCPP-J frame: counted above, nothing to match.
        }

        void Increment(string k) => _realCallsFromStation[k] = (_realCallsFromStation.TryGetValue(k, out int n) ? n : 0) + 1;
    }

    public double PeakDrawnA => _peakDrawnA;

    /// <summary>Energy the meter registered since the simulation started.</summary>
    public double MeteredEnergyWh => (_meter.ImportEnergyKWh - _meterStartKWh) * 1000.0;

    public long SessionDurationMs => _firstPlugMs < 0 ? 0 : (_lastUnplugMs >= _firstPlugMs ? _lastUnplugMs : NowMs) - _firstPlugMs;

    /// <summary>The settings a simulated board runs with: an SDM630, three NTCs, a Type 2 socket.</summary>
    public static StationSettings CreateSettings(string stationId)
    {
        var settings = new StationSettings
        {
            SerialNumber = "SIM-0001",
            MeterProfile = new Sdm630Profile(),
            MeterSlaveAddress = MeterAddress,
            Ocpp = new StationConfig
            {
                StationId = stationId,
                CsmsUrl = BuiltInCsmsUrl,
                SerialNumber = "SIM-0001",
                VendorName = "ChargerFirmware",
                Model = "CF-AC22-SIM",
                FirmwareVersion = StationSettings.FirmwareVersion,
            },
        };
        settings.Control.Thermistors = SensorNames.Select(n => new ThermistorSettings(n)).ToArray();
        return settings;
    }

    public void AdvanceTo(long ms)
    {
        while (_clock.NowMs < ms)
        {
            Step(Math.Min(_clock.NowMs + TickMs, ms));
        }
    }

    private void Step(long t)
    {
        _clock.Set(t);
        StepWorld(t);
        if (_powered)
        {
            _station.Tick(t);
            Observe(t);
            _boot.Tick(t, _station.Controller.ActiveFaultCount == 0,
                _station.Ocpp != null && _station.Ocpp.Registration.State == Charger.Ocpp.Rpc.RegistrationState.Accepted,
                UsesRealSocket ? _station.Ocpp?.Connection.IsConnected == true : _link.Connected);
            if (_store.PowerIsCut || _reboot.Requested || _boot.RebootRequested)
            {
                string why = _reboot.Requested ? "firmware reboot: " + _reboot.Reason
                    : _boot.RebootRequested ? "trial image failed its self-test, rolled back" : "power cut during a flash write";
                _reboot.Acknowledge();
                PowerOff(t, 0, why);
            }
        }
        else if (t >= _powerBackAtMs)
        {
            PowerOn(t);
        }

        if (!UsesRealSocket)
        {
            _link.Pump();
        }
        else
        {
            // Frames are logged masked, as the loopback link logs them.
            _realSocket?.Drain((outgoing, frame) =>
            {
                CountRealFrame(outgoing, frame);
                _events.Add(t, outgoing ? SimEventKinds.OcppOut : SimEventKinds.OcppIn,
                    TracingWebSocket.Mask(frame), ("action", CsmsLink.ActionOf(frame)));
            });
        }

        if (t >= _nextChartMs)
        {
            _nextChartMs = t + _options.ChartSampleMs;
            SampleChart(t);
        }
    }

    private void StepWorld(long t)
    {
        long dtMs = t - _lastWorldMs;
        _lastWorldMs = t;
        double offerA = PwmOfferA();
        _contactor.Step(t);
        _lock.Step(t);
        Ev.Step(t, offerA, offerA > 0, _contactor.IsClosed);
        _pilot.EvState = Ev.PilotLoad switch
        {
            EvPilotLoad.None => EvPilotState.A,
            EvPilotLoad.Connected => EvPilotState.B,
            EvPilotLoad.Charging => EvPilotState.C,
            EvPilotLoad.Ventilation => EvPilotState.D,
            _ => EvPilotState.E,
        };
        _pilot.DiodePresent = !Ev.DiodeFault;

        double phaseA = _contactor.IsClosed ? Ev.DrawnA : 0;
        _peakDrawnA = Math.Max(_peakDrawnA, phaseA);
        for (int phase = 1; phase <= 3; phase++)
        {
            _meter.SetPhase(phase, PhaseVoltageV, phase <= Ev.Phases ? phaseA : 0);
        }

        _meter.Poll(t);
        foreach (var model in _thermal)
        {
            model.Step(phaseA, dtMs);
        }

        if (t >= _nextThermistorMs)
        {
            _nextThermistorMs = t + 1000;
            UpdateThermistors(force: false);
        }
    }

    /// <summary>What the EV reads from the PWM (IEC 61851-1 Table A.8, the vehicle's side of it).</summary>
    private double PwmOfferA()
    {
        if (!_powered || !_pwm.IsRunning)
        {
            return 0;
        }

        double dutyPercent = _pwm.DutyCycle * 100;
        if (dutyPercent < 8 || dutyPercent > 97)
        {
            return 0;
        }

        return dutyPercent <= 85 ? dutyPercent * 0.6 : (dutyPercent - 64) * 2.5;
    }

    private void UpdateThermistors(bool force)
    {
        for (int i = 0; i < _thermal.Length; i++)
        {
            double c = _thermal[i].TemperatureC;
            if (force || Math.Abs(c - _ntcWrittenC[i]) >= 0.05)
            {
                var settings = Settings.Control.Thermistors[i];
                _ntcAdcs[i].Value = ThermistorMath.CountsFor(c, settings.Model, settings.SeriesOhms, AdcMaxCounts);
                _ntcWrittenC[i] = c;
            }
        }
    }

    private void PowerOn(long t)
    {
        _store.RestorePower();
        Settings.Ocpp.FirmwareVersion = _boot.PowerUp(Settings.SelfTest ?? SelfTestPolicy.ProductDefault());
        Charger.Hal.IWebSocketClient socket;
        if (UsesRealSocket)
        {
            _realSocket = new FrameLoggingWebSocket(new DesktopWebSocketClient());
            _realSocket.SetNetwork(_networkUp);
            socket = _realSocket;
        }
        else
        {
            var loopback = new LoopbackWebSocket();
            _link.Attach(loopback);
            socket = loopback;
        }

        var hardware = new StationHardware
        {
            Clock = _clock,
            Control = new ChargerHardware
            {
                PilotAdc = _pilotAdc,
                PilotPwm = _pwm,
                ProximityAdc = _proximityAdc,
                RcdTrip = _rcd,
                EmergencyStop = _emergencyStop,
                ContactorCoil = _coil,
                ContactorFeedback = _auxiliary,
                Thermistors = _ntcAdcs,
            },
            ConnectorLock = _connectorLock,
            ConnectorLockFeedback = _lockFeedback,
            MeterPort = _meterBus.A,
            ConsolePort = _options.ConsolePort,
            Storage = _store,
            CsmsSocket = socket,
            Random = _random,
            Watchdog = _watchdog,
            Reboot = _reboot,
            // The running image's slots: UpdateFirmware writes the free one (OCPP L01).
            Boot = _boot.Context,
            // Uploads go to the built-in CSMS's HTTP server in virtual time; against a real CSMS, over the network.
            HttpTransfer = _realSocket != null
                ? new Charger.Sim.Models.Network.DesktopHttpTransfer(4096)
                : new Charger.Hal.Sim.Network.SimHttpTransfer(_csms.HttpServer, 4096),
        };
        _station = new ChargingStation(hardware, Settings);
        _station.Controller.AddEventSink(this);
        _station.Log.Written += e => _events.Add(e.TimestampMs, SimEventKinds.Log, $"{LogFormat.LevelName(e.Level).Trim()} {e.Component}: {e.Message}",
            ("level", e.Level.ToString()), ("component", e.Component));
        if (_station.Meter != null)
        {
            _station.Meter.ReadingAccepted += r => _events.Add(r.ReadAtMs, SimEventKinds.Meter,
                $"{r.EnergyActiveImportWh:0} Wh, {r.PowerActiveImportW:0} W",
                ("energyWh", r.EnergyActiveImportWh), ("powerW", r.PowerActiveImportW),
                ("l1A", r.GetCurrentA(1)), ("l2A", r.GetCurrentA(2)), ("l3A", r.GetCurrentA(3)));
        }

        _powered = true;
        _powerBackAtMs = -1;
        if (t > 0)
        {
            _events.Add(t, SimEventKinds.Power, "power restored, firmware restarted");
        }
    }

    private void PowerOff(long t, long offMs, string why)
    {
        _powered = false;
        _station = null;
        _powerCuts++;
        _link.StationPowerLost();
        _realSocket?.Dispose();
        _realSocket = null;
        if (!_store.PowerIsCut)
        {
            _store.CutPowerNow();
        }

        // Without supply the coil drops and the pilot generator stops.
        _coil.Write(false);
        _pwm.Stop();
        _powerBackAtMs = t + offMs;
        _events.Add(t, SimEventKinds.Power, $"{why}; power back in {offMs} ms");
    }

    private void Observe(long t)
    {
        var c = _station.Controller;
        if (c.PilotLevel != _lastPilot)
        {
            _events.Add(t, SimEventKinds.Pilot, $"pilot {Letter(_lastPilot)} -> {Letter(c.PilotLevel)}", ("from", Letter(_lastPilot)), ("to", Letter(c.PilotLevel)));
            _lastPilot = c.PilotLevel;
        }

        if (c.OfferDa != _lastOfferDa)
        {
            _events.Add(t, SimEventKinds.Offer, $"offer {c.OfferA:0.0} A (duty {c.DutyPermille / 10.0:0.0} %)", ("offerA", c.OfferA), ("dutyPermille", c.DutyPermille));
            _lastOfferDa = c.OfferDa;
        }

        if (_coil.State != _lastCoil)
        {
            _events.Add(t, SimEventKinds.ContactorCommand, _coil.State ? "close" : "open", ("closed", _coil.State));
            _lastCoil = _coil.State;
        }

        if (_auxiliary.Level != _lastAux)
        {
            _events.Add(t, SimEventKinds.ContactorFeedback, _auxiliary.Level ? "closed" : "open", ("closed", _auxiliary.Level));
            _lastAux = _auxiliary.Level;
        }
    }

    private void SampleChart(long t)
    {
        var temps = new Dictionary<string, double>();
        char pilot = '?';
        double offer = 0, energyWh = MeteredEnergyWh;
        if (_station != null)
        {
            pilot = Letter(_station.Controller.PilotLevel)[0];
            offer = _station.Controller.OfferA;
            for (int i = 0; i < _thermal.Length; i++)
            {
                temps[SensorNames[i]] = _station.Controller.GetTemperatureC(i);
            }
        }

        double drawn = _contactor.IsClosed ? Ev.DrawnA : 0;
        _chart.Add(new SessionSample(t, pilot, offer, drawn, drawn * PhaseVoltageV * Ev.Phases, energyWh, temps));
    }

    private static string Letter(PilotLevel level) => level == PilotLevel.Invalid ? "?" : level.ToString();

    // ---- IChargerEvents (from inside the firmware's tick) ----

    public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
    {
        _faultsRaised.Add(code.ToString());
        _events.Add(nowMs, SimEventKinds.Fault, $"{code}: {reason}{(latched ? " (latched)" : "")}", ("code", code.ToString()), ("latched", latched));
    }

    public void FaultCleared(FaultCode code, string how, long nowMs) =>
        _events.Add(nowMs, SimEventKinds.FaultCleared, $"{code} cleared ({how})", ("code", code.ToString()), ("how", how));

    public void StateChanged(IecState previous, IecState current, long nowMs) =>
        _events.Add(nowMs, "state", $"state {previous} -> {current}", ("from", previous.ToString()), ("to", current.ToString()));

    // ---- scenario steps ----

    public void Apply(ScenarioStep step)
    {
        string a0 = step.Args.Length > 0 ? step.Args[0] : "";
        _events.Add(NowMs, SimEventKinds.Step, MaskedStepText(step), ("line", step.LineNumber));
        switch (step.Verb)
        {
            case "plug":
                if (a0.ToLowerInvariant() != "tethered")
                {
                    _proximity.Plug(a0.ToLowerInvariant() switch
                    {
                        "13a" => SimProximity.Cable13AOhms,
                        "20a" => SimProximity.Cable20AOhms,
                        "63a" => SimProximity.Cable63AOhms,
                        _ => SimProximity.Cable32AOhms,
                    });
                }

                Ev.Plug();
                if (_firstPlugMs < 0)
                {
                    _firstPlugMs = NowMs;
                }

                break;
            case "unplug":
                Ev.Unplug();
                _proximity.Unplug();
                _lastUnplugMs = NowMs;
                break;
            case "ev":
                switch (a0)
                {
                    case "charge": Ev.Intent = EvIntent.Charge; break;
                    case "pause": Ev.Intent = EvIntent.Pause; break;
                    case "ventilate": Ev.Intent = EvIntent.Ventilate; break;
                    case "error": Ev.Intent = EvIntent.Error; break;
                    case "diode-fault": Ev.DiodeFault = true; break;
                    default: Ev.DiodeFault = false; Ev.Intent = EvIntent.Charge; break;
                }

                break;
            case "swipe":
                Swipe(a0);
                break;
            case "temp":
                SetTemperature(step, a0, double.Parse(step.Args[1].TrimEnd('C', 'c'), System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "ambient":
                double ambient = double.Parse(a0.TrimEnd('C', 'c'), System.Globalization.CultureInfo.InvariantCulture);
                foreach (var model in _thermal)
                {
                    model.AmbientC = ambient;
                }

                break;
            case "rcd":
                _rcd.Level = a0 == "trip";
                break;
            case "estop":
                _emergencyStop.Level = a0 == "press";
                break;
            case "weld":
                _contactor.Welded = true;
                break;
            case "stick-open":
                _contactor.StuckOpen = true;
                break;
            case "contactor-ok":
                _contactor.Repair();
                break;
            case "meter":
                _meter.Slave.Silent = a0 == "fail";
                break;
            case "lock":
                _lock.Jammed = a0 == "jam";
                break;
            case "power-cut":
                long offMs = step.Args.Length == 2 ? ScenarioParser.ParseDuration(step.LineNumber, step.Args[1], "a duration") : _options.DefaultPowerCutMs;
                if (_powered)
                {
                    PowerOff(NowMs, offMs, "power cut");
                }

                break;
            case "network":
                // Both links: the loopback one to the built-in CSMS and the real socket (--realtime, --csms).
                _networkUp = a0 == "up";
                _link.SetNetwork(_networkUp);
                _realSocket?.SetNetwork(_networkUp);
                break;
            case "csms":
                CsmsCommand(step);
                break;
            case "wait":
                break;
            case "firmware":
                // firmware install <version> [good|throws|fails-selftest]: into the free slot, on trial at the next power-up.
                string kind = step.Args.Length > 2 ? step.Args[2] : "good";
                int slot = _boot.Install(step.Args[1], kind == "throws" ? SimulatedBoot.ThrowsOnStart
                    : kind == "fails-selftest" ? SimulatedBoot.FailsSelfTest : SimulatedBoot.RunsFirmware);
                _events.Add(NowMs, SimEventKinds.Power, $"firmware {step.Args[1]} ({kind}) installed into slot {SlotManager.SlotName(slot)}, on trial at the next boot");
                break;
            default:
                throw new ScenarioException(step.LineNumber, $"no simulator action for '{step.Verb}'");
        }
    }

    public void Dispose()
    {
        _realSocket?.Dispose();
        _server?.Dispose();
        _bundleServer?.Dispose();
    }

    /// <summary>A script line that sets a password is echoed with the value masked.</summary>
    private static string MaskedStepText(ScenarioStep step)
    {
        bool secret = step.Verb == "csms" && step.Args.Length >= 3 && step.Args[0] == "set"
            && (step.Args[1].EndsWith("Password", StringComparison.Ordinal));
        return secret ? step.Text.Replace(step.Args[2], "***") : step.Text;
    }

    /// <summary>An RFID card at the reader; the firmware decides what it means.</summary>
    private void Swipe(string idToken)
    {
        if (_station == null)
        {
            _events.Add(NowMs, "auth", $"{idToken}: no reaction, the station has no power", ("idToken", idToken));
            return;
        }

        string outcome = _station.PresentIdToken(idToken);
        _events.Add(NowMs, "auth", $"{idToken}: {outcome}", ("idToken", idToken), ("outcome", outcome));
    }

    private void SetTemperature(ScenarioStep step, string sensor, double c)
    {
        int i = Array.IndexOf(SensorNames, sensor);
        if (i < 0)
        {
            throw new ScenarioException(step.LineNumber, $"unknown sensor '{sensor}'; expected one of {string.Join(", ", SensorNames)}");
        }

        _thermal[i].TemperatureC = c;
        UpdateThermistors(force: true);
    }

    // ---- expectations ----

    public bool Check(Expectation e, out string actual)
    {
        var c = _station?.Controller;
        switch (e.Subject)
        {
            case ExpectSubject.Contactor:
                bool closed = c != null && c.ContactorCommandedClosed;
                actual = "contactor " + (closed ? "closed" : "open");
                return (e.Word == "closed") == closed;
            case ExpectSubject.Pilot:
                string pilot = c == null ? "?" : Letter(c.PilotLevel);
                actual = "pilot " + pilot;
                return pilot == e.Word;
            case ExpectSubject.Offer:
                double offer = c == null ? 0 : c.OfferA;
                actual = $"offer {offer:0.0} A";
                return e.Holds(offer);
            case ExpectSubject.Drawn:
                double drawn = _contactor.IsClosed ? Ev.DrawnA : 0;
                actual = $"drawn {drawn:0.0} A";
                return e.Holds(drawn);
            case ExpectSubject.Energy:
                double wh = _station?.Meter?.LatestReading?.EnergyActiveImportWh ?? 0;
                double sessionWh = wh - _meterStartKWh * 1000.0;
                actual = $"energy {sessionWh:0} Wh";
                return e.Holds(sessionWh);
            case ExpectSubject.Temperature:
                int i = Array.IndexOf(SensorNames, e.Name);
                if (i < 0 || c == null)
                {
                    actual = i < 0 ? $"no sensor '{e.Name}'" : "firmware not running";
                    return false;
                }

                double t = c.GetTemperatureC(i);
                actual = $"{e.Name} {t:0.0} C";
                return e.Holds(t);
            case ExpectSubject.Fault:
                if (e.Word == "none")
                {
                    int n = c?.ActiveFaultCount ?? 0;
                    actual = $"{n} active faults";
                    return n == 0;
                }

                if (!StationFaultControl.TryParse(e.Name, out FaultCode code))
                {
                    actual = $"unknown fault code '{e.Name}'";
                    return false;
                }

                bool active = c != null && c.IsFaultActive(code);
                actual = $"{code} {(active ? "present" : "absent")}";
                return active == (e.Word == "present");
            case ExpectSubject.FirmwareVersion:
                actual = "firmware " + (_boot.RunningVersion ?? "(none running)");
                return _boot.RunningVersion == e.Word;
            case ExpectSubject.ActiveSlot:
                actual = $"active slot {_boot.ActiveSlot}" + (_boot.RunningSlot == null ? "" : $", running slot {_boot.RunningSlot}");
                return _boot.ActiveSlot == e.Word;
            case ExpectSubject.Rollback:
                var slots = _boot.State;
                string last = slots.LastRollback == RollbackReason.None ? "none" : RollbackReasonText.Of(slots.LastRollback);
                actual = $"last rollback {last}" + (slots.LastRollback == RollbackReason.None ? "" : $" of {slots.RollbackFromVersion}");
                return last == e.Word;
            case ExpectSubject.Connection:
                bool online = UsesRealSocket ? _station?.Ocpp?.Connection.IsConnected == true : _link.Connected;
                actual = online ? "online" : "offline";
                return (e.Word == "online") == online;
            case ExpectSubject.NetworkProfile:
                var ocpp = _station?.Ocpp;
                bool linked = UsesRealSocket ? ocpp?.Connection.IsConnected == true : _link.Connected;
                int inUse = ocpp == null ? -1 : ocpp.NetworkProfiles.ActiveSlot;
                actual = ocpp == null ? "no station running" : $"network profile slot {inUse} ({ocpp.Connection.Url}), {(linked ? "online" : "offline")}";
                return linked && inUse == (int)e.Value;
            case ExpectSubject.FirmwareStatus:
                string status = _options.CsmsUrl != null ? _station?.Ocpp?.FirmwareUpdates.LastStatus : _csms.Station(_options.StationId)?.LastFirmwareStatus;
                actual = "firmware status " + (status ?? "none");
                return status == e.Word;
            case ExpectSubject.CsmsReceived:
                int count = CountReceived(e.Name);
                actual = $"CSMS received {count} {e.Name}";
                return e.Holds(count);
            case ExpectSubject.Transaction:
                if (_options.CsmsUrl != null)
                {
                    // An external CSMS cannot be asked: the station's own view, and what the CSMS answered.
                    string own = _station != null && _station.Ocpp != null && _station.Ocpp.Transactions.HasTransaction(1) ? "started"
                        : CountCallsFromStation("TransactionEvent:Ended") > 0 ? "ended"
                        : CountCallsFromStation("TransactionEvent:Started") > 0 ? "started" : "none";
                    actual = $"transaction {own} (as the station sees it)";
                    return e.Word == own;
                }

                var tx = _csms.LatestTransaction(_options.StationId);
                string txState = tx == null ? "none" : tx.Ended ? "ended" : "started";
                actual = $"transaction {txState}" + (tx == null ? "" : $" ({tx.TransactionId})");
                return e.Word == txState;
            default:
                actual = $"no simulator check for '{e.Subject}'";
                return false;
        }
    }

    /// <summary>"TransactionEvent:Ended" counts events of that type; any other name counts CALLs of that action.</summary>
    private int CountReceived(string name)
    {
        int colon = name.IndexOf(':');
        if (colon > 0 && name[..colon] == "TransactionEvent")
        {
            return _options.CsmsUrl != null ? CountCallsFromStation(name) : _csms.CountTransactionEvents(_options.StationId, name[(colon + 1)..]);
        }

        return _options.CsmsUrl != null ? CountCallsFromStation(name) : _csms.CountReceivedCalls(name);
    }

    /// <summary>
    /// Scripted CSMS calls: <c>csms reset immediate</c>, <c>csms set OCPPCommCtrlr.HeartbeatInterval 60</c> ...
    /// The parser has already checked each command's arguments.
    /// </summary>
    private void CsmsCommand(ScenarioStep step)
    {
        string[] a = step.Args;
        string id = _options.StationId;
        CsmsRequest request;
        switch (a[0])
        {
            case "boot":
                _csms.Options.BootStatus = a[1] switch { "accepted" => "Accepted", "pending" => "Pending", _ => "Rejected" };
                return;
            case "accept":
                _csms.Tokens.Accept(a[1], "ISO14443", TokenRegistry.DefaultGroupIdToken);
                return;
            case "block":
                _csms.Tokens.Block(a[1]);
                return;
            case "network-profile":
                request = CsmsRequests.SetNetworkProfile(int.Parse(a[1]), a[2], a[2].StartsWith("wss://", StringComparison.Ordinal) ? 2 : 1);
                break;
            case "address":
                // Where the built-in CSMS can be reached: a second address stands for a second CSMS.
                _link.SetAddress(a[1], a[2] == "up");
                return;
            case "reset":
                request = CsmsRequests.Reset(a.Length > 1 && a[1] == "onidle" ? "OnIdle" : "Immediate");
                break;
            case "set":
            {
                var (component, variable) = SplitComponentVariable(a[1]);
                request = CsmsRequests.SetVariable(component, variable, a[2]);
                break;
            }

            case "get":
            {
                var (component, variable) = SplitComponentVariable(a[1]);
                request = CsmsRequests.GetVariable(component, variable);
                break;
            }

            case "availability":
                request = CsmsRequests.ChangeAvailability(a[1] == "operative" ? "Operative" : "Inoperative", 1, 0);
                break;
            case "trigger":
                // StatusNotification is about a connector; the others about the EVSE.
                request = CsmsRequests.TriggerMessage(a[1], 1, a[1] == "StatusNotification" ? 1 : 0);
                break;
            case "remote-start":
                request = CsmsRequests.RequestStartTransaction(a[1], "ISO14443", 1, remoteStartId: _nextRemoteStartId++);
                break;
            case "remote-stop":
                var tx = _csms.LatestTransaction(id);
                if (tx == null)
                {
                    throw new ScenarioException(step.LineNumber, "csms remote-stop: the CSMS knows no transaction of this station yet");
                }

                request = CsmsRequests.RequestStopTransaction(tx.TransactionId);
                break;
            case "local-list":
            {
                var entries = a.Skip(3).Select(t => new LocalListEntry(t, "ISO14443", "Accepted", null)).ToList();
                request = CsmsRequests.SendLocalList(int.Parse(a[2]), a[1] == "full" ? "Full" : "Differential", entries);
                break;
            }

            case "clear-cache":
                request = CsmsRequests.ClearCache();
                break;
            case "profile":
            {
                var (unit, periods) = ScenarioParser.ParseProfilePeriods(step.LineNumber, a[3]);
                string purpose = a[2] switch { "station" => "ChargingStationMaxProfile", "default" => "TxDefaultProfile", _ => "TxProfile" };
                string transactionId = null;
                if (purpose == "TxProfile")
                {
                    transactionId = _csms.LatestTransaction(id)?.TransactionId
                        ?? throw new ScenarioException(step.LineNumber, "csms profile tx: the CSMS knows no transaction of this station yet");
                }

                // The schedule starts at the step's time, to the second: a period boundary falls where the script says.
                long startMs = NowMs / 1000 * 1000;
                request = CsmsRequests.SetChargingProfile(purpose == "ChargingStationMaxProfile" ? 0 : 1, int.Parse(a[1]), purpose,
                    a.Length > 4 ? int.Parse(a[5]) : 0, _csms.Clock.TextAt(startMs), unit, periods, transactionId);
                break;
            }

            case "clear-profile":
                request = CsmsRequests.ClearChargingProfile(a.Length > 1 ? int.Parse(a[1]) : -1);
                break;
            case "composite":
                request = CsmsRequests.GetCompositeSchedule(1, (int)(ScenarioParser.ParseDuration(step.LineNumber, a[1], "a duration") / 1000));
                break;
            case "get-profiles":
                request = CsmsRequests.GetChargingProfiles(_nextRemoteStartId++);
                break;
            case "install-root":
                request = CsmsRequests.InstallCertificate("ManufacturerRootCertificate", SimFirmwarePki.ManufacturerRootPem);
                _rootSent = true;
                break;
            case "update-firmware":
                request = PrepareFirmwareUpdate(step, a);
                break;
            default:
                request = CsmsRequests.UnlockConnector(1, 1);
                break;
        }

        _csms.Send(id, request, call => _events.Add(NowMs, "csms", $"{request.Action}: {call}", ("action", request.Action)));
    }

    private static (string Component, string Variable) SplitComponentVariable(string text)
    {
        int dot = text.IndexOf('.');
        return (text[..dot], text[(dot + 1)..]);
    }

    private int _nextRemoteStartId = 1;

    private int _nextFirmwareRequestId = 1;
    private bool _rootSent;
    private BundleHttpServer _bundleServer;

    /// <summary>The real-time firmware server (null until a real-time update was sent).</summary>
    public BundleHttpServer BundleServer => _bundleServer;

    /// <summary>
    /// <c>csms update-firmware &lt;kind&gt; [&lt;version&gt;] [install-in &lt;duration&gt;]</c>: the built-in CSMS
    /// installs its ManufacturerRootCertificate first (once), publishes the bundle of that kind on
    /// its HTTP server and sends UpdateFirmware.
    /// </summary>
    private CsmsRequest PrepareFirmwareUpdate(ScenarioStep step, string[] a)
    {
        if (_options.CsmsUrl != null)
        {
            throw new ScenarioException(step.LineNumber, "csms update-firmware needs the built-in CSMS");
        }

        if (!_rootSent)
        {
            _rootSent = true;
            var install = CsmsRequests.InstallCertificate("ManufacturerRootCertificate", SimFirmwarePki.ManufacturerRootPem);
            _csms.Send(_options.StationId, install, call => _events.Add(NowMs, "csms", $"{install.Action}: {call}", ("action", install.Action)));
        }

        string version = a.Length > 2 && a[2] != "install-in" ? a[2] : "0." + (_nextFirmwareRequestId + 1) + ".0";
        int installAt = Array.IndexOf(a, "install-in");
        TimeSpan? installIn = installAt > 0 ? TimeSpan.FromMilliseconds(ScenarioParser.ParseDuration(step.LineNumber, a[installAt + 1], "a duration")) : null;
        if (UsesRealSocket)
        {
            // Real time: the station's desktop HTTP transfer fetches from a real HTTP server.
            _bundleServer ??= new BundleHttpServer();
            return SimFirmwareUpdates.Prepare(a[1], version, _nextFirmwareRequestId++, EpochUtc.AddMilliseconds(NowMs), _bundleServer.Publish,
                _bundleServer.InterruptNextDownloadAfter, installIn);
        }

        return SimFirmwareUpdates.Prepare(a[1], version, _nextFirmwareRequestId++, EpochUtc.AddMilliseconds(NowMs),
            (file, bytes) =>
            {
                string url = SimFirmwareUpdates.BaseUrl + file;
                _csms.HttpServer.Publish(url, bytes);
                return url;
            },
            bytes => _csms.HttpServer.InterruptNextDownloadAfter(bytes), installIn);
    }
}
