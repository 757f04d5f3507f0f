using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Ocpp.FirmwareManagement;
using Charger.Ota;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Firmware.Update
{
    /// <summary>
    /// The OCPP firmware update's install target on the A/B slots of Charger.Ota: the image is
    /// written into the slot that is not active, its UpdateFirmware signature verified over the whole
    /// file (after the download and again at install), checked exactly as the boot checks it (layout,
    /// board, every file's SHA-256 against the manifest), put on trial, and the station reboots
    /// through its service stop.
    /// </summary>
    public sealed class OtaInstallTarget : IFirmwareInstallTarget
    {
        private readonly IBootContext _boot;
        private readonly SlotManager _slots;
        private readonly ServiceStop _serviceStop;
        private readonly IClock _clock;

        public OtaInstallTarget(IBootContext boot, ServiceStop serviceStop, IClock clock)
        {
            _boot = boot;
            _slots = boot.Slots;
            _serviceStop = serviceStop;
            _clock = clock;
        }

        public long CapacityBytes
        {
            get { return _slots.Backend.SlotCapacityBytes; }
        }

        public string WhyNotReady
        {
            get
            {
                return _slots.TrialPending
                    ? "slot " + SlotManager.SlotName(_slots.TrialSlot) + " is on trial until its self-test passes"
                    : null;
            }
        }

        public void BeginImage()
        {
            _slots.BeginInstall();
        }

        public long ImageBytes
        {
            get
            {
                int slot = _slots.InstallSlot;
                return slot == SlotState.NoSlot ? -1 : _slots.Backend.ImageLength(slot);
            }
        }

        public void AppendImage(byte[] data, int offset, int count)
        {
            _slots.AppendInstall(data, offset, count);
        }

        public FirmwareCheck CheckSignature(FirmwareSignature signature)
        {
            int slot = _slots.InstallSlot;
            if (slot == SlotState.NoSlot)
            {
                return new FirmwareCheck(FirmwareCheck.InstallFailed, "no image is being received", null);
            }

            try
            {
                // The signature first, over every byte as downloaded (L01.FR.04): a byte changed
                // anywhere, trailing bytes included, is InvalidSignature before the file is parsed.
                SlotBundleSource source = new SlotBundleSource(_slots.Backend, slot);
                SignatureVerdict verdict = new OcppSignatureCheck(signature).Check(source, null, null, null);
                if (!verdict.Accepted)
                {
                    return new FirmwareCheck(FirmwareCheck.SignatureRejected, verdict.Reason, null);
                }

                BundleReader reader = BundleReader.Open(source);
                reader.CheckTarget(_boot.Board, _boot.BootVersion);
                return new FirmwareCheck(FirmwareCheck.Passed, null, reader.Manifest.FirmwareVersion);
            }
            catch (BundleException e)
            {
                return Refusal(e);
            }
        }

        public FirmwareCheck Install(FirmwareSignature signature)
        {
            int slot = _slots.InstallSlot;
            if (slot == SlotState.NoSlot)
            {
                return new FirmwareCheck(FirmwareCheck.InstallFailed, "no image is being received", null);
            }

            try
            {
                new BundleInstaller(_slots, _boot.Board, _boot.BootVersion, new OcppSignatureCheck(signature)).Verify(slot);
                return new FirmwareCheck(FirmwareCheck.Passed, null, _slots.State.VersionOf(slot));
            }
            catch (BundleException e)
            {
                return Refusal(e);
            }
            catch (System.Exception e)
            {
                return new FirmwareCheck(FirmwareCheck.InstallFailed, e.Message, null);
            }
        }

        public void Reboot(string reason)
        {
            _serviceStop.RequestReboot(ServiceStopReason.FirmwareInstall, reason, _clock.NowMs);
        }

        public string RunningVersion
        {
            get { return _boot.FirmwareVersion; }
        }

        public bool RunningOnTrial
        {
            get { return _boot.IsTrial; }
        }

        public bool RunningConfirmed
        {
            get
            {
                return !_boot.IsTrial && SlotManager.SlotName(_slots.ActiveSlot) == _boot.SlotName
                    && _slots.State.IsConfirmed(_slots.ActiveSlot);
            }
        }

        public string UnreportedRollback
        {
            get { return _boot.UnreportedRollback == RollbackReason.None ? null : _boot.RolledBackVersion; }
        }

        public void RollbackReported()
        {
            _boot.RollbackReported();
        }

        private static FirmwareCheck Refusal(BundleException e)
        {
            return new FirmwareCheck(e.Error == BundleError.SignatureRejected ? FirmwareCheck.SignatureRejected : FirmwareCheck.ImageRejected,
                e.Message, null);
        }
    }
}
