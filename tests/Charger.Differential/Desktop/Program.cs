using System;
using Charger.Differential.Session;

namespace Charger.Differential
{
    /// <summary>The differential session on desktop .NET: the same transcript lines ("T|") as on nanoCLR.</summary>
    public static class Program
    {
        public static int Main()
        {
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
