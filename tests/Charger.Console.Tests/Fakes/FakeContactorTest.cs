using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    public sealed class FakeContactorTest : IContactorTest
    {
        public string RefuseWith { get; set; }

        public int Starts { get; private set; }

        public bool IsRunning { get; private set; }

        public ConsoleResult LastResult { get; private set; }

        public ConsoleResult Start(long nowMs)
        {
            if (RefuseWith != null)
            {
                return ConsoleResult.Refused(RefuseWith);
            }

            Starts++;
            IsRunning = true;
            return ConsoleResult.Done("");
        }

        public void Finish(bool passed, string message)
        {
            IsRunning = false;
            LastResult = new ConsoleResult(passed, message);
        }
    }
}
