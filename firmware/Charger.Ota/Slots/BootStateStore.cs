namespace Charger.Ota.Slots
{
    /// <summary>
    /// Keeps the slot state power-cut safe on a backend whose writes need not be atomic: two copies,
    /// each a CRC-checked record with a sequence number. A save goes to the copy that does NOT hold
    /// the current state, so a write torn at any byte leaves the other copy, the previous state,
    /// intact; a load takes the valid copy with the higher sequence.
    /// </summary>
    public sealed class BootStateStore
    {
        private readonly ISlotBackend _backend;
        private int _currentCopy = 1;

        public BootStateStore(ISlotBackend backend)
        {
            _backend = backend;
        }

        /// <summary>True when the last <see cref="Load"/> found no valid copy and returned a fresh state.</summary>
        public bool LoadedFresh { get; private set; }

        public SlotState Load()
        {
            SlotState first = SlotState.Decode(_backend.ReadStateCopy(0));
            SlotState second = SlotState.Decode(_backend.ReadStateCopy(1));
            LoadedFresh = first == null && second == null;
            if (LoadedFresh)
            {
                _currentCopy = 1;
                return new SlotState();
            }

            // Signed difference: still right after the sequence wraps at 2^32.
            bool secondIsNewer = first == null || (second != null && (int)(second.Sequence - first.Sequence) > 0);
            _currentCopy = secondIsNewer ? 1 : 0;
            return secondIsNewer ? second : first;
        }

        /// <summary>Writes <paramref name="state"/> with the next sequence number into the other copy.</summary>
        public void Save(SlotState state, uint previousSequence)
        {
            state.Sequence = previousSequence + 1;
            int target = 1 - _currentCopy;
            _backend.WriteStateCopy(target, state.Encode());
            _currentCopy = target;
        }
    }
}
