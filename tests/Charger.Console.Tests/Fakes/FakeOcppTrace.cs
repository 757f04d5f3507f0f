using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    public sealed class FakeOcppTrace : IOcppTrace
    {
        public bool Enabled { get; private set; }

        public int Changes { get; private set; }

        public void SetEnabled(bool enabled)
        {
            Enabled = enabled;
            Changes++;
        }
    }
}
