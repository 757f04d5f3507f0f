using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>Milliseconds since boot from Environment.TickCount64 (nanoFramework.Runtime.Native): monotonic, never the wall clock.</summary>
    public sealed class NanoClock : IClock
    {
        public long NowMs
        {
            get { return System.Environment.TickCount64; }
        }
    }
}
