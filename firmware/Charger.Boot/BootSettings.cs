namespace Charger.Boot
{
    /// <summary>
    /// What this boot assembly is and where it keeps the slots. Charger.Boot.nfproj defines
    /// BOARD_ESP32 (default) or BOARD_STM32 from its NfBoard property, like the board image.
    /// The layout (bootloader-config/) gives each slot room for a 250 KB bundle plus margin.
    /// </summary>
    public static class BootSettings
    {
        /// <summary>Raised when the contract (Charger.Ota's boot types) changes; bundles name the lowest they need in min-boot.</summary>
        public const int BootVersion = 1;

        /// <summary>Bytes one slot may hold: a 250 KB bundle with room to grow (bootloader-config/README.md).</summary>
        public const long SlotCapacityBytes = 320 * 1024;

        /// <summary>How long a failing confirmed image waits before the next reboot, so a boot loop does not wear the flash.</summary>
        public const int RetryDelayMs = 10000;

        /// <summary>Trial boots before an unconfirmed image is rolled back.</summary>
        public const int TrialAttempts = 3;

        /// <summary>The slot records, on the same drive as the application's records (I:\\charger) but apart from them.</summary>
        public const string SlotFolder = "I:\\ota";

#if BOARD_STM32
        public const string Board = "STM32";
#else
        public const string Board = "ESP32";
#endif
    }
}
