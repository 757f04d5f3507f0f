using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Firmware.Station;
using Charger.Firmware.Thermal;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Profiles;
using Charger.Sim.Chart;
using Charger.Sim.Models.Ev;
using Charger.Sim.Models.Meter;
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
public sealed class SimulatedStation : ISimulationTarget, IChargerEvents
{
    public const int AdcMaxCounts = 4095;
    public const double PhaseVoltageV = 230.0;
    public const int MeterBaud = 9600;
    public const byte MeterAddress = 1;

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

    public SimulatedStation(SimOptions options, EventLog events)
    {
        _options = options;
        _events = events;
        _random = new SeededRandom(options.Seed);
        _pilot = new SimPilotSignal(_pilotAdc, _pwm);
        _proximity = new SimProximity(_proximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
        _contactor = new ContactorModel(_coil, _auxiliary);
        _watchdog = new SimWatchdog(_clock);
        Ev = new ElectricVehicle
        {
            CapacityWh = options.EvCapacityWh,
            StateOfChargePercent = options.EvStateOfChargePercent,
            MaxCurrentA = options.EvMaxCurrentA,
            Phases = options.EvPhases,
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
        Settings = CreateSettings();
        UpdateThermistors(force: true);
        PowerOn(0);
    }

    public long NowMs => _clock.NowMs;

    public int TickMs => Settings.Control.TickPeriodMs;

    public ElectricVehicle Ev { get; }

    public StationSettings Settings { get; }

    /// <summary>The running firmware; null while power is off.</summary>
    public ChargingStation Station => _station;

    public MemoryFileStore Store => _store;

    public ContactorModel Contactor => _contactor;

    public Sdm630Model Meter => _meter;

    public SessionChart Chart => _chart;

    public int PowerCuts => _powerCuts;

    public IReadOnlyList<string> FaultsRaised => _faultsRaised;

    public double PeakDrawnA => _peakDrawnA;

    /// <summary>Energy the meter registered since the simulation started.</summary>
    public double MeteredEnergyWh => (_meter.ImportEnergyKWh - _meterStartKWh) * 1000.0;

    public long SessionDurationMs => _firstPlugMs < 0 ? 0 : (_lastUnplugMs >= _firstPlugMs ? _lastUnplugMs : NowMs) - _firstPlugMs;

    /// <summary>The settings a simulated board runs with: an SDM630, three NTCs, a Type 2 socket.</summary>
    public static StationSettings CreateSettings()
    {
        var settings = new StationSettings
        {
            SerialNumber = "SIM-0001",
            MeterProfile = new Sdm630Profile(),
            MeterSlaveAddress = MeterAddress,
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
            if (_store.PowerIsCut || _reboot.Requested)
            {
                string why = _reboot.Requested ? "firmware reboot: " + _reboot.Reason : "power cut during a flash write";
                _reboot.Acknowledge();
                PowerOff(t, 0, why);
            }
        }
        else if (t >= _powerBackAtMs)
        {
            PowerOn(t);
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
            MeterPort = _meterBus.A,
            ConsolePort = _options.ConsolePort,
            Storage = _store,
            Random = _random,
            Watchdog = _watchdog,
            Reboot = _reboot,
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
        _events.Add(NowMs, SimEventKinds.Step, step.Text, ("line", step.LineNumber));
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
            case "power-cut":
                long offMs = step.Args.Length == 2 ? ScenarioParser.ParseDuration(step.LineNumber, step.Args[1], "a duration") : _options.DefaultPowerCutMs;
                if (_powered)
                {
                    PowerOff(NowMs, offMs, "power cut");
                }

                break;
            case "wait":
                break;
            default:
                throw new ScenarioException(step.LineNumber, $"'{step.Verb}' needs the OCPP client, which this build of the simulator does not run yet");
        }
    }

    /// <summary>
    /// An RFID card at the reader. Until the OCPP client is wired into the station this authorizes
    /// locally (free vend); with OCPP it goes through the authorization use cases.
    /// </summary>
    private void Swipe(string idToken)
    {
        if (_station == null)
        {
            return;
        }

        bool stop = _station.Controller.Authorized;
        _station.Controller.SetAuthorized(!stop);
        _events.Add(NowMs, "auth", $"{idToken}: {(stop ? "stop" : "start")} (local, no CSMS)", ("idToken", idToken));
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
            default:
                actual = $"'{e.Subject}' needs the OCPP client, which this build of the simulator does not run yet";
                return false;
        }
    }
}
