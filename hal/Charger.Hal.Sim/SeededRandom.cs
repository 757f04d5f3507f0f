using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// xorshift64* with a fixed seed: the same seed gives the same sequence on every runtime,
    /// which System.Random does not promise across .NET and nanoFramework.
    /// </summary>
    public sealed class SeededRandom : IRandomSource
    {
        private ulong _state;

        public SeededRandom(ulong seed)
        {
            // Zero is the one state xorshift never leaves.
            _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        public ulong NextULong()
        {
            ulong x = _state;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _state = x;
            return x * 0x2545F4914F6CDD1DUL;
        }

        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                throw new System.ArgumentOutOfRangeException("maxExclusive", "must be positive");
            }

            return (int)((NextULong() >> 33) % (ulong)maxExclusive);
        }

        /// <summary>A value from <paramref name="minInclusive"/> to <paramref name="maxExclusive"/> - 1.</summary>
        public int Next(int minInclusive, int maxExclusive)
        {
            return minInclusive + Next(maxExclusive - minInclusive);
        }

        /// <summary>True with the given probability in per mille.</summary>
        public bool Chance(int perMille)
        {
            return Next(1000) < perMille;
        }

        public void NextBytes(byte[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)(NextULong() >> 56);
            }
        }
    }
}
