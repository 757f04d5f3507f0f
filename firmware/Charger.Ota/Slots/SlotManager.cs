namespace Charger.Ota.Slots
{
    /// <summary>
    /// The A/B slot state machine. A new image is written into the slot that is not active, marked
    /// Ready with its version and put on trial in one state write; the boot assembly boots it at
    /// most <see cref="SlotState.MaxTrialAttempts"/> times, counting each attempt before the image
    /// starts (so a watchdog reset or a hang uses one up); the application confirms it after its
    /// self-test, which makes it the active slot. A trial that throws on start, fails its self-test,
    /// fails verification or uses up its attempts is rolled back: the slot is marked Failed, the
    /// active (confirmed) slot is untouched, and the rollback is recorded until the application says
    /// it reported it. Every transition is exactly one <see cref="BootStateStore.Save"/>, so a power
    /// cut leaves the old or the new state. The confirmed slot is never written while it is active.
    /// </summary>
    public sealed class SlotManager
    {
        private readonly ISlotBackend _backend;
        private readonly BootStateStore _store;
        private SlotState _state;
        private int _installSlot = SlotState.NoSlot;

        public SlotManager(ISlotBackend backend)
        {
            if (backend == null)
            {
                throw new System.ArgumentNullException("backend");
            }

            _backend = backend;
            _store = new BootStateStore(backend);
            _state = _store.Load();
        }

        public ISlotBackend Backend
        {
            get { return _backend; }
        }

        /// <summary>A copy of the current state.</summary>
        public SlotState State
        {
            get { return _state.Clone(); }
        }

        public int ActiveSlot
        {
            get { return _state.ActiveSlot; }
        }

        public int TrialSlot
        {
            get { return _state.TrialSlot; }
        }

        public bool TrialPending
        {
            get { return _state.TrialSlot != SlotState.NoSlot; }
        }

        /// <summary>The rollback not yet reported, or <see cref="RollbackReason.None"/>.</summary>
        public RollbackReason UnreportedRollback
        {
            get { return _state.RollbackReported ? RollbackReason.None : _state.LastRollback; }
        }

        public static string SlotName(int slot)
        {
            return slot == 0 ? "A" : (slot == 1 ? "B" : "none");
        }

        /// <summary>Sets how many boots a trial image gets (1..10). One state write.</summary>
        public void SetMaxTrialAttempts(int attempts)
        {
            if (attempts < 1 || attempts > 10)
            {
                throw new System.ArgumentOutOfRangeException("attempts", "1 to 10 boots");
            }

            if (attempts == _state.MaxTrialAttempts)
            {
                return;
            }

            SlotState next = _state.Clone();
            next.MaxTrialAttempts = attempts;
            Commit(next);
        }

        /// <summary>
        /// Starts writing a new image into the slot that is not active, and returns that slot. The
        /// slot is marked Writing (one state write) before its old image is erased, so a cut install
        /// is never booted. Refused while a trial is pending: that slot is the one that would be written.
        /// </summary>
        public int BeginInstall()
        {
            if (TrialPending)
            {
                throw new System.InvalidOperationException("slot " + SlotName(_state.TrialSlot)
                    + " is on trial: it must be confirmed or rolled back before another install");
            }

            int target = _state.ActiveSlot == 0 ? 1 : 0;
            SlotState next = _state.Clone();
            next.SetImage(target, SlotImageState.Writing);
            next.SetConfirmed(target, false);
            next.SetVersion(target, string.Empty);
            Commit(next);
            _backend.EraseImage(target);
            _installSlot = target;
            return target;
        }

        /// <summary>Appends bytes of the image being installed (after <see cref="BeginInstall"/>).</summary>
        public void AppendInstall(byte[] data, int offset, int count)
        {
            RequireInstalling();
            _backend.AppendImage(_installSlot, data, offset, count);
        }

        /// <summary>
        /// Marks the image being installed Ready with <paramref name="version"/> and puts it on trial,
        /// in one state write. Call it only after the slot's bundle passed every check.
        /// </summary>
        public void FinishInstall(string version)
        {
            RequireInstalling();
            if (!SlotState.IsStorableVersion(version))
            {
                throw new System.ArgumentException("a firmware version is 1 to 32 printable ASCII characters without spaces");
            }

            SlotState next = _state.Clone();
            next.SetImage(_installSlot, SlotImageState.Ready);
            next.SetVersion(_installSlot, version);
            next.TrialSlot = _installSlot;
            next.TrialAttemptsUsed = 0;
            Commit(next);
            _installSlot = SlotState.NoSlot;
        }

        /// <summary>The slot an install is writing (after BeginInstall, until FinishInstall), or NoSlot.</summary>
        public int InstallSlot
        {
            get
            {
                if (_installSlot == SlotState.NoSlot && !TrialPending)
                {
                    // After a reboot the install handle is gone; a slot still Writing is that install.
                    for (int i = 0; i < SlotState.SlotCount; i++)
                    {
                        if (i != _state.ActiveSlot && _state.ImageOf(i) == SlotImageState.Writing)
                        {
                            return i;
                        }
                    }
                }

                return _installSlot;
            }
        }

        /// <summary>
        /// Decides which slot to boot, with the trial bookkeeping: a pending trial with attempts left
        /// uses one (written before it starts) and is booted; a trial with none left is rolled back
        /// (<see cref="RollbackReason.NotConfirmed"/>) and the active slot booted. Returns NoSlot
        /// when there is nothing to boot.
        /// </summary>
        public int ChooseBootSlot()
        {
            if (TrialPending)
            {
                if (_state.TrialAttemptsUsed < _state.MaxTrialAttempts)
                {
                    SlotState next = _state.Clone();
                    next.TrialAttemptsUsed = _state.TrialAttemptsUsed + 1;
                    Commit(next);
                    return next.TrialSlot;
                }

                RollBackTrial(RollbackReason.NotConfirmed);
            }

            int active = _state.ActiveSlot;
            return active != SlotState.NoSlot && _state.ImageOf(active) == SlotImageState.Ready ? active : SlotState.NoSlot;
        }

        /// <summary>True when <paramref name="slot"/> is the pending trial.</summary>
        public bool IsTrial(int slot)
        {
            return slot != SlotState.NoSlot && slot == _state.TrialSlot;
        }

        /// <summary>
        /// Rolls the pending trial back: its slot becomes Failed and is never booted again, the
        /// active slot stays, and the rollback is recorded (unreported). One state write.
        /// </summary>
        public void RollBackTrial(RollbackReason reason)
        {
            if (!TrialPending)
            {
                throw new System.InvalidOperationException("no image is on trial");
            }

            if (reason == RollbackReason.None)
            {
                throw new System.ArgumentException("a rollback needs a reason");
            }

            int trial = _state.TrialSlot;
            SlotState next = _state.Clone();
            next.SetImage(trial, SlotImageState.Failed);
            next.SetConfirmed(trial, false);
            next.TrialSlot = SlotState.NoSlot;
            next.TrialAttemptsUsed = 0;
            next.LastRollback = reason;
            next.RollbackReported = false;
            next.RollbackFromVersion = _state.VersionOf(trial);
            next.RollbackToVersion = _state.ActiveSlot == SlotState.NoSlot ? string.Empty : _state.VersionOf(_state.ActiveSlot);
            next.RollbackCount = _state.RollbackCount + 1;
            Commit(next);
        }

        /// <summary>The running trial passed its self-test: it becomes the active, confirmed slot. One state write.</summary>
        public void ConfirmTrial()
        {
            if (!TrialPending)
            {
                throw new System.InvalidOperationException("no image is on trial");
            }

            int trial = _state.TrialSlot;
            SlotState next = _state.Clone();
            next.ActiveSlot = trial;
            next.SetConfirmed(trial, true);
            next.TrialSlot = SlotState.NoSlot;
            next.TrialAttemptsUsed = 0;
            Commit(next);
        }

        /// <summary>The application reported the last rollback (e.g. to the CSMS after reconnect). One state write.</summary>
        public void MarkRollbackReported()
        {
            if (UnreportedRollback == RollbackReason.None)
            {
                return;
            }

            SlotState next = _state.Clone();
            next.RollbackReported = true;
            Commit(next);
        }

        private void RequireInstalling()
        {
            if (_installSlot == SlotState.NoSlot)
            {
                _installSlot = InstallSlot;
            }

            if (_installSlot == SlotState.NoSlot || _state.ImageOf(_installSlot) != SlotImageState.Writing)
            {
                throw new System.InvalidOperationException("no install in progress: call BeginInstall first");
            }
        }

        // The new state is adopted only after its write returned: a write that fails leaves this
        // object, like the store, on the old state.
        private void Commit(SlotState next)
        {
            _store.Save(next, _state.Sequence);
            _state = next;
        }
    }
}
