namespace Charger.Ota.Boot
{
    /// <summary>Names for <see cref="BootOutcome"/> (enums print as numbers on nanoFramework 1.x).</summary>
    public static class BootOutcomeText
    {
        public static string Of(BootOutcome outcome)
        {
            return outcome switch
            {
                BootOutcome.Started => "Started",
                BootOutcome.NoApplication => "NoApplication",
                BootOutcome.RolledBackRebootRequired => "RolledBackRebootRequired",
                BootOutcome.ConfirmedImageFailed => "ConfirmedImageFailed",
                _ => "?" + (int)outcome,
            };
        }
    }
}
