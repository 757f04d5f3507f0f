namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>What an <see cref="IFirmwareInstallTarget"/> found when it checked or installed the received image.</summary>
    public sealed class FirmwareCheck
    {
        /// <summary>Every check passed.</summary>
        public const int Passed = 0;

        /// <summary>The signature does not verify with the signing certificate: InvalidSignature.</summary>
        public const int SignatureRejected = 1;

        /// <summary>The image is not a valid bundle for this station (layout, board, boot version, a file's SHA-256): InstallVerificationFailed.</summary>
        public const int ImageRejected = 2;

        /// <summary>The image could not be written or activated (storage): InstallationFailed.</summary>
        public const int InstallFailed = 3;

        /// <summary>The check runs off the tick and has not finished: ask again with the same signature in a later tick.</summary>
        public const int InProgress = 4;

        public FirmwareCheck(int outcome, string reason, string version)
        {
            Outcome = outcome;
            Reason = reason;
            Version = version;
        }

        public int Outcome { get; private set; }

        /// <summary>Why it was refused, for the log and the technician; null when it passed.</summary>
        public string Reason { get; private set; }

        /// <summary>The image's firmware version, when it could be read.</summary>
        public string Version { get; private set; }

        public bool IsPassed
        {
            get { return Outcome == Passed; }
        }
    }
}
