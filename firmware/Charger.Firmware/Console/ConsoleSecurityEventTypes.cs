namespace Charger.Firmware.Console
{
    /// <summary>
    /// Security event type names. The login pair is the standardized name from the OCPP security
    /// event list (OCPP 2.1 Appendix 1, OCPP 1.6 Security Whitepaper section 8); the 2.0.1 list is
    /// non-exhaustive, so the others are vendor events named in the same style.
    /// </summary>
    public static class ConsoleSecurityEventTypes
    {
        public const string MaintenanceLoginAccepted = "MaintenanceLoginAccepted";

        public const string MaintenanceLoginFailed = "MaintenanceLoginFailed";

        /// <summary>Vendor event: too many wrong passwords, console login locked for a while.</summary>
        public const string MaintenanceLoginLockedOut = "MaintenanceLoginLockedOut";

        /// <summary>Vendor event: a privileged console command ran (config set, fault clear, reboot...).</summary>
        public const string MaintenanceCommand = "MaintenanceCommand";

        /// <summary>OCPP techInfo is string[0..255].</summary>
        public const int MaxTechInfoChars = 255;
    }
}
