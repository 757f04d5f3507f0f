namespace Charger.Ocpp.Security
{
    /// <summary>
    /// The security event types of OCPP 2.0.1 part 2 appendix "Security events" (with the two
    /// maintenance-login events OCPP 2.1 added), each with the appendix's critical flag: a critical
    /// event is pushed to the CSMS as SecurityEventNotification (A04.FR.02), every event is kept in
    /// the security log (A04.FR.01). The list is not exhaustive in the specification; a type not in
    /// it is a vendor event and its caller says whether it is critical.
    /// </summary>
    public static class SecurityEventTypes
    {
        public const string FirmwareUpdated = "FirmwareUpdated";
        public const string FailedToAuthenticateAtCsms = "FailedToAuthenticateAtCsms";
        public const string CsmsFailedToAuthenticate = "CsmsFailedToAuthenticate";
        public const string SettingSystemTime = "SettingSystemTime";
        public const string StartupOfTheDevice = "StartupOfTheDevice";
        public const string ResetOrReboot = "ResetOrReboot";
        public const string SecurityLogWasCleared = "SecurityLogWasCleared";
        public const string ReconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters";
        public const string MemoryExhaustion = "MemoryExhaustion";
        public const string InvalidMessages = "InvalidMessages";
        public const string AttemptedReplayAttacks = "AttemptedReplayAttacks";
        public const string TamperDetectionActivated = "TamperDetectionActivated";
        public const string InvalidFirmwareSignature = "InvalidFirmwareSignature";
        public const string InvalidFirmwareSigningCertificate = "InvalidFirmwareSigningCertificate";
        public const string InvalidCsmsCertificate = "InvalidCsmsCertificate";
        public const string InvalidChargingStationCertificate = "InvalidChargingStationCertificate";
        public const string InvalidTLSVersion = "InvalidTLSVersion";
        public const string InvalidTLSCipherSuite = "InvalidTLSCipherSuite";
        public const string MaintenanceLoginAccepted = "MaintenanceLoginAccepted";
        public const string MaintenanceLoginFailed = "MaintenanceLoginFailed";

        /// <summary>SecurityEventNotificationRequest.type is string[0..50].</summary>
        public const int MaxTypeLength = 50;

        /// <summary>SecurityEventNotificationRequest.techInfo is string[0..255].</summary>
        public const int MaxTechInfoLength = 255;

        // Parallel tables: the appendix's order, and its "critical" column.
        private static readonly string[] Names =
        {
            FirmwareUpdated, FailedToAuthenticateAtCsms, CsmsFailedToAuthenticate, SettingSystemTime, StartupOfTheDevice,
            ResetOrReboot, SecurityLogWasCleared, ReconfigurationOfSecurityParameters, MemoryExhaustion, InvalidMessages,
            AttemptedReplayAttacks, TamperDetectionActivated, InvalidFirmwareSignature, InvalidFirmwareSigningCertificate,
            InvalidCsmsCertificate, InvalidChargingStationCertificate, InvalidTLSVersion, InvalidTLSCipherSuite,
            MaintenanceLoginAccepted, MaintenanceLoginFailed,
        };

        private static readonly bool[] Critical =
        {
            true, false, false, true, true,
            true, true, false, true, false,
            false, true, false, false,
            false, false, false, false,
            true, true,
        };

        /// <summary>Number of standard types (for tests that walk the table).</summary>
        public static int Count
        {
            get { return Names.Length; }
        }

        public static string NameAt(int index)
        {
            return Names[index];
        }

        /// <summary>Whether <paramref name="type"/> is one of the specification's types.</summary>
        public static bool IsStandard(string type)
        {
            return IndexOf(type) >= 0;
        }

        /// <summary>The appendix's critical flag; false for a type it does not list.</summary>
        public static bool IsCritical(string type)
        {
            int i = IndexOf(type);
            return i >= 0 && Critical[i];
        }

        private static int IndexOf(string type)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == type)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
