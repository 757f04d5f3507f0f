using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// UnlockConnector (F05): UnknownConnector for a connector this station lacks,
    /// OngoingAuthorizedTransaction while an authorized transaction runs on the EVSE (F05.FR.02),
    /// else whatever the charger's lock reports.
    /// </summary>
    public sealed class UnlockConnectorHandler : IIncomingCallHandler
    {
        private readonly TransactionService _transactions;
        private readonly IEvseControl _control;
        private readonly int[] _connectorsPerEvse;

        public UnlockConnectorHandler(TransactionService transactions, IEvseControl control, int[] connectorsPerEvse)
        {
            _transactions = transactions;
            _control = control;
            _connectorsPerEvse = connectorsPerEvse;
        }

        public void Handle(IncomingCall call)
        {
            int evseId = (int)call.Payload.GetInteger("evseId", 0);
            int connectorId = (int)call.Payload.GetInteger("connectorId", 0);
            UnlockStatus status;
            if (evseId < 1 || evseId > _connectorsPerEvse.Length || connectorId < 1 || connectorId > _connectorsPerEvse[evseId - 1])
            {
                status = UnlockStatus.UnknownConnector;
            }
            else if (_transactions.HasTransaction(evseId) && _transactions.IsAuthorized(evseId))
            {
                status = UnlockStatus.OngoingAuthorizedTransaction;
            }
            else
            {
                status = _control.Unlock(evseId, connectorId);
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", UnlockStatusText.Of(status));
            w.EndObject();
        }
    }
}
