namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Text of <see cref="TransactionEventType"/>: transaction event type names for the log ("None" is the queue's empty slot, never on the wire: TransactionMessageBuilder.EventTypeName writes the wire value).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class TransactionEventTypeText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(TransactionEventType value)
        {
            return value switch
            {
                TransactionEventType.None => "None",
                TransactionEventType.Started => "Started",
                TransactionEventType.Updated => "Updated",
                TransactionEventType.Ended => "Ended",
                _ => "?" + (int)value,
            };
        }
    }
}
