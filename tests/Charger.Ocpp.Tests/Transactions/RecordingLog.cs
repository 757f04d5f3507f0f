using System.Collections.Generic;
using Charger.Hal;

namespace Charger.Ocpp.Tests.Transactions;

/// <summary>An ILog that keeps every line so tests can assert what was reported.</summary>
public sealed class RecordingLog : ILog
{
    public List<(LogLevel Level, string Component, string Message)> Lines { get; } = new();

    public void Write(LogLevel level, string component, string message) => Lines.Add((level, component, message));

    public bool Has(LogLevel level, string fragment) => Lines.Exists(l => l.Level == level && l.Message.Contains(fragment));
}
