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
    ///
    /// Both checks read the whole image (up to a slot of about 250 KB, twice at install): over a
    /// second on the host's 32-bit nanoCLR and ten or more on an ESP32, far past the board's 500 ms
    /// watchdog and the 10 ms tick. With <see cref="CheckInBackground"/> (the board) each check runs
    /// on a lowest-priority thread and the calls answer <see cref="FirmwareCheck.InProgress"/> until
    /// it is done; the slot state is still changed by the tick only. Inline (the simulator and the
    /// tests) they answer at once, so runs stay deterministic.
    /// </summary>
    public sealed class OtaInstallTarget : IFirmwareInstallTarget
    {
        private readonly IBootContext _boot;
        private readonly SlotManager _slots;
        private readonly ServiceStop _serviceStop;
        private readonly IClock _clock;
        private CheckJob _job;

        public OtaInstallTarget(IBootContext boot, ServiceStop serviceStop, IClock clock)
        {
            _boot = boot;
            _slots = boot.Slots;
            _serviceStop = serviceStop;
            _clock = clock;
        }

        /// <summary>True on a board: image checks run off the tick (see the class summary).</summary>
        public bool CheckInBackground { get; set; }

        /// <summary>Checks started since start (each on its own thread when <see cref="CheckInBackground"/>).</summary>
        public int ChecksStarted { get; private set; }

        /// <summary>Calls answered <see cref="FirmwareCheck.InProgress"/>: ticks that went on while a check ran.</summary>
        public int InProgressAnswers { get; private set; }

        public long CapacityBytes
        {
            get { return _slots.Backend.SlotCapacityBytes; }
        }

        public string WhyNotReady
        {
            get
            {
                if (_job != null && !_job.Done)
                {
                    // The worker still reads the free slot: a new image may not overwrite it yet.
                    return "the check of the previous image is still running";
                }

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
            return Run(CheckJob.KindSignature, signature);
        }

        public FirmwareCheck Install(FirmwareSignature signature)
        {
            FirmwareCheck check = Run(CheckJob.KindInstall, signature);
            if (!check.IsPassed)
            {
                return check;
            }

            try
            {
                // On the tick: the slot state changes only here.
                int slot = _slots.InstallSlot;
                _slots.FinishInstall(check.Version);
                return new FirmwareCheck(FirmwareCheck.Passed, null, _slots.State.VersionOf(slot));
            }
            catch (System.Exception e)
            {
                return new FirmwareCheck(FirmwareCheck.InstallFailed, e.Message, null);
            }
        }

        // Starts the check of this kind for this signature, or reports the one under way.
        private FirmwareCheck Run(int kind, FirmwareSignature signature)
        {
            if (_job != null && (_job.Kind != kind || !object.ReferenceEquals(_job.Signature, signature)))
            {
                if (!_job.Done)
                {
                    InProgressAnswers++;
                    return InProgress;
                }

                _job = null; // a finished check of another request or phase: its answer is not wanted
            }

            if (_job == null)
            {
                _job = new CheckJob(this, kind, signature);
                ChecksStarted++;
                if (!CheckInBackground)
                {
                    _job.Run();
                }
                else
                {
                    System.Threading.Thread worker = new System.Threading.Thread(_job.Run);
                    worker.Priority = System.Threading.ThreadPriority.Lowest;
                    worker.Start();
                    InProgressAnswers++;
                    return InProgress; // started: its answer is collected in a later tick
                }
            }

            if (!_job.Done)
            {
                InProgressAnswers++;
                return InProgress;
            }

            FirmwareCheck result = _job.Result;
            _job = null;
            return result;
        }

        private static FirmwareCheck InProgress
        {
            get { return new FirmwareCheck(FirmwareCheck.InProgress, "the image is being checked", null); }
        }

        private FirmwareCheck CheckSignatureNow(FirmwareSignature signature)
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

        // The boot's checks plus the signature, read-only; the tick then puts the image on trial.
        private FirmwareCheck VerifyForInstallNow(FirmwareSignature signature)
        {
            int slot = _slots.InstallSlot;
            if (slot == SlotState.NoSlot)
            {
                return new FirmwareCheck(FirmwareCheck.InstallFailed, "no image is being received", null);
            }

            try
            {
                BundleReader reader = BundleReader.OpenAndVerify(new SlotBundleSource(_slots.Backend, slot), _boot.Board, _boot.BootVersion,
                    new OcppSignatureCheck(signature));
                return new FirmwareCheck(FirmwareCheck.Passed, null, reader.Manifest.FirmwareVersion);
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

        /// <summary>One check of the received image, run inline or on a worker thread.</summary>
        private sealed class CheckJob
        {
            public const int KindSignature = 1;
            public const int KindInstall = 2;

            private readonly OtaInstallTarget _owner;
            private int _done; // 1 once Run has finished (Interlocked: nanoFramework has no volatile)

            public CheckJob(OtaInstallTarget owner, int kind, FirmwareSignature signature)
            {
                _owner = owner;
                Kind = kind;
                Signature = signature;
            }

            public int Kind { get; private set; }

            public FirmwareSignature Signature { get; private set; }

            public FirmwareCheck Result { get; private set; }

            public bool Done
            {
                get { return System.Threading.Interlocked.CompareExchange(ref _done, 0, 0) == 1; }
            }

            public void Run()
            {
                try
                {
                    Result = Kind == KindSignature ? _owner.CheckSignatureNow(Signature) : _owner.VerifyForInstallNow(Signature);
                }
                catch (System.Exception e)
                {
                    Result = new FirmwareCheck(FirmwareCheck.InstallFailed, "the check failed: " + e.Message, null);
                }
                finally
                {
                    System.Threading.Interlocked.Exchange(ref _done, 1);
                }
            }
        }
    }
}
