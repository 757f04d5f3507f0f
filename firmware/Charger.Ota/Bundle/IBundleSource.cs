namespace Charger.Ota.Bundle
{
    /// <summary>Random-access bytes of one bundle: a slot image, a file, or an array in tests.</summary>
    public interface IBundleSource
    {
        long Length { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many (0 at the end).</summary>
        int Read(long position, byte[] buffer, int offset, int count);
    }
}
