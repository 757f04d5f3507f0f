namespace Charger.Hal
{
    /// <summary>
    /// Monotonic time since boot in milliseconds. Never jumps backwards and never follows the wall
    /// clock: on the board it is Environment.TickCount64, in the simulator a virtual clock.
    /// </summary>
    public interface IClock
    {
        long NowMs { get; }
    }
}
