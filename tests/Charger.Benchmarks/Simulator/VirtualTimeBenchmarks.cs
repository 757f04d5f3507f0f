using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Benchmarks.Simulator;

/// <summary>
/// Issue 7's figures: how many hours of charging the simulator runs per wall-clock second for one
/// station (1 h of charging / mean time of <see cref="OneHourOfCharging"/>), and the wall time of a
/// 24-hour soak with a session every 30 minutes. Each run is the whole station: pilot sampling,
/// safety, state machine, Modbus meter polls, OCPP against the built-in CSMS.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class VirtualTimeBenchmarks
{
    private Scenario _oneHour;
    private Scenario _soak;

    [GlobalSetup]
    public void Setup()
    {
        _oneHour = ScenarioParser.Parse("one-hour", """
            0s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +1h  swipe RFID-0001
            """);

        // 48 sessions: plug, 20 minutes of charging, unplug, 10 minutes idle.
        var soak = new StringBuilder();
        for (int session = 0; session < 48; session++)
        {
            soak.AppendLine($"{session * 30}m plug 32A");
            soak.AppendLine("+1s ev charge");
            soak.AppendLine("+1s swipe RFID-0001");
            soak.AppendLine("+20m swipe RFID-0001");
            soak.AppendLine("+5s unplug");
        }

        soak.AppendLine("24h wait");
        _soak = ScenarioParser.Parse("soak-24h", soak.ToString());
    }

    [Benchmark]
    public double OneHourOfCharging() => Run(_oneHour, evCapacityWh: 200_000);

    [Benchmark]
    public double Soak24HoursSessionEvery30Minutes() => Run(_soak, evCapacityWh: 2_000_000);

    private static double Run(Scenario scenario, double evCapacityWh)
    {
        var sim = new SimulatedStation(new SimOptions { EvCapacityWh = evCapacityWh, EvStateOfChargePercent = 10, ChartSampleMs = 60_000 }, new EventLog());
        new ScenarioRunner(sim).Run(scenario);
        return sim.MeteredEnergyWh;
    }
}
