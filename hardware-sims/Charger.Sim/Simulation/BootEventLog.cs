using Charger.Firmware.Diagnostics;
using Charger.Hal;
using Charger.Sim.Reporting;

namespace Charger.Sim.Simulation;

/// <summary>The simulated boot assembly's log lines, into the simulator's timeline (the board prints them on its console).</summary>
public sealed class BootEventLog : ILog
{
    private readonly EventLog _events;
    private readonly Func<long> _nowMs;

    public BootEventLog(EventLog events, Func<long> nowMs)
    {
        _events = events;
        _nowMs = nowMs;
    }

    public void Write(LogLevel level, string component, string message) =>
        _events.Add(_nowMs(), SimEventKinds.Log, $"{LogFormat.LevelName(level).Trim()} {component}: {message}",
            ("level", level.ToString()), ("component", component));
}
