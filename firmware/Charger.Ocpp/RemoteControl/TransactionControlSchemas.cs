using Charger.Ocpp.Authorization;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>Request schemas of the F block's transaction messages (official OCPP 2.0.1 JSON schemas).</summary>
    public static class TransactionControlSchemas
    {
        public static SchemaNode RequestStartTransactionRequest()
        {
            return SchemaNode.Object()
                .Optional("evseId", SchemaNode.Integer())
                .Optional("groupIdToken", AuthorizationSchemas.IdToken())
                .Required("idToken", AuthorizationSchemas.IdToken())
                .Required("remoteStartId", SchemaNode.Integer())
                .Optional("chargingProfile", Charger.Ocpp.SmartCharging.SmartChargingSchemas.ChargingProfile());
        }

        public static SchemaNode RequestStopTransactionRequest()
        {
            return SchemaNode.Object().Required("transactionId", SchemaNode.String(36));
        }

        public static SchemaNode UnlockConnectorRequest()
        {
            return SchemaNode.Object()
                .Required("evseId", SchemaNode.Integer())
                .Required("connectorId", SchemaNode.Integer());
        }

        public static SchemaNode GetTransactionStatusRequest()
        {
            return SchemaNode.Object().Optional("transactionId", SchemaNode.String(36));
        }
    }
}
