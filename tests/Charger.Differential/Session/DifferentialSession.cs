using System.Text;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Station;
using Charger.Firmware.Thermal;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Pilot;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Profiles;
using Charger.Ocpp;

namespace Charger.Differential.Session
{
    /// <summary>
    /// One deterministic station session that runs unchanged on nanoCLR and on desktop .NET (issue 11,
    /// item 3): the whole <see cref="ChargingStation"/> (charge control, SDM630 meter, OCPP, console) on
    /// the simulated HAL in virtual time, an EV on the pilot, a scripted CSMS on the loopback WebSocket
    /// and a technician on the console UART. Plug, authorize, charge, derate, a pilot fault and an RCD
    /// trip with their recoveries, an offline period with queued events, console commands, stop, unplug.
    /// Everything observable goes to one transcript: OCPP frames both ways, output changes with their
    /// tick time, log lines, console output. The two runtimes must write byte-identical transcripts.
    /// </summary>
    public sealed class DifferentialSession
    {
        public const int AdcMaxCounts = 4095;
        public const int TickMs = 10;
        public const long EndMs = 840000;
        public const byte MeterAddress = 1;
        private const int ContactorDelayMs = 20;
        private const int EvMaxCurrentA = 32;
        private const int EvPhases = 3;

        private static readonly string[] SensorNames = new string[] { "connector", "cable", "internal" };

        private readonly ITranscript _transcript;
        private readonly ISessionProbe _probe;
        private readonly VirtualClock _clock = new VirtualClock();
        private readonly MemoryFileStore _store;
        private readonly SeededRandom _random = new SeededRandom(20261207);
        private readonly SimAdcChannel _pilotAdc = new SimAdcChannel(AdcMaxCounts);
        private readonly SimPwmOutput _pwm = new SimPwmOutput(1000);
        private readonly SimPilotSignal _pilot;
        private readonly SimAdcChannel _proximityAdc = new SimAdcChannel(AdcMaxCounts);
        private readonly SimProximity _proximity;
        private readonly SimDigitalInput _rcd = new SimDigitalInput(false);
        private readonly SimDigitalInput _emergencyStop = new SimDigitalInput(false);
        private readonly SimDigitalOutput _coil = new SimDigitalOutput();
        private readonly SimDigitalInput _auxiliary = new SimDigitalInput(false);
        private readonly SimDigitalOutput _lock = new SimDigitalOutput();
        private readonly SimAdcChannel[] _ntc = new SimAdcChannel[3];
        private readonly LoopbackSerialPair _meterBus;
        private readonly LoopbackSerialPair _consoleLine;
        private readonly Sdm630Slave _meter;
        private readonly SimWatchdog _watchdog;
        private readonly SimRebootController _reboot = new SimRebootController();
        private readonly ScriptedCsms _csms;
        private readonly StringBuilder _consoleText = new StringBuilder(256);
        private readonly byte[] _consoleBuffer = new byte[256];
        private StationSettings _settings;
        private ChargingStation _station;
        private long _coilChangedMs;
        private bool _lastCoil;
        private bool _lastLock;
        private int _lastDuty = -2;
        private EvPilotState _evState = EvPilotState.A;
        private bool _evWantsCharge;

