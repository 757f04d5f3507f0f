using Charger.Hal;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota.Boot
{
    /// <summary>
    /// What the boot assembly does at every power-up, the same on the board and in the simulator:
    /// pick the slot (trial bookkeeping in <see cref="SlotManager.ChooseBootSlot"/>), check the
    /// slot's bundle (layout, board, boot version; the signature too when a check is given), read
    /// each file in manifest order, check its size and SHA-256 and load it, create the entry type
    /// and start it.
    /// A trial image that fails any of this is rolled back; a failure before anything was loaded
    /// falls back to the confirmed image in the same boot, a failure after needs a reboot (a loaded
    /// assembly cannot be unloaded).
    /// </summary>
    public sealed class BootSequence
    {
        private readonly SlotManager _slots;
        private readonly string _board;
        private readonly int _bootVersion;
        private readonly IBundleSignatureCheck _signatureCheck;
        private readonly ILog _log;

        /// <param name="signatureCheck">Checked again at every boot when given; null when the signature is checked at install only.</param>
        public BootSequence(SlotManager slots, string board, int bootVersion, IBundleSignatureCheck signatureCheck, ILog log)
        {
            _slots = slots;
            _board = board;
            _bootVersion = bootVersion;
            _signatureCheck = signatureCheck;
            _log = log;
        }

        /// <summary>The booted application's context (null until Start is called).</summary>
        public BootContext Context { get; private set; }

        /// <summary>Why the last boot did not start an application, for the console and the log.</summary>
        public string FailureReason { get; private set; }

        public BootOutcome Boot(IApplicationLoader loader)
        {
            // At most: a failing trial, then the confirmed image.
            for (int round = 0; round < 2; round++)
            {
                int slot = _slots.ChooseBootSlot();
                if (slot == SlotState.NoSlot)
                {
                    return Fail(BootOutcome.NoApplication, "no slot holds a bootable image");
                }

                bool trial = _slots.IsTrial(slot);
                string slotName = SlotManager.SlotName(slot);
                BundleReader reader;
                try
                {
                    reader = BundleReader.Open(new SlotBundleSource(_slots.Backend, slot));
                    reader.CheckTarget(_board, _bootVersion);
                    if (_signatureCheck != null)
                    {
                        reader.CheckSignature(_signatureCheck);
                    }
                }
                catch (BundleException e)
                {
                    if (!trial)
                    {
                        return Fail(BootOutcome.ConfirmedImageFailed, "slot " + slotName + " (confirmed) fails its check: " + e.Message);
                    }

                    Write(LogLevel.Error, "slot " + slotName + " (trial) fails its check, rolled back: " + e.Message);
                    _slots.RollBackTrial(RollbackReason.VerificationFailed);
                    continue;
                }

                string version = reader.Manifest.FirmwareVersion;
                Write(LogLevel.Info, "booting slot " + slotName + " version " + version + (trial ? " on trial" : ""));
                IFirmwareApplication application;
                int loaded = 0;
                try
                {
                    // Each file is read whole (Assembly.Load needs it) and its size and SHA-256
                    // checked right before it is loaded: one pass over the slot, not two.
                    for (int i = 0; i < reader.Manifest.FileCount; i++)
                    {
                        byte[] image = reader.ReadFile(i);
                        loader.Load(reader.Manifest.File(i).Name, image);
                        loaded++;
                    }

                    application = loader.Create(reader.Manifest.EntryType);
                }
                catch (BundleException e)
                {
                    if (!trial)
                    {
                        return Fail(BootOutcome.ConfirmedImageFailed, "slot " + slotName + " (confirmed) fails its check: " + e.Message);
                    }

                    _slots.RollBackTrial(RollbackReason.VerificationFailed);
                    if (loaded == 0)
                    {
                        Write(LogLevel.Error, "slot " + slotName + " (trial) fails its check, rolled back: " + e.Message);
                        continue;
                    }

                    return Fail(BootOutcome.RolledBackRebootRequired, "slot " + slotName + " (trial) fails its check after "
                        + loaded + " file(s) were loaded, rolled back: " + e.Message);
                }
                catch (System.Exception e)
                {
                    return StartFailed(trial, slotName, "could not be loaded: " + e.Message);
                }

                Context = new BootContext(_slots, slot, version, _board, _bootVersion);
                try
                {
                    application.Start(Context);
                }
                catch (System.Exception e)
                {
                    return StartFailed(trial && _slots.IsTrial(slot), slotName, "threw on start: " + e.Message);
                }

                FailureReason = null;
                return BootOutcome.Started;
            }

            return Fail(BootOutcome.NoApplication, "no slot holds a bootable image");
        }

        private BootOutcome StartFailed(bool trial, string slotName, string what)
        {
            if (trial)
            {
                _slots.RollBackTrial(RollbackReason.StartThrew);
                return Fail(BootOutcome.RolledBackRebootRequired, "slot " + slotName + " (trial) " + what + "; rolled back");
            }

            return Fail(BootOutcome.ConfirmedImageFailed, "slot " + slotName + " " + what);
        }

        private BootOutcome Fail(BootOutcome outcome, string reason)
        {
            FailureReason = reason;
            Write(LogLevel.Error, reason);
            return outcome;
        }

        private void Write(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, "boot", message);
            }
        }
    }
}
