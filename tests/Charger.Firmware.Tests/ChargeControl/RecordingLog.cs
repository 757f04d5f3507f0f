using System.Collections.Generic;
using Charger.Hal;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>An ILog that keeps every line for assertions.</summary>
internal sealed class RecordingLog : ILog
{
    public List<string> Lines { get; } = new();

    public void Write(LogLevel level, string component, string message) =>
        Lines.Add(level + " " + component + ": " + message);

    public bool Contains(string fragment) => Lines.Exists(l => l.Contains(fragment));
}
