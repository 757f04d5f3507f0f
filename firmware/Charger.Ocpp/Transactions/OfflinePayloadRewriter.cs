namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Produces the payload of a queued message with its offline flag set (E11.FR.07). The OCPP
    /// layer owns the JSON, so it supplies this; the queue persists what it returns.
    /// </summary>
    public delegate string OfflinePayloadRewriter(QueuedMessage message);
}
