namespace Charger.Ota.Bundle
{
    /// <summary>One file of a bundle as the manifest lists it: name, size, SHA-256, and where it starts.</summary>
    public sealed class BundleEntry
    {
        public BundleEntry(string name, int sizeBytes, byte[] sha256)
        {
            Name = name;
            SizeBytes = sizeBytes;
            Sha256 = sha256;
        }

        public string Name { get; private set; }

        public int SizeBytes { get; private set; }

        public byte[] Sha256 { get; private set; }

        /// <summary>Offset of the file's first byte within the payload.</summary>
        public long PayloadOffset { get; internal set; }
    }
}
