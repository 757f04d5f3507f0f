namespace Charger.Sim.Realtime;

/// <summary>
/// --realtime / --console: the simulated station run against the wall clock (a technician types on
/// the console, an external CSMS answers in real time). Being built; see issue 7 and issue 8.
/// </summary>
public static class RealtimeMode
{
    public static int Run(SimCommandLine options, TextWriter output)
    {
        Console.Error.WriteLine("error: --realtime, --csms and --console are not available in this build yet");
        return 2;
    }
}
