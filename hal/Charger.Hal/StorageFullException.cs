namespace Charger.Hal
{
    /// <summary>Thrown by <see cref="IFileStore.WriteAtomic"/> when the record does not fit; the old content stays.</summary>
    public class StorageFullException : System.Exception
    {
        public StorageFullException(string message) : base(message)
        {
        }
    }
}
