using BenchmarkDotNet.Attributes;
using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Benchmarks.ChargeControl;

/// <summary>
/// One 10 ms tick of the charge-control core (48-sample pilot burst, proximity, safety with two
/// NTCs and contactor feedback, state machine, outputs) in the steady states A, B2 and C2.
/// Reports time and bytes allocated per tick; the steady state allocates 0 bytes
/// (tests/Charger.Firmware.Tests TickAllocationTests asserts the same without timings).
/// Run: dotnet run -c Release --project tests/Charger.Benchmarks -- --filter '*ChargeControlTick*'
/// </summary>
[MemoryDiagnoser]
public class ChargeControlTickBenchmarks
{
    private VirtualClock _clock;
    private ChargerRuntime _runtime;
    private ChargeController _controller;

    [Params("A", "B2", "C2")]
    public string State { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clock = new VirtualClock(0);
        var log = new LogRing(_clock, 256);
        var pilotAdc = new SimAdcChannel(4095);
        var pwm = new SimPwmOutput(1000);
        var ev = new SimPilotSignal(pilotAdc, pwm);
        var ppAdc = new SimAdcChannel(4095);
        new SimProximity(ppAdc, ChargeControlConfig.DefaultProximityPullUpOhms).Plug(SimProximity.Cable32AOhms);
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        // The auxiliary contact follows the coil at once.
        coil.Written += high => aux.Level = high;
        var hardware = new ChargerHardware
        {
            PilotAdc = pilotAdc,
            PilotPwm = pwm,
            ProximityAdc = ppAdc,
            RcdTrip = new SimDigitalInput(false),
            EmergencyStop = new SimDigitalInput(false),
            ContactorCoil = coil,
            ContactorFeedback = aux,
            Thermistors = new[] { new SimAdcChannel(4095) { Value = 2048 }, new SimAdcChannel(4095) { Value = 2048 } },
        };
        _controller = new ChargeController(hardware, new ChargeControlConfig(), log);
        _runtime = new ChargerRuntime(log, new SimWatchdog(_clock));
        _controller.Register(_runtime);

        ev.EvState = State == "A" ? EvPilotState.A : EvPilotState.B;
        if (State != "A")
        {
            _controller.SetAuthorized(true);
        }

        Run(20);
        if (State == "C2")
        {
            ev.EvState = EvPilotState.C;
            Run(20);
        }

        IecState expected = State == "A" ? IecState.A : State == "B2" ? IecState.B2 : IecState.C2;
        if (_controller.State != expected)
        {
            throw new System.InvalidOperationException("benchmark setup reached " + _controller.State + " instead of " + expected);
        }
    }

    [Benchmark]
    public void Tick()
    {
        _clock.Advance(ChargerRuntime.DefaultTickPeriodMs);
        _runtime.Tick(_clock.NowMs);
    }

    private void Run(int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            Tick();
        }
    }
}
