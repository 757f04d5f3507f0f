namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// A stored record that cannot be decoded: wrong kind, short, or its checksum does not match
    /// (flash wear, a record written by another firmware version). The loaders log it with the
    /// record name and move on; they never silently treat it as valid.
    /// </summary>
    public sealed class CorruptRecordException : System.Exception
    {
        public CorruptRecordException(string message) : base(message)
        {
        }
    }
}
