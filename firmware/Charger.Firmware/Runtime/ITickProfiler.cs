namespace Charger.Firmware.Runtime
{
    /// <summary>
    /// Times each stage and each periodic duty of <see cref="ChargerRuntime.Tick"/> (issue 11: mean and
    /// worst per stage and per duty, measured on nanoCLR). Null in production: the runtime then reads
    /// no clock at all.
    /// </summary>
    public interface ITickProfiler
    {
        /// <summary>A high-resolution timestamp in 100 ns units (DateTime ticks on the device).</summary>
        long NowTicks();

        /// <summary>Stage or duty <paramref name="name"/> took <paramref name="elapsedTicks"/> in the tick at <paramref name="nowMs"/>.</summary>
        void Record(string name, bool isDuty, long elapsedTicks, long nowMs);
    }
}
