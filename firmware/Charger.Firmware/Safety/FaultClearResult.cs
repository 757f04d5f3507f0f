namespace Charger.Firmware.Safety
{
    public enum FaultClearResult
    {
        Cleared = 0,
        NotActive = 1,

        /// <summary>The cause is still there (RCD still tripped, e-stop still pressed, contact still closed).</summary>
        ConditionPresent = 2,

        /// <summary>A welded contactor needs the confirmation flag: someone must have checked it.</summary>
        ConfirmationRequired = 3,
    }
}
