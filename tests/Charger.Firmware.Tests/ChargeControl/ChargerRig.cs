using System;
using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// The charge-control core on the simulated HAL with a 10 ms runtime: pilot model with an EV,
/// proximity, RCD, e-stop, contactor with auxiliary contact, two NTCs, meter reports.
/// </summary>
internal sealed class ChargerRig
{
    public const int TickMs = 10;
    public const int ThermistorSeriesOhms = 10000;

    private readonly BetaNtcModel _ntc = new();

    public ChargerRig(Action<ChargeControlConfig> configure = null, int thermistors = 2, bool tethered = false,
        Func<SimAdcChannel, Charger.Hal.IAdcChannel> wrapPilotAdc = null, Charger.Hal.IFileStore store = null, bool withLock = false)
    {
        Clock = new VirtualClock(1000);
        Log = new RecordingLog();
        PilotAdc = new SimAdcChannel(4095);
        Pwm = new SimPwmOutput(1000);
        Ev = new SimPilotSignal(PilotAdc, Pwm);
        ProximityAdc = new SimAdcChannel(4095);
        Cable = new SimProximity(ProximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
        Cable.Plug(SimProximity.Cable32AOhms);
        Rcd = new SimDigitalInput(false);
        EmergencyStop = new SimDigitalInput(false);
        Coil = new SimDigitalOutput();
        Aux = new SimDigitalInput(false);
        ContactorModel = new ContactorModel(Coil, Aux, 20);
        Thermistors = new SimAdcChannel[thermistors];
        for (int i = 0; i < thermistors; i++)
        {
            Thermistors[i] = new SimAdcChannel(4095);
        }

        var hardware = new ChargerHardware
        {
            PilotAdc = wrapPilotAdc != null ? wrapPilotAdc(PilotAdc) : PilotAdc,
            PilotPwm = Pwm,
            ProximityAdc = tethered ? null : ProximityAdc,
            RcdTrip = Rcd,
            EmergencyStop = EmergencyStop,
            ContactorCoil = Coil,
            ContactorFeedback = Aux,
            Thermistors = Thermistors,
            LatchStorage = store,
        };
        if (withLock)
        {
            LockActuator = new SimDigitalOutput();
            LockFeedback = new SimDigitalInput(false);
            hardware.LockActuator = LockActuator;
            hardware.LockFeedback = LockFeedback;
        }

        Config = new ChargeControlConfig();
        if (tethered)
        {
            Config.TetheredCableRatingDa = 160;
        }

        configure?.Invoke(Config);
        Controller = new ChargeController(hardware, Config, Log);
        Events = new RecordingEvents();
        Controller.AddEventSink(Events);
        Runtime = new ChargerRuntime(Log, new SimWatchdog(Clock), TickMs, 16, 8);
        Controller.Register(Runtime);
        for (int i = 0; i < thermistors; i++)
        {
            SetTemperature(i, 25.0);
        }
    }

    public VirtualClock Clock { get; }
    public RecordingLog Log { get; }
    public SimAdcChannel PilotAdc { get; }
    public SimPwmOutput Pwm { get; }
    public SimPilotSignal Ev { get; }
    public SimAdcChannel ProximityAdc { get; }
    public SimProximity Cable { get; }
    public SimDigitalInput Rcd { get; }
    public SimDigitalInput EmergencyStop { get; }
    public SimDigitalOutput Coil { get; }
    public SimDigitalInput Aux { get; }
    public ContactorModel ContactorModel { get; }
    public SimAdcChannel[] Thermistors { get; }
    public SimDigitalOutput LockActuator { get; }
    public SimDigitalInput LockFeedback { get; }

    /// <summary>With a lock: its pin follows the actuator after this travel time unless jammed.</summary>
    public int LockTravelMs { get; set; } = 200;
    public bool LockJammed { get; set; }
    private bool _lastLockCommand;
    private long _lockCommandMs;
    public ChargeControlConfig Config { get; }
    public ChargeController Controller { get; }
    public RecordingEvents Events { get; }
    public ChargerRuntime Runtime { get; }

    public long NowMs => Clock.NowMs;

    /// <summary>Phase current the simulated EV draws; reported to the core like a meter poll every tick when set.</summary>
    public double? EvCurrentA { get; set; }

    public void Tick()
    {
        Clock.Advance(TickMs);
        ContactorModel.Step(Clock.NowMs);
        if (LockActuator != null)
        {
            if (LockActuator.State != _lastLockCommand)
            {
                _lastLockCommand = LockActuator.State;
                _lockCommandMs = Clock.NowMs;
            }

            if (!LockJammed && Clock.NowMs - _lockCommandMs >= LockTravelMs)
            {
                LockFeedback.Level = _lastLockCommand;
            }
        }

        if (EvCurrentA is double amps)
        {
            double drawn = ContactorModel.Closed ? amps : 0.0;
            Controller.ReportMeter(Clock.NowMs, true, drawn, drawn, drawn);
        }

        Runtime.Tick(Clock.NowMs);
    }

    public void RunMs(int ms)
    {
        for (int i = 0; i < ms / TickMs; i++)
        {
            Tick();
        }
    }

    /// <summary>Ticks until the condition holds; returns the ticks taken, or -1 after <paramref name="maxTicks"/>.</summary>
    public int TicksUntil(Func<bool> condition, int maxTicks)
    {
        for (int i = 1; i <= maxTicks; i++)
        {
            Tick();
            if (condition())
            {
                return i;
            }
        }

        return -1;
    }

    public void SetTemperature(int sensor, double temperatureC)
    {
        double ohms = _ntc.ResistanceOhmsAt(temperatureC);
        Thermistors[sensor].Value = (int)Math.Round(4095.0 * ohms / (ohms + ThermistorSeriesOhms));
    }

    /// <summary>Plug in an EV in B, authorize, let it request charge (C) and wait for the contactor.</summary>
    public void StartCharging()
    {
        Ev.EvState = EvPilotState.B;
        RunMs(50);
        Controller.SetAuthorized(true);
        RunMs(50);
        Ev.EvState = EvPilotState.C;
        RunMs(100);
    }
}
