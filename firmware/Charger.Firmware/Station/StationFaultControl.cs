using Charger.Firmware.Console;
using Charger.Firmware.Control;
using Charger.Firmware.Safety;

namespace Charger.Firmware.Station
{
    /// <summary>The console's view of faults: the history, and a manual reset through the supervisor's rules.</summary>
    public sealed class StationFaultControl : IFaultControl
    {
        private const int HighestFaultCode = (int)FaultCode.LockFailure;

        private readonly FaultHistory _history;
        private readonly ChargeController _controller;

        public StationFaultControl(FaultHistory history, ChargeController controller)
        {
            _history = history;
            _controller = controller;
        }

        public int ReadFaults(FaultRecord[] destination)
        {
            return _history.Read(destination);
        }

        public ConsoleResult Clear(string code, bool confirmed)
        {
            FaultCode parsed;
            if (!TryParse(code, out parsed))
            {
                return ConsoleResult.Refused("unknown fault code '" + code + "'; expected one of " + Names());
            }

            switch (_controller.ClearFault(parsed, confirmed))
            {
                case FaultClearResult.Cleared:
                    return ConsoleResult.Done(FaultCodeText.Of(parsed) + " cleared");
                case FaultClearResult.NotActive:
                    return ConsoleResult.Refused(FaultCodeText.Of(parsed) + " is not active");
                case FaultClearResult.ConditionPresent:
                    return ConsoleResult.Refused(FaultCodeText.Of(parsed) + " cannot be cleared: its cause is still present");
                default:
                    return ConsoleResult.Refused(FaultCodeText.Of(parsed) + " needs confirmation: inspect the contactor before clearing");
            }
        }

        // Enum.Parse is not in nanoFramework's mscorlib, and a name comparison through ToString could
        // never match there (it gives the number): the names come from FaultCodeText's table.
        public static bool TryParse(string text, out FaultCode code)
        {
            if (FaultCodeText.TryParse(text, out code))
            {
                return true;
            }

            code = FaultCode.InternalFailure;
            return false;
        }

        private static string Names()
        {
            string names = "";
            for (int i = 0; i <= HighestFaultCode; i++)
            {
                names += (i == 0 ? "" : ", ") + FaultCodeText.Of((FaultCode)i);
            }

            return names;
        }
    }
}
