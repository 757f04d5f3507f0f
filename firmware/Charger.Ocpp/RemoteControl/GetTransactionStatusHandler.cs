using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// GetTransactionStatus (E14): with a transactionId, whether it still runs (ongoingIndicator)
    /// and whether messages of it wait in the queue; without, whether any transaction message waits.
    /// </summary>
    public sealed class GetTransactionStatusHandler : IIncomingCallHandler
    {
        private readonly TransactionService _transactions;

        public GetTransactionStatusHandler(TransactionService transactions)
        {
            _transactions = transactions;
        }

        public void Handle(IncomingCall call)
        {
            string transactionId = call.Payload.GetString("transactionId");
            JsonWriter w = call.Response;
            w.BeginObject();
            if (transactionId != null)
            {
                w.Property("ongoingIndicator", _transactions.Journal.IsOpen(transactionId));
                w.Property("messagesInQueue", _transactions.Queue.HasMessagesFor(transactionId));
            }
            else
            {
                w.Property("messagesInQueue", !_transactions.Queue.IsEmpty);
            }

            w.EndObject();
        }
    }
}
