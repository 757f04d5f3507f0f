using System;
using System.Linq;
using Charger.Firmware.Control;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Pilot;
using Charger.Hal.Sim.Serial;
using Charger.Sim.Models.Ev;
using Charger.Sim.Models.Meter;
using Charger.Sim.Models.Power;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Hostile;

/// <summary>
/// The whole station as the board runs it (<see cref="ChargingStation"/> on the simulated HAL, as
/// <see cref="SimulatedStation"/> builds it) with its three peer-facing ports held by the fuzzer: the
/// CSMS end of the loopback WebSocket, the meter's end of the RS-485 line (answers pass through
/// <see cref="MeterAnswerTap"/>), and the technician's end of the console UART. A car is plugged in and
/// wants to charge, so transactions can start; a reboot the firmware asks for (Reset) restarts it on
/// the same flash, as a power cycle would.
/// </summary>
public sealed class FuzzRig
{
    public const int TickMs = 10;

    // Faster than the board's 9600 baud and polled every 50 ms, so a CI budget of meter answers fits
    // in a few minutes of virtual time; the framing rules (3.5 character times) scale with the baud.
    public const int MeterBaud = 115200;
    public const int MeterPollPeriodMs = 50;

    private readonly SimAdcChannel _pilotAdc = new(SimulatedStation.AdcMaxCounts);
    private readonly SimPwmOutput _pwm = new(1000);
    private readonly SimPilotSignal _pilot;
    private readonly SimAdcChannel _proximityAdc = new(SimulatedStation.AdcMaxCounts);
    private readonly SimProximity _proximity;
    private readonly SimDigitalInput _rcd = new(false);
    private readonly SimDigitalInput _emergencyStop = new(false);
    private readonly SimDigitalOutput _coil = new();
    private readonly SimDigitalInput _auxiliary = new(false);
    private readonly SimDigitalOutput _connectorLock = new();
    private readonly ContactorModel _contactor;
    private readonly SimAdcChannel[] _ntcAdcs;
    private readonly SimWatchdog _watchdog;
    private readonly SimRebootController _reboot = new();
    private readonly SeededRandom _random;
    private readonly StationSettings _settings;

    public FuzzRig(ulong seed, Random meterRandom, double meterLieProbability)
    {
        _random = new SeededRandom(seed);
        _pilot = new SimPilotSignal(_pilotAdc, _pwm) { EvState = EvPilotState.C, DiodePresent = true };
        _proximity = new SimProximity(_proximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
        _proximity.Plug(SimProximity.Cable32AOhms);
        _contactor = new ContactorModel(_coil, _auxiliary);
        _watchdog = new SimWatchdog(Clock);
        MeterBus = new LoopbackSerialPair(Clock, MeterBaud);
        Tap = new MeterAnswerTap(MeterBus.B, meterRandom, meterLieProbability);
        Meter = new Sdm630Model(Tap, SimulatedStation.MeterAddress) { FrequencyHz = 50.0, PowerFactor = 1.0, ImportEnergyKWh = 1234.5 };
        Tap.Registers = Meter.Slave.InputRegisters;
        ConsoleBus = new LoopbackSerialPair(Clock, 115200, 64 * 1024);
        ConsoleBus.B.Open();
        _settings = SimulatedStation.CreateSettings("CF-FUZZ-001");
        _settings.MeterPollPeriodMs = MeterPollPeriodMs;
        _settings.Ocpp.CsmsUrl = SimulatedStation.BuiltInCsmsUrl;
        _settings.Ocpp.BasicAuthPassword = "fuzz-password-0123456789";
        _ntcAdcs = new SimAdcChannel[_settings.Control.Thermistors.Length];
        for (int i = 0; i < _ntcAdcs.Length; i++)
        {
            var t = _settings.Control.Thermistors[i];
            _ntcAdcs[i] = new SimAdcChannel(SimulatedStation.AdcMaxCounts)
            {
                Value = ThermistorMath.CountsFor(25.0, t.Model, t.SeriesOhms, SimulatedStation.AdcMaxCounts),
            };
        }

        Boot();
    }

    public VirtualClock Clock { get; } = new(0);

    public MemoryFileStore Store { get; } = new(512 * 1024);

    public LoopbackWebSocket Socket { get; private set; }

    public LoopbackSerialPair MeterBus { get; }

    public MeterAnswerTap Tap { get; }

    public Sdm630Model Meter { get; }

    public LoopbackSerialPair ConsoleBus { get; }

    public ChargingStation Station { get; private set; }

    public int Reboots { get; private set; }

    /// <summary>Stage failures of every firmware run so far (a reboot starts a new runtime).</summary>
    public long StageFailures => _earlierStageFailures + Station.Runtime.StageFailureCount;

    /// <summary>Most bytes one station tick allocated, and the tick time it happened at.</summary>
    public long MaxTickAllocatedBytes { get; private set; }

    public long MaxTickAllocatedAtMs { get; private set; }

    public long Ticks { get; private set; }

    private long _earlierStageFailures;

    /// <summary>One 10 ms tick of the world and the firmware; the firmware's allocation is measured.</summary>
    public void Tick()
    {
        Clock.Advance(TickMs);
        long t = Clock.NowMs;
        _contactor.Step(t);
        double drawnA = _contactor.IsClosed ? 16 : 0;
        for (int phase = 1; phase <= 3; phase++)
        {
            Meter.SetPhase(phase, 230, drawnA);
        }

        Meter.Poll(t);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Station.Tick(t);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Ticks++;
        if (allocated > MaxTickAllocatedBytes)
        {
            MaxTickAllocatedBytes = allocated;
            MaxTickAllocatedAtMs = t;
        }

        if (_reboot.Requested || Store.PowerIsCut)
        {
            _reboot.Acknowledge();
            Reboots++;
            _earlierStageFailures += Station.Runtime.StageFailureCount;
            Socket.Server.Close(1006, "station rebooted");
            Store.RestorePower();
            Boot();
        }
    }

    private void Boot()
    {
        Socket = new LoopbackWebSocket();
        Socket.Server.AutoAccept = true;
        var hardware = new StationHardware
        {
            Clock = Clock,
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
            MeterPort = MeterBus.A,
            ConsolePort = ConsoleBus.A,
            Storage = Store,
            CsmsSocket = Socket,
            Random = _random,
            Watchdog = _watchdog,
            Reboot = _reboot,
        };
        Station = new ChargingStation(hardware, _settings);
    }
}

/// <summary>
/// The meter's side of the RS-485 line. Before the simulated SDM630 answers, it may make the meter
/// lie with a CRC-valid frame (random or extreme floats in its registers); after, it may damage the
/// bytes on the wire (flip, cut, extend, drop). Counts the answers that went out.
/// </summary>
public sealed class MeterAnswerTap : ISerialPort
{
    private static readonly float[] Extremes =
    {
        float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue, 1e30f, 4e18f, -4e18f,
        1e9f, -1f, 0f, float.Epsilon, 65535f, 1e-30f,
    };

