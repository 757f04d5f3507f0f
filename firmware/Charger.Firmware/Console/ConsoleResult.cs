namespace Charger.Firmware.Console
{
    /// <summary>
    /// The outcome of an action the console asked for: done or refused, with a reason a field
    /// technician can act on ("vehicle connected: unplug before testing the contactor").
    /// </summary>
    public sealed class ConsoleResult
    {
        private readonly bool _succeeded;
        private readonly string _message;

        public ConsoleResult(bool succeeded, string message)
        {
            _succeeded = succeeded;
            _message = message == null ? "" : message;
        }

        public bool Succeeded
        {
            get { return _succeeded; }
        }

        public string Message
        {
            get { return _message; }
        }

        public static ConsoleResult Done(string message)
        {
            return new ConsoleResult(true, message);
        }

        public static ConsoleResult Refused(string reason)
        {
            return new ConsoleResult(false, reason);
        }
    }
}
