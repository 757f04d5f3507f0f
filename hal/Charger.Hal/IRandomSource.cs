namespace Charger.Hal
{
    /// <summary>
    /// Randomness for back-off jitter and identifiers. Seeded in the simulator so that a failing
    /// run replays exactly.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>A value from 0 to <paramref name="maxExclusive"/> - 1.</summary>
        int Next(int maxExclusive);

        void NextBytes(byte[] buffer);
    }
}
