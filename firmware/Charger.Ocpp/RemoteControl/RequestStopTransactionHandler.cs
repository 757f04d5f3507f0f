using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// RequestStopTransaction (F03): Accepted when the transaction runs here, then stopped as a
    /// local stop would be (stoppedReason Remote, triggerReason RemoteStop); Rejected otherwise.
    /// </summary>
    public sealed class RequestStopTransactionHandler : IIncomingCallHandler
    {
        private readonly TransactionService _transactions;
        private readonly IEvseControl _control;

        public RequestStopTransactionHandler(TransactionService transactions, IEvseControl control)
        {
            _transactions = transactions;
            _control = control;
        }

        public void Handle(IncomingCall call)
        {
            string transactionId = call.Payload.GetString("transactionId");
            int evseId = _transactions.EvseOfTransaction(transactionId);
            JsonWriter w = call.Response;
            w.BeginObject();
            if (evseId == 0)
            {
                w.Property("status", "Rejected");
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", "UnknownTransaction");
                w.EndObject();
                w.EndObject();
                return;
            }

            w.Property("status", "Accepted");
            w.EndObject();
            if (_transactions.IsAuthorized(evseId))
            {
                _transactions.Deauthorize(evseId, StopReason.Remote, "RemoteStop", call.NowMs);
            }

            if (_transactions.HasTransaction(evseId) && _transactions.TransactionIdOf(evseId) == transactionId)
            {
                // Not ended by the authorization ending (TxStopPoint without Authorized): F03 asks it stopped.
                _transactions.EndTransaction(evseId, StopReason.Remote, call.NowMs);
                _control.RequestStop(evseId);
            }
        }
    }
}
