using System.Text.Json;

namespace Charger.Sim.Reporting;

/// <summary>
/// Collects <see cref="SimEvent"/>s, optionally streaming them as JSON lines
/// (<c>{"tMs":1200,"kind":"pilot","text":"B -> C","from":"B","to":"C"}</c>) to a file, and tells
/// listeners (the timeline printer) about each one.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly List<SimEvent> _events = new();
    private readonly TextWriter _jsonLines;

    public EventLog(TextWriter jsonLines = null)
    {
        _jsonLines = jsonLines;
    }

    public event Action<SimEvent> Added;

    public IReadOnlyList<SimEvent> Events => _events;

    public int Count(string kind) => _events.Count(e => e.Kind == kind);

    public void Add(long timeMs, string kind, string text, params (string Key, object Value)[] fields)
    {
        var dict = new Dictionary<string, object>();
        foreach (var (key, value) in fields)
        {
            dict[key] = value;
        }

        var e = new SimEvent(timeMs, kind, text, dict);
        _events.Add(e);
        if (_jsonLines != null)
        {
            _jsonLines.WriteLine(ToJsonLine(e));
        }

        Added?.Invoke(e);
    }

    public static string ToJsonLine(SimEvent e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("tMs", e.TimeMs);
            w.WriteString("kind", e.Kind);
            w.WriteString("text", e.Text);
            foreach (var (key, value) in e.Fields)
            {
                w.WritePropertyName(key);
                switch (value)
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case bool b:
                        w.WriteBooleanValue(b);
                        break;
                    case int i:
                        w.WriteNumberValue(i);
                        break;
                    case long l:
                        w.WriteNumberValue(l);
                        break;
                    case double d:
                        w.WriteNumberValue(Math.Round(d, 3));
                        break;
                    default:
                        w.WriteStringValue(value.ToString());
                        break;
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Dispose() => _jsonLines?.Dispose();
}
