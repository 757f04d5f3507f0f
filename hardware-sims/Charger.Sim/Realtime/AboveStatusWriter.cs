using System.Text;

namespace Charger.Sim.Realtime;

/// <summary>The writer the timeline prints through during a real-time run: it wipes the live status line before each write.</summary>
internal sealed class AboveStatusWriter(LiveDisplay display, TextWriter output) : TextWriter
{
    public override Encoding Encoding => output.Encoding;

    public override void Write(char value)
    {
        display.Wipe();
        output.Write(value);
    }

    public override void Write(string value)
    {
        display.Wipe();
        output.Write(value);
    }

    public override void WriteLine(string value)
    {
        display.Wipe();
        output.WriteLine(value);
        output.Flush();
    }
}
