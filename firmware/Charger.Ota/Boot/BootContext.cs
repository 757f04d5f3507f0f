using Charger.Ota.Slots;

namespace Charger.Ota.Boot
{
    /// <summary>The <see cref="IBootContext"/> the boot sequence hands to the application, over the slot manager.</summary>
    public sealed class BootContext : IBootContext
    {
        private readonly SlotManager _slots;
        private readonly int _slot;

        public BootContext(SlotManager slots, int slot, string firmwareVersion, string board, int bootVersion)
        {
            _slots = slots;
            _slot = slot;
            FirmwareVersion = firmwareVersion;
            Board = board;
            BootVersion = bootVersion;
        }

        public string FirmwareVersion { get; private set; }

        public string Board { get; private set; }

        public int BootVersion { get; private set; }

        public string SlotName
        {
            get { return SlotManager.SlotName(_slot); }
        }

        public bool IsTrial
        {
            get { return _slots.IsTrial(_slot); }
        }

        public SlotManager Slots
        {
            get { return _slots; }
        }

        public void ConfirmSelfTestPassed()
        {
            if (IsTrial)
            {
                _slots.ConfirmTrial();
            }
        }

        public void ReportSelfTestFailed()
        {
            if (IsTrial)
            {
                _slots.RollBackTrial(RollbackReason.SelfTestFailed);
            }
        }

        public RollbackReason UnreportedRollback
        {
            get { return _slots.UnreportedRollback; }
        }

        public string RolledBackVersion
        {
            get { return _slots.State.RollbackFromVersion; }
        }

        public void RollbackReported()
        {
            _slots.MarkRollbackReported();
        }
    }
}
