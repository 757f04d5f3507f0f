namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// The file store has no room for a Started or Ended event even after every droppable Updated
    /// event was dropped. The charge controller must not start a new transaction while this holds.
    /// </summary>
    public sealed class TransactionQueueFullException : System.Exception
    {
        public TransactionQueueFullException(string message) : base(message)
        {
        }
    }
}
