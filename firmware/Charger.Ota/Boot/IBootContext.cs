using Charger.Ota.Slots;

namespace Charger.Ota.Boot
{
    /// <summary>What the boot assembly tells the application it started, and the calls back into the slot state.</summary>
    public interface IBootContext
    {
        /// <summary>The bundle's firmware version (what BootNotification reports).</summary>
        string FirmwareVersion { get; }

        /// <summary>"A" or "B".</summary>
        string SlotName { get; }

        /// <summary>True while this image has not passed its self-test.</summary>
        bool IsTrial { get; }

        /// <summary>The boot assembly's own version (bundles say the lowest they need).</summary>
        int BootVersion { get; }

        /// <summary>The board name bundles must be built for.</summary>
        string Board { get; }

        /// <summary>The slots, for installing the next update.</summary>
        SlotManager Slots { get; }

        /// <summary>The self-test passed: this trial image becomes the confirmed, active one.</summary>
        void ConfirmSelfTestPassed();

        /// <summary>The self-test failed: the trial is rolled back now; reboot to run the confirmed image.</summary>
        void ReportSelfTestFailed();

        /// <summary>The last rollback not yet reported, or <see cref="RollbackReason.None"/>.</summary>
        RollbackReason UnreportedRollback { get; }

        /// <summary>Version of the image that was rolled back.</summary>
        string RolledBackVersion { get; }

        /// <summary>The application reported the rollback (e.g. to the CSMS after reconnecting).</summary>
        void RollbackReported();
    }
}