        public DifferentialSession(ITranscript transcript, ISessionProbe probe, int storeCapacityBytes)
        {
            _transcript = transcript;
            _probe = probe;
            _store = new MemoryFileStore(storeCapacityBytes);
            _pilot = new SimPilotSignal(_pilotAdc, _pwm);
            _proximity = new SimProximity(_proximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
            for (int i = 0; i < _ntc.Length; i++)
            {
                _ntc[i] = new SimAdcChannel(AdcMaxCounts);
            }

            _watchdog = new SimWatchdog(_clock);
            // Small line buffers: the world drains both lines every tick, and the simulated world's RAM
            // shares the nanoCLR heap with the firmware it is measured against.
            _meterBus = new LoopbackSerialPair(_clock, 9600, 256);
            _consoleLine = new LoopbackSerialPair(_clock, 115200, 512);
            _consoleLine.B.Open();
            _meter = new Sdm630Slave(_meterBus.B, MeterAddress);
            _csms = new ScriptedCsms(transcript);
            _probe.Mark("world");
        }

        /// <summary>Times stages and duties when set (the nanoCLR run); set before <see cref="Run"/>.</summary>
        public Charger.Firmware.Runtime.ITickProfiler Profiler { get; set; }

        public ChargingStation Station
        {
            get { return _station; }
        }

        public MemoryFileStore Store
        {
            get { return _store; }
        }

        public ScriptedCsms Csms
        {
            get { return _csms; }
        }

        public static StationSettings CreateSettings()
        {
            StationSettings settings = new StationSettings();
            settings.SerialNumber = "DIFF-0001";
            settings.MeterProfile = new Sdm630Profile();
            settings.MeterSlaveAddress = MeterAddress;
            StationConfig ocpp = new StationConfig();
            ocpp.StationId = "DIFF-0001";
            ocpp.CsmsUrl = "ws://csms.diff/ocpp";
            ocpp.SerialNumber = "DIFF-0001";
            ocpp.VendorName = "ChargerFirmware";
            ocpp.Model = "CF-AC22-DIFF";
            ocpp.FirmwareVersion = StationSettings.FirmwareVersion;
            settings.Ocpp = ocpp;
            ThermistorSettings[] sensors = new ThermistorSettings[SensorNames.Length];
            for (int i = 0; i < sensors.Length; i++)
            {
                sensors[i] = new ThermistorSettings(SensorNames[i]);
            }

            settings.Control.Thermistors = sensors;
            return settings;
        }

        /// <summary>Builds the whole station on the simulated HAL (what a board does at boot).</summary>
        public void Boot()
        {
            Boot(true, true, true);
        }

        /// <summary>Builds the station with some parts left out (the heap breakdown by component).</summary>
        public void Boot(bool withMeter, bool withOcpp, bool withConsole)
        {
            _settings = CreateSettings();
            if (!withMeter)
            {
                _settings.MeterProfile = null;
            }

            if (!withOcpp)
            {
                _settings.Ocpp = null;
            }

            for (int i = 0; i < _ntc.Length; i++)
            {
                SetTemperature(i, 25.0);
            }

            LoopbackWebSocket socket = new LoopbackWebSocket();
            _csms.Attach(socket.Server);

            ChargerHardware control = new ChargerHardware();
            control.PilotAdc = _pilotAdc;
            control.PilotPwm = _pwm;
            control.ProximityAdc = _proximityAdc;
            control.RcdTrip = _rcd;
            control.EmergencyStop = _emergencyStop;
            control.ContactorCoil = _coil;
            control.ContactorFeedback = _auxiliary;
            control.Thermistors = new IAdcChannel[] { _ntc[0], _ntc[1], _ntc[2] };

            StationHardware hardware = new StationHardware();
            hardware.Clock = _clock;
            hardware.Control = control;
            hardware.ConnectorLock = _lock;
            hardware.MeterPort = _meterBus.A;
            hardware.ConsolePort = withConsole ? _consoleLine.A : null;
            hardware.Storage = _store;
            hardware.CsmsSocket = socket;
            hardware.Random = _random;
            hardware.Watchdog = _watchdog;
            hardware.Reboot = _reboot;
            _station = new ChargingStation(hardware, _settings);
            _station.Log.Written += OnLog;
            _station.Runtime.Profiler = Profiler;
            _probe.Mark("station");
        }

        /// <summary>Runs the whole script.</summary>
        public void Run()
        {
            Boot();
            long t = 0;
            while (t < EndMs)
            {
                t += TickMs;
                Step(t);
            }

            _transcript.Line(ScriptedCsms.Stamp(t) + " end frames station->csms " + _csms.FramesFromStation.ToString()
                + " csms->station " + _csms.FramesToStation.ToString() + " meter " + FormatWh(_meter.EnergyWh) + " Wh");
            _probe.Mark("session end");
        }

        private void Step(long t)
        {
            _clock.Set(t);
            Script(t);
            World(t);
            long before = _probe.NowTicks();
            _station.Tick(t);
            long after = _probe.NowTicks();
            _probe.TickTook(t, after - before, _station.Controller.ContactorCommandedClosed ? "charging" : "idle");
            Observe(t);
            _csms.Pump(t);
            ReadConsole(t);
            if (_reboot.Requested)
            {
                _transcript.Line(ScriptedCsms.Stamp(t) + " reboot requested: " + _reboot.Reason);
                _reboot.Acknowledge();
            }
        }

        /// <summary>The session's script: what the driver, the car, the site and the CSMS do, and when.</summary>
        private void Script(long t)
        {
            switch (t)
            {
                case 1000:
                    Note(t, "plug 32 A cable, EV connected (B)");
                    _proximity.Plug(SimProximity.Cable32AOhms);
                    _evState = EvPilotState.B;
                    break;
                case 3000:
                    Note(t, "swipe RFID-0001");
                    Note(t, "reader: " + _station.PresentIdToken("RFID-0001"));
                    break;
                case 5000:
                    Note(t, "EV asks to charge (C)");
                    _evWantsCharge = true;
                    break;
                case 30000:
                    _csms.Call(t, "SetVariables", "{\"setVariableData\":[{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"},\"attributeValue\":\"30\"}]}");
                    break;
                case 31000:
                    _csms.Call(t, "GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}},{\"component\":{\"name\":\"NoSuchCtrlr\"},\"variable\":{\"name\":\"Nothing\"}}]}");
                    break;
                case 60000:
                    Type(t, "status");
                    break;
                case 61000:
                    Type(t, "pilot");
                    break;
                case 62000:
                    Type(t, "meter");
                    break;
                case 90000:
                    Note(t, "connector at 66.5 C");
                    SetTemperature(0, 66.5);
                    break;
                case 91000:
                    Type(t, "temps");
                    break;
                case 150000:
                    Note(t, "connector back to 40 C");
                    SetTemperature(0, 40.0);
                    break;
                case 180000:
                    Note(t, "EV pilot error (E)");
                    _evState = EvPilotState.E;
                    break;
                case 182000:
                    Note(t, "EV pilot back to normal");
                    _evState = EvPilotState.B;
                    break;
                case 200000:
                    Note(t, "RCD trips");
                    _rcd.Level = true;
                    break;
                case 202000:
                    Note(t, "RCD cleared");
                    _rcd.Level = false;
                    break;
                case 203000:
                    Type(t, "faults");
                    break;
                case 240000:
                    // Heavy case: the whole device model in NotifyReport pages.
                    _csms.Call(t, "GetBaseReport", "{\"requestId\":7,\"reportBase\":\"FullInventory\"}");
                    break;
                case 470000:
                    // Heavy case: an event every 5 s through the outage queues about 50 of them.
                    _csms.Call(t, "SetVariables", "{\"setVariableData\":[{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"},\"attributeValue\":\"5\"}]}");
                    break;
                case 480000:
                    Note(t, "network down");
                    _csms.NetworkDown(t);
                    break;
                case 545000:
                    Type(t, "ocpp");
                    break;
                case 690000:
                    // Before the station's fourth attempt (back-off: minimum, then doubling, B04).
                    _csms.NetworkUp(t);
                    break;
                case 760000:
                    _csms.Call(t, "SetVariables", "{\"setVariableData\":[{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"},\"attributeValue\":\"30\"}]}");
                    break;
                case 770000:
                    _csms.Call(t, "TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":1,\"connectorId\":1}}");
                    break;
                case 780000:
                    Note(t, "EV satisfied (B)");
                    _evWantsCharge = false;
                    break;
                case 785000:
                    Note(t, "swipe RFID-0001 to stop");
                    Note(t, "reader: " + _station.PresentIdToken("RFID-0001"));
                    break;
                case 790000:
                    Type(t, "config get OCPPCommCtrlr.HeartbeatInterval");
                    break;
                case 800000:
                    Note(t, "unplug");
                    _evWantsCharge = false;
                    _evState = EvPilotState.A;
                    _proximity.Unplug();
                    break;
                case 810000:
                    // Heavy case: the longest log dump the console offers.
                    Type(t, "log 500");
                    break;
                case 830000:
                    Type(t, "status");
                    break;
            }
        }

        /// <summary>The EV, the contactor's auxiliary contact and the meter follow the firmware's outputs.</summary>
        private void World(long t)
        {
            if (_coil.State != _lastCoil)
            {
                _lastCoil = _coil.State;
                _coilChangedMs = t;
            }

            if (_auxiliary.Level != _coil.State && t - _coilChangedMs >= ContactorDelayMs)
            {
                _auxiliary.Level = _coil.State;
            }

            EvPilotState state = _evState;
            double offerA = OfferA();
            if (state == EvPilotState.B && _evWantsCharge && offerA >= 6.0)
            {
                state = EvPilotState.C;
            }

            _pilot.EvState = state;
            double drawnA = 0;
            if (state == EvPilotState.C && _auxiliary.Level)
            {
                drawnA = offerA < EvMaxCurrentA ? offerA : EvMaxCurrentA;
            }

            _meter.SetCurrent(drawnA, EvPhases);
            _meter.Poll(t);
        }

        /// <summary>What the EV reads from the PWM (IEC 61851-1 Table A.8).</summary>
        private double OfferA()
        {
            if (!_pwm.IsRunning)
            {
                return 0;
            }

            int dutyPermille = (int)(_pwm.DutyCycle * 1000.0 + 0.5);
            if (dutyPermille < 80 || dutyPermille > 970)
            {
                return 0;
            }

            // Whole deciamps, so both runtimes round the same way.
            int offerDa = dutyPermille <= 850 ? dutyPermille * 6 / 10 : (dutyPermille - 640) * 25 / 10;
            return offerDa / 10.0;
        }

        private void Observe(long t)
        {
            int duty = _pwm.IsRunning ? (int)(_pwm.DutyCycle * 1000.0 + 0.5) : -1;
            if (duty != _lastDuty)
            {
                _lastDuty = duty;
                _transcript.Line(ScriptedCsms.Stamp(t) + " out pwm " + (duty < 0 ? "off" : duty.ToString() + " permille"));
            }

            if (_lock.State != _lastLock)
            {
                _lastLock = _lock.State;
                _transcript.Line(ScriptedCsms.Stamp(t) + " out lock " + (_lock.State ? "locked" : "unlocked"));
            }

            if (_coil.State != _lastCoil)
            {
                _transcript.Line(ScriptedCsms.Stamp(t) + " out coil " + (_coil.State ? "closed" : "open"));
            }
        }

        private void OnLog(LogEntry entry)
        {
            _transcript.Line(ScriptedCsms.Stamp(entry.TimestampMs) + " log " + LogFormat.LevelName(entry.Level) + " " + entry.Component + ": " + entry.Message);
        }

        private void Type(long t, string command)
        {
            Note(t, "console: " + command);
            byte[] bytes = Encoding.UTF8.GetBytes(command + "\r\n");
            _consoleLine.B.Write(bytes, 0, bytes.Length);
        }

        private void ReadConsole(long t)
        {
            int n;
            while ((n = _consoleLine.B.Read(_consoleBuffer, 0, _consoleBuffer.Length, 0)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    char c = (char)_consoleBuffer[i];
                    if (c == '\n')
                    {
                        _transcript.Line(ScriptedCsms.Stamp(t) + " console| " + _consoleText.ToString());
                        _consoleText.Clear();
                    }
                    else if (c != '\r')
                    {
                        _consoleText.Append(c);
                    }
                }
            }
        }

        private void Note(long t, string what)
        {
            _transcript.Line(ScriptedCsms.Stamp(t) + " step " + what);
        }

        private void SetTemperature(int sensor, double temperatureC)
        {
            ThermistorSettings settings = _settings.Control.Thermistors[sensor];
            _ntc[sensor].Value = NtcCounts(temperatureC, settings.Model, settings.SeriesOhms);
        }

        /// <summary>ADC counts of an NTC divider at a temperature, by bisection on the firmware's own law.</summary>
        private static int NtcCounts(double temperatureC, INtcModel model, int seriesOhms)
        {
            double lo = 1.0;
            double hi = 10000000.0;
            for (int i = 0; i < 60; i++)
            {
                double mid = (lo + hi) / 2;
                if (model.TemperatureCFor(mid) > temperatureC)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            double ohms = (lo + hi) / 2;
            return (int)(AdcMaxCounts * ohms / (ohms + seriesOhms) + 0.5);
        }

        private static string FormatWh(double wh)
        {
            long whole = (long)(wh + 0.5);
            return whole.ToString();
        }
    }
}
