namespace Charger.Differential.Session
{
    /// <summary>Measures nothing: the desktop run, and the heap breakdown's throw-away sessions.</summary>
    public sealed class NullProbe : ISessionProbe
    {
        public void Mark(string part)
        {
        }

        public long NowTicks()
        {
            return 0;
        }

        public void TickTook(long nowMs, long elapsedTicks, string phase)
        {
        }
    }
}
