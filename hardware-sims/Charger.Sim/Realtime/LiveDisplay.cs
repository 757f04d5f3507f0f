using System.Text;

namespace Charger.Sim.Realtime;

/// <summary>
/// The status line of a real-time run. On a terminal it is redrawn in place (carriage return, no
/// newline) a few times a second, and anything else printed (the timeline) goes through
/// <see cref="Writer"/>, which wipes the status line first so the two never mix on one row. When the
/// output is a file or pipe it prints the status as an ordinary line at a slower period instead,
/// so a log is not flooded with redraws.
/// </summary>
public sealed class LiveDisplay
{
    /// <summary>Redraws per second on a terminal: a few, so figures are readable as they change.</summary>
    public const int InPlacePeriodMs = 250;

    /// <summary>How often a status line is appended when the output is not a terminal.</summary>
    public const int LoggedPeriodMs = 5000;

    private readonly TextWriter _output;
    private readonly bool _inPlace;
    private readonly int _periodMs;
    private readonly int _widthChars;
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();
    private long _nextDrawMs;
    private int _shownChars;

    /// <param name="widthChars">
    /// The terminal's width: an in-place line is cut to one less, since a line that wraps can no
    /// longer be redrawn with a carriage return.
    /// </param>
    public LiveDisplay(TextWriter output, bool inPlace, int widthChars = int.MaxValue)
    {
        _output = output;
        _inPlace = inPlace;
        _widthChars = Math.Max(widthChars, 2);
        _periodMs = inPlace ? InPlacePeriodMs : LoggedPeriodMs;
        Writer = new AboveStatusWriter(this, output);
    }

    /// <summary>Prints lines above the status line (the timeline writes here).</summary>
    public TextWriter Writer { get; }

    /// <summary>Draws <paramref name="status"/> when its period has passed; the text is only built then.</summary>
    public void Refresh(Func<string> status)
    {
        long now = _wall.ElapsedMilliseconds;
        if (now < _nextDrawMs)
        {
            return;
        }

        _nextDrawMs = now + _periodMs;
        Draw(status());
    }

    /// <summary>Draws now, whatever the period (the last status before the summary).</summary>
    public void Draw(string text)
    {
        if (!_inPlace)
        {
            _output.WriteLine("status  " + text);
            _output.Flush();
            return;
        }

        if (text.Length > _widthChars - 1)
        {
            text = text.Substring(0, _widthChars - 1);
        }

        // Pad over the previous line's tail when the new one is shorter.
        string padding = text.Length < _shownChars ? new string(' ', _shownChars - text.Length) : "";
        _output.Write("\r" + text + padding);
        _output.Flush();
        _shownChars = text.Length;
    }

    /// <summary>Ends the status row so what follows starts on a fresh line.</summary>
    public void Finish()
    {
        if (_inPlace && _shownChars > 0)
        {
            _output.WriteLine();
            _shownChars = 0;
        }
    }

    /// <summary>Clears the status row so a printed line starts at column 0 (AboveStatusWriter calls it).</summary>
    internal void Wipe()
    {
        if (_inPlace && _shownChars > 0)
        {
            _output.Write("\r" + new string(' ', _shownChars) + "\r");
            _shownChars = 0;
            _nextDrawMs = 0;   // redraw right after the printed line
        }
    }
}
