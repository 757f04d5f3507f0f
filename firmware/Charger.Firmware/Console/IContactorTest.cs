namespace Charger.Firmware.Console
{
    /// <summary>
    /// The contactor self-test (close, check feedback, open, check feedback). It runs from the
    /// control loop over many ticks; the console starts it and reports the result when done.
    /// </summary>
    public interface IContactorTest
    {
        /// <summary>Starts the test, or refuses with the reason (vehicle connected, fault active...).</summary>
        ConsoleResult Start(long nowMs);

        bool IsRunning { get; }

        /// <summary>The outcome of the last finished test, or null when none has run.</summary>
        ConsoleResult LastResult { get; }
    }
}
