namespace Charger.Ota.Boot
{
    /// <summary>How a boot ended.</summary>
    public enum BootOutcome
    {
        /// <summary>The application started and its Start returned.</summary>
        Started = 0,

        /// <summary>No slot holds a bootable image (a new station, or every image failed).</summary>
        NoApplication = 1,

        /// <summary>A trial image failed after its assemblies were loaded and was rolled back: reboot to run the confirmed image from a clean RAM.</summary>
        RolledBackRebootRequired = 2,

        /// <summary>The confirmed image failed its checks or its start; it is kept (nothing better exists) and the board should reboot and retry.</summary>
        ConfirmedImageFailed = 3,
    }
}
