using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>A digital input whose level the test or a model sets.</summary>
    public sealed class SimDigitalInput : IDigitalInput
    {
        public SimDigitalInput(bool initial)
        {
            Level = initial;
        }

        public bool Level { get; set; }

        public bool Read()
        {
            return Level;
        }
    }
}
