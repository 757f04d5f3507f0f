namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>
    /// Where a downloaded firmware image goes: the seam between the OCPP firmware update (L01) and
    /// the station's slots. Charger.Ocpp knows nothing of slots or bundles; the station composition
    /// implements this over Charger.Ota (the inactive slot, the bundle reader, the trial boot).
    /// Every member is called inside the tick and returns within it.
    /// </summary>
    public interface IFirmwareInstallTarget
    {
        /// <summary>Bytes an image may have (the free slot's capacity): checked before a download continues.</summary>
        long CapacityBytes { get; }

        /// <summary>Why no new image can be received now (e.g. an image on trial waits for its self-test); null when one can.</summary>
        string WhyNotReady { get; }

        /// <summary>Starts a new image (the free slot is marked as being written and emptied).</summary>
        void BeginImage();

        /// <summary>Bytes of the image being received, also after a reboot (to resume with a Range request); -1 when none is.</summary>
        long ImageBytes { get; }

        void AppendImage(byte[] data, int offset, int count);

        /// <summary>Reads the received image and checks its signature with <paramref name="signature"/> (and its target board).</summary>
        FirmwareCheck CheckSignature(FirmwareSignature signature);

        /// <summary>Checks the whole image again (signature, every file) and makes it the image the next boot tries.</summary>
        FirmwareCheck Install(FirmwareSignature signature);

        /// <summary>Reboots into the installed image once the station may (service stop, OCPP drained).</summary>
        void Reboot(string reason);

        /// <summary>The version of the image running now.</summary>
        string RunningVersion { get; }

        /// <summary>True while the running image is on trial (installed, not yet confirmed by its self-test).</summary>
        bool RunningOnTrial { get; }

        /// <summary>True when the running image is the confirmed one (not on trial, not rolled back during this boot).</summary>
        bool RunningConfirmed { get; }

        /// <summary>The version of an image that was rolled back and not yet reported, or null.</summary>
        string UnreportedRollback { get; }

        /// <summary>The rollback was reported to the CSMS.</summary>
        void RollbackReported();
    }
}
