using System.Collections.Generic;
using Charger.Hal;

namespace Charger.Ocpp.Tests.Support;

/// <summary>Keeps every log line so tests can assert that an event was reported.</summary>
public sealed class ListLog : ILog
{
    public List<string> Lines { get; } = new();

    public void Write(LogLevel level, string component, string message) => Lines.Add($"{level} {component}: {message}");

    public bool Contains(string fragment) => Lines.Exists(l => l.Contains(fragment));
}
