using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    public sealed class FakeFactoryReset : IFactoryReset
    {
        public int Erases { get; private set; }

        public string FailWith { get; set; }

        public ConsoleResult Erase()
        {
            if (FailWith != null)
            {
                return ConsoleResult.Refused(FailWith);
            }

            Erases++;
            return ConsoleResult.Done("configuration erased");
        }
    }
}
