namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// TransactionEventRequest.eventType (OCPP 2.0.1 TransactionEventEnumType), plus None for a
    /// queued transaction-related message that is not a TransactionEvent.
    /// </summary>
    public enum TransactionEventType
    {
        None = 0,
        Started = 1,
        Updated = 2,
        Ended = 3,
    }
}
