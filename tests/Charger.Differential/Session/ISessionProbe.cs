namespace Charger.Differential.Session
{
    /// <summary>
    /// Measurements that differ by runtime and so stay out of the transcript: live heap after each
    /// part is built (nanoCLR's GC on the device) and the wall time of each tick. The desktop run passes
    /// a probe that measures nothing.
    /// </summary>
    public interface ISessionProbe
    {
        /// <summary>Called after <paramref name="part"/> was built (and at named points of the session).</summary>
        void Mark(string part);

        /// <summary>Wall-clock ticks (100 ns) now, for tick timing; 0 when not measured.</summary>
        long NowTicks();

        /// <summary>One station tick took <paramref name="elapsedTicks"/> at virtual time <paramref name="nowMs"/>.</summary>
        void TickTook(long nowMs, long elapsedTicks, string phase);
    }
}