    private readonly ISerialPort _inner;
    private readonly Random _random;
    private readonly double _lieProbability;

    public MeterAnswerTap(ISerialPort inner, Random random, double lieProbability)
    {
        _inner = inner;
        _random = random;
        _lieProbability = lieProbability;
    }

    public ushort[] Registers { get; set; }

    public int Answers { get; private set; }

    public int Lies { get; private set; }

    public int Damaged { get; private set; }

    public int BaudRate => _inner.BaudRate;

    public bool IsOpen => _inner.IsOpen;

    public int BytesAvailable => _inner.BytesAvailable;

    public void Open() => _inner.Open();

    public void Close() => _inner.Close();

    public void DiscardInput() => _inner.DiscardInput();

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int n = _inner.Read(buffer, offset, count, timeoutMs);
        if (n > 0 && Registers != null && _random.NextDouble() < _lieProbability)
        {
            // A request is being read: the answer the slave builds next carries a lie, CRC and all (the
            // model rewrites its registers on its next step, so the lie lasts one answer).
            int register = _random.Next(0, 0x50) & ~1;
            float value = _random.Next(3) == 0 ? (float)(_random.NextDouble() * Math.Pow(10, _random.Next(-5, 38)))
                : Extremes[_random.Next(Extremes.Length)];
            uint bits = BitConverter.SingleToUInt32Bits(value);
            Registers[register] = (ushort)(bits >> 16);
            Registers[register + 1] = (ushort)bits;
            Lies++;
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Answers++;
        byte[] frame = new byte[count];
        Array.Copy(buffer, offset, frame, 0, count);
        int kind = _random.Next(100);
        if (kind < 5)
        {
            frame[_random.Next(count)] ^= (byte)(1 << _random.Next(8));
            Damaged++;
        }
        else if (kind < 8)
        {
            frame = frame.Take(_random.Next(count)).ToArray();
            Damaged++;
        }
        else if (kind < 10)
        {
            frame = frame.Concat(Enumerable.Range(0, _random.Next(1, 8)).Select(_ => (byte)_random.Next(256))).ToArray();
            Damaged++;
        }
        else if (kind < 12)
        {
            Damaged++;
            frame = Array.Empty<byte>();
        }

        if (frame.Length > 0)
        {
            _inner.Write(frame, 0, frame.Length);
        }
    }
}
