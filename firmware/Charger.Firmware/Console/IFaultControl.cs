namespace Charger.Firmware.Console
{
    /// <summary>Fault list and manual clearing for <c>faults</c> and <c>fault clear</c>.</summary>
    public interface IFaultControl
    {
        /// <summary>
        /// Copies active faults first, then recently cleared ones, newest first, up to
        /// <c>destination.Length</c>; returns how many.
        /// </summary>
        int ReadFaults(FaultRecord[] destination);

        /// <summary>
        /// Clears an active latched fault. <paramref name="confirmed"/> is true only after the
        /// technician confirmed; an implementation must refuse a fault marked
        /// <see cref="FaultRecord.ConfirmBeforeClear"/> when it is false (defence in depth), and
        /// must refuse any fault whose cause is still present, saying so.
        /// </summary>
        ConsoleResult Clear(string code, bool confirmed);
    }
}
