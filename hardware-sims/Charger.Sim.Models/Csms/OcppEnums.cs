namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The enumeration values of the OCPP 2.0.1 JSON schemas (Part 3) that the CSMS checks in
    /// requests it receives or builds into requests it sends.
    /// </summary>
    public static class OcppEnums
    {
        public static readonly string[] BootReason =
        {
            "ApplicationReset", "FirmwareUpdate", "LocalReset", "PowerUp", "RemoteReset", "ScheduledReset",
            "Triggered", "Unknown", "Watchdog",
        };

        public static readonly string[] RegistrationStatus = { "Accepted", "Pending", "Rejected" };

        public static readonly string[] ConnectorStatus = { "Available", "Occupied", "Reserved", "Unavailable", "Faulted" };

        public static readonly string[] IdTokenType =
        {
            "Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization",
        };

        public static readonly string[] AuthorizationStatus =
        {
            "Accepted", "Blocked", "ConcurrentTx", "Expired", "Invalid", "NoCredit", "NotAllowedTypeEVSE",
            "NotAtThisLocation", "NotAtThisTime", "Unknown",
        };

        public static readonly string[] TransactionEvent = { "Ended", "Started", "Updated" };

        public static readonly string[] TriggerReason =
        {
            "Authorized", "CablePluggedIn", "ChargingRateChanged", "ChargingStateChanged", "Deauthorized",
            "EnergyLimitReached", "EVCommunicationLost", "EVConnectTimeout", "MeterValueClock",
            "MeterValuePeriodic", "TimeLimitReached", "Trigger", "UnlockCommand", "StopAuthorized", "EVDeparted",
            "EVDetected", "RemoteStop", "RemoteStart", "AbnormalCondition", "SignedDataReceived", "ResetCommand",
        };

        public static readonly string[] ChargingState = { "Charging", "EVConnected", "SuspendedEV", "SuspendedEVSE", "Idle" };

        public static readonly string[] StoppedReason =
        {
            "DeAuthorized", "EmergencyStop", "EnergyLimitReached", "EVDisconnected", "GroundFault",
            "ImmediateReset", "Local", "LocalOutOfCredit", "MasterPass", "Other", "OvercurrentFault", "PowerLoss",
            "PowerQuality", "Reboot", "Remote", "SOCLimitReached", "StoppedByEV", "TimeLimitReached", "Timeout",
        };

        public static readonly string[] FirmwareStatus =
        {
            "Downloaded", "DownloadFailed", "Downloading", "DownloadScheduled", "DownloadPaused", "Idle",
            "InstallationFailed", "Installing", "Installed", "InstallRebooting", "InstallScheduled",
            "InstallVerificationFailed", "InvalidSignature", "SignatureVerified",
        };

        public static readonly string[] UploadLogStatus =
        {
            "BadMessage", "Idle", "NotSupportedOperation", "PermissionDenied", "Uploaded", "UploadFailure",
            "Uploading", "AcceptedCanceled",
        };

        public static readonly string[] ResetType = { "Immediate", "OnIdle" };

        public static readonly string[] OperationalStatus = { "Inoperative", "Operative" };

        public static readonly string[] ReportBase = { "ConfigurationInventory", "FullInventory", "SummaryInventory" };

        public static readonly string[] UpdateType = { "Differential", "Full" };

        public static readonly string[] AttributeType = { "Actual", "Target", "MinSet", "MaxSet" };

        public static readonly string[] MessageTrigger =
        {
            "BootNotification", "LogStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
            "SignChargingStationCertificate", "SignV2GCertificate", "StatusNotification", "TransactionEvent",
            "SignCombinedCertificate", "PublishFirmwareStatusNotification",
        };

        public static bool Contains(string[] values, string value)
        {
            return System.Array.IndexOf(values, value) >= 0;
        }
    }
}
