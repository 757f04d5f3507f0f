namespace Charger.Firmware.Console
{
    /// <summary>An action that waits for the technician's "yes".</summary>
    public enum ConfirmAction
    {
        None,

        /// <summary>Clear a fault marked ConfirmBeforeClear (welded contactor).</summary>
        ClearFault,

        FactoryReset,
    }
}
