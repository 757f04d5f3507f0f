using System.IO;
using System.Text;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>A writer the simulation thread writes and the test thread reads.</summary>
public sealed class CapturingWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }
}
