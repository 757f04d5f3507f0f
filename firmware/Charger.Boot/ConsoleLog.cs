using Charger.Hal;

namespace Charger.Boot
{
    /// <summary>The boot's log goes to the console: Debug.WriteLine is compiled out of release builds.</summary>
    public sealed class ConsoleLog : ILog
    {
        public void Write(LogLevel level, string component, string message)
        {
            System.Console.WriteLine(component + ": " + message);
        }
    }
}
