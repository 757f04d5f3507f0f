using Charger.Hal;

namespace Charger.Ota.Slots
{
    /// <summary>
    /// Slots as records on an <see cref="IFileStore"/> (LittleFS on the board). The state copies are
    /// <c>ota-state-0</c> and <c>ota-state-1</c>; an image is a run of chunk records
    /// <c>ota-a-00000</c>, <c>ota-a-00001</c>, ... of <see cref="ChunkBytes"/> each (the last may be
    /// shorter), so a download is written piece by piece and read back in small buffers: no
    /// whole-image copy in RAM.
    /// </summary>
    public sealed class FileSlotBackend : ISlotBackend
    {
        public const int ChunkBytes = 4096;
        private const int MaxChunks = 99999;
        private readonly IFileStore _store;
        private readonly long _capacityBytes;

        // The chunk read last: a reader streaming through a small buffer reads each chunk once.
        private int _cachedSlot = -1;
        private int _cachedIndex = -1;
        private byte[] _cachedChunk;

        /// <param name="capacityBytes">Bytes one slot may hold (the bundle's largest size).</param>
        public FileSlotBackend(IFileStore store, long capacityBytes)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException("store");
            }

            if (capacityBytes <= 0 || capacityBytes > (long)ChunkBytes * MaxChunks)
            {
                throw new System.ArgumentOutOfRangeException("capacityBytes", "1 byte to 400 MB");
            }

            _store = store;
            _capacityBytes = capacityBytes;
        }

        public long SlotCapacityBytes
        {
            get { return _capacityBytes; }
        }

        public byte[] ReadStateCopy(int copy)
        {
            return _store.Read(StateName(copy));
        }

        public void WriteStateCopy(int copy, byte[] record)
        {
            _store.WriteAtomic(StateName(copy), record, record.Length);
        }

        public void EraseImage(int slot)
        {
            DropCache();
            string[] chunks = _store.List(Prefix(slot));

            // Last chunk first: a cut erase leaves a shorter image, never one with a hole.
            for (int i = chunks.Length - 1; i >= 0; i--)
            {
                _store.Delete(chunks[i]);
            }
        }

        public void AppendImage(int slot, byte[] data, int offset, int count)
        {
            if (count < 0 || offset < 0 || offset + count > data.Length)
            {
                throw new System.ArgumentOutOfRangeException("count", "outside the buffer");
            }

            DropCache();
            long length = ImageLength(slot);
            if (length + count > _capacityBytes)
            {
                throw new StorageFullException("slot " + SlotName(slot) + " holds at most " + _capacityBytes + " bytes");
            }

            while (count > 0)
            {
                int index = (int)(length / ChunkBytes);
                int used = (int)(length % ChunkBytes);
                int take = ChunkBytes - used < count ? ChunkBytes - used : count;
                byte[] chunk = new byte[used + take];
                if (used > 0)
                {
                    byte[] old = _store.Read(ChunkName(slot, index));
                    System.Array.Copy(old, chunk, used);
                }

                System.Array.Copy(data, offset, chunk, used, take);
                _store.WriteAtomic(ChunkName(slot, index), chunk, chunk.Length);
                offset += take;
                count -= take;
                length += take;
            }
        }

        public long ImageLength(int slot)
        {
            string[] chunks = _store.List(Prefix(slot));
            if (chunks.Length == 0)
            {
                return 0;
            }

            byte[] last = _store.Read(chunks[chunks.Length - 1]);
            return ((long)(chunks.Length - 1) * ChunkBytes) + (last == null ? 0 : last.Length);
        }

        public int ReadImage(int slot, long position, byte[] buffer, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int index = (int)(position / ChunkBytes);
                int within = (int)(position % ChunkBytes);
                byte[] chunk = CachedChunk(slot, index);
                if (chunk == null || within >= chunk.Length)
                {
                    break;
                }

                int take = chunk.Length - within < count - done ? chunk.Length - within : count - done;
                System.Array.Copy(chunk, within, buffer, offset + done, take);
                done += take;
                position += take;
            }

            return done;
        }

        private byte[] CachedChunk(int slot, int index)
        {
            if (slot != _cachedSlot || index != _cachedIndex)
            {
                _cachedChunk = _store.Read(ChunkName(slot, index));
                _cachedSlot = slot;
                _cachedIndex = index;
            }

            return _cachedChunk;
        }

        private void DropCache()
        {
            _cachedSlot = -1;
            _cachedIndex = -1;
            _cachedChunk = null;
        }

        private static string StateName(int copy)
        {
            if (copy != 0 && copy != 1)
            {
                throw new System.ArgumentOutOfRangeException("copy", "0 or 1");
            }

            return copy == 0 ? "ota-state-0" : "ota-state-1";
        }

        private static string SlotName(int slot)
        {
            if (slot != 0 && slot != 1)
            {
                throw new System.ArgumentOutOfRangeException("slot", "0 (A) or 1 (B)");
            }

            return slot == 0 ? "a" : "b";
        }

        private static string Prefix(int slot)
        {
            return "ota-" + SlotName(slot) + "-";
        }

        private static string ChunkName(int slot, int index)
        {
            string digits = index.ToString();
            while (digits.Length < 5)
            {
                digits = "0" + digits;
            }

            return Prefix(slot) + digits;
        }
    }
}
