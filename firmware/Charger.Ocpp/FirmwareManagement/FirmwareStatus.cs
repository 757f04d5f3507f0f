namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>
    /// OCPP 2.0.1 FirmwareStatusEnumType values (FirmwareStatusNotificationRequest.status), kept as
    /// the schema's strings so nothing on the wire depends on enum text (README, NF1016).
    /// </summary>
    public static class FirmwareStatus
    {
        public const string Downloaded = "Downloaded";
        public const string DownloadFailed = "DownloadFailed";
        public const string Downloading = "Downloading";
        public const string DownloadScheduled = "DownloadScheduled";
        public const string DownloadPaused = "DownloadPaused";
        public const string Idle = "Idle";
        public const string InstallationFailed = "InstallationFailed";
        public const string Installing = "Installing";
        public const string Installed = "Installed";
        public const string InstallRebooting = "InstallRebooting";
        public const string InstallScheduled = "InstallScheduled";
        public const string InstallVerificationFailed = "InstallVerificationFailed";
        public const string InvalidSignature = "InvalidSignature";
        public const string SignatureVerified = "SignatureVerified";
    }
}
