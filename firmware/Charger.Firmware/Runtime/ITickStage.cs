namespace Charger.Firmware.Runtime
{
    /// <summary>
    /// Work that runs on every tick, in the order stages were added to <see cref="ChargerRuntime"/>:
    /// pilot sampling, then the safety supervisor, then the charging state machine, then outputs.
    /// </summary>
    public interface ITickStage
    {
        /// <summary>Short name for logs and the console ("safety", "pilot").</summary>
        string Name { get; }

        void Tick(long nowMs);
    }
}
