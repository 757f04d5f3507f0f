namespace Charger.Ota.Slots
{
    /// <summary>Why a trial image was rolled back.</summary>
    public enum RollbackReason
    {
        None = 0,

        /// <summary>The application's Start threw.</summary>
        StartThrew = 1,

        /// <summary>
        /// Every boot attempt was used without a confirmation: the image hung, reset (watchdog,
        /// crash, power) or never passed its self-test before the next boot.
        /// </summary>
        NotConfirmed = 2,

        /// <summary>The application's self-test gave a failing verdict.</summary>
        SelfTestFailed = 3,

        /// <summary>The slot's bundle failed a check at boot (hash, size, board, boot version).</summary>
        VerificationFailed = 4,
    }
}
