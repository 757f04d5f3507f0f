using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>Back-off jitter and identifiers from System.Random, seeded from the tick count at boot.</summary>
    public sealed class NanoRandom : IRandomSource
    {
        private readonly System.Random _random;

        public NanoRandom()
        {
            _random = new System.Random((int)(System.Environment.TickCount64 & 0x7FFFFFFF));
        }

        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                throw new System.ArgumentOutOfRangeException("maxExclusive", "must be positive");
            }

            return _random.Next(maxExclusive);
        }

        public void NextBytes(byte[] buffer)
        {
            _random.NextBytes(buffer);
        }
    }
}
