using Charger.Ota.Slots;

namespace Charger.Ota.Bundle
{
    /// <summary>The bundle stored in one slot of an <see cref="ISlotBackend"/>.</summary>
    public sealed class SlotBundleSource : IBundleSource
    {
        private readonly ISlotBackend _backend;
        private readonly int _slot;
        private readonly long _length;

        public SlotBundleSource(ISlotBackend backend, int slot)
        {
            _backend = backend;
            _slot = slot;
            _length = backend.ImageLength(slot);
        }

        public long Length
        {
            get { return _length; }
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            return _backend.ReadImage(_slot, position, buffer, offset, count);
        }
    }
}
