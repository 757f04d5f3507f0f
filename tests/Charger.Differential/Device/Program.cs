using System;
using Charger.Differential.Session;

namespace Charger.Differential
{
    /// <summary>
    /// The differential session on nanoCLR. Transcript lines start with "T|"; measurements (live heap by
    /// component, tick times) start with "M|" and are not compared with the desktop run.
    /// </summary>
    public static class Program
    {
        /// <summary>Bytes the simulated file store may hold (it lives in RAM here, in flash on a board).</summary>
        public const int StoreCapacityBytes = 96 * 1024;

        public static void Main()
        {
            ConsoleTranscript transcript = new ConsoleTranscript();
            uint start = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("M|heap free at start " + start.ToString() + " bytes (the rest of the heap holds the runtime's own data)");
            NanoProbe probe = new NanoProbe();
            DifferentialSession session = new DifferentialSession(transcript, probe, StoreCapacityBytes);
            session.Profiler = probe;
            try
            {
                session.Run();
            }
            catch (Exception e)
            {
                // Printed for the comparison to fail on; the desktop run has no such line.
                Console.WriteLine("T|session stopped by " + e.GetType().FullName + ": " + e.Message);
                Console.WriteLine("M|" + e.StackTrace);
                return;
            }

            probe.Report(session.Store.UsedBytes);
            Console.WriteLine("M|session complete");
            session = null;
            try
            {
                HeapBreakdown();
            }
            catch (OutOfMemoryException)
            {
                Console.WriteLine("M|heap breakdown skipped: the heap is too small to build the parts again beside the session's garbage");
            }
        }

        /// <summary>Live heap of each part of the station: built one part more at a time, measured after a GC.</summary>
        private static void HeapBreakdown()
        {
            Measure("charge control", false, false, false);
            Measure("charge control + meter", true, false, false);
            Measure("charge control + meter + OCPP", true, true, false);
            Measure("whole station (+ console)", true, true, true);
        }

        private static void Measure(string what, bool meter, bool ocpp, bool console)
        {
            NullProbe none = new NullProbe();
            uint before = nanoFramework.Runtime.Native.GC.Run(false);
            DifferentialSession session = new DifferentialSession(new NullTranscript(), none, StoreCapacityBytes);
            uint world = nanoFramework.Runtime.Native.GC.Run(false);
            session.Boot(meter, ocpp, console);
            uint after = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("M|heap " + what + ": " + (world - after).ToString() + " bytes live after boot (simulated world "
                + (before - world).ToString() + " bytes, store " + session.Store.UsedBytes.ToString() + " bytes)");
            session = null;
        }
    }
}
