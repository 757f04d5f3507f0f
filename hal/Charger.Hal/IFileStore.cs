namespace Charger.Hal
{
    /// <summary>
    /// Persistent storage for small named records (configuration, device model, transaction queue,
    /// auth cache). Names are flat, ASCII, without path separators.
    /// A power cut during <see cref="WriteAtomic"/> leaves either the old or the new content,
    /// never a mix: the board does it with write-to-temporary and rename on LittleFS.
    /// </summary>
    public interface IFileStore
    {
        bool Exists(string name);

        /// <summary>The whole record, or null when there is none.</summary>
        byte[] Read(string name);

        /// <summary>Replaces the record with <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        void WriteAtomic(string name, byte[] data, int length);

        /// <summary>Removes the record; false when there was none.</summary>
        bool Delete(string name);

        /// <summary>Names that start with <paramref name="prefix"/>, in ordinal order.</summary>
        string[] List(string prefix);
    }
}
