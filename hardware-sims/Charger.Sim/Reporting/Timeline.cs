namespace Charger.Sim.Reporting;

/// <summary>
/// Prints the readable timeline: one line per event that matters to a person watching a session
/// (OCPP frames only by action, not whole payloads; log lines at warning and above).
/// </summary>
public sealed class Timeline(TextWriter output, bool showFrames)
{
    public void Print(SimEvent e)
    {
        if (!showFrames && (e.Kind == SimEventKinds.OcppIn || e.Kind == SimEventKinds.OcppOut || e.Kind == SimEventKinds.Log || e.Kind == SimEventKinds.Meter))
        {
            return;
        }

        output.WriteLine($"{FormatTime(e.TimeMs),12}  {Label(e.Kind),-10} {e.Text}");
    }

    public static string FormatTime(long ms)
    {
        var t = TimeSpan.FromMilliseconds(ms);
        return $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}";
    }

    private static string Label(string kind) => kind switch
    {
        SimEventKinds.ContactorCommand => "contactor",
        SimEventKinds.ContactorFeedback => "aux",
        SimEventKinds.FaultCleared => "fault",
        SimEventKinds.OcppOut => "ocpp >",
        SimEventKinds.OcppIn => "ocpp <",
        _ => kind,
    };
}
