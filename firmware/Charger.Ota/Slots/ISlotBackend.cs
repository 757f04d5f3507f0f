namespace Charger.Ota.Slots
{
    /// <summary>
    /// Where the slot-state copies and the two slot images live. <see cref="FileSlotBackend"/> keeps
    /// them as records on the file store (what a stock nanoCLR allows); a backend that writes raw
    /// flash partitions (a custom nanoCLR with native flash access) implements the same members, so
    /// <see cref="SlotManager"/> does not change. Nothing here may rely on a write being atomic:
    /// the state copies carry their own CRC and sequence, and an image is only booted after the
    /// state says Ready.
    /// </summary>
    public interface ISlotBackend
    {
        /// <summary>Copy 0 or 1 of the slot-state record, or null when there is none.</summary>
        byte[] ReadStateCopy(int copy);

        void WriteStateCopy(int copy, byte[] record);

        /// <summary>Drops the image in <paramref name="slot"/> so the next append starts at byte 0.</summary>
        void EraseImage(int slot);

        /// <summary>Appends <paramref name="count"/> bytes to the image in <paramref name="slot"/>.</summary>
        void AppendImage(int slot, byte[] data, int offset, int count);

        /// <summary>Bytes in the image of <paramref name="slot"/>.</summary>
        long ImageLength(int slot);

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many were read (0 at the end).</summary>
        int ReadImage(int slot, long position, byte[] buffer, int offset, int count);

        /// <summary>Bytes a slot can hold.</summary>
        long SlotCapacityBytes { get; }
    }
}
