using System;
using Charger.Differential.Session;

namespace Charger.Differential
{
    /// <summary>The differential session on desktop .NET: the same transcript lines ("T|") as on nanoCLR.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--heap-map")
            {
                var quiet = new DifferentialSession(new NullTranscript(), new NullProbe(), 96 * 1024);
                quiet.Boot();
                var st = quiet.Station;
                HeapMap.Print(st, new (string, object)[]
                {
                    ("world (simulated HAL)", st.Hardware), ("settings", st.Settings), ("log", st.Log), ("ocpp", st.Ocpp),
                    ("ocpp bridge", st.OcppBridge), ("ocpp trace", st.OcppTrace), ("meter", st.Meter), ("console", st.Console),
                    ("faults", st.Faults), ("status", st.Status), ("charge control", st.Controller), ("runtime", st.Runtime),
                }, args.Length > 1 ? int.Parse(args[1]) : 3);
                return 0;
            }

            if (args.Length > 0 && args[0] == "--store")
            {
                // What the session leaves on the simulated flash (the nanoCLR run keeps it in its heap).
                var run = new DifferentialSession(new NullTranscript(), new NullProbe(), 96 * 1024);
                run.Run();
                foreach (string name in run.Store.List(""))
                {
                    Console.WriteLine($"{run.Store.Read(name).Length,8} {name}");
                }

                return 0;
            }

            var session = new DifferentialSession(new StdoutTranscript(), new NullProbe(), 96 * 1024);
            session.Run();
            Console.Out.Flush();
            return 0;
        }

        private sealed class StdoutTranscript : ITranscript
        {
            public void Line(string text) => Console.Out.Write("T|" + text + "\n");
        }
    }
}
