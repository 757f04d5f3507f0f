using Charger.Ocpp.Authorization;
using Charger.Ocpp.Availability;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.SmartCharging;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.RemoteControl
{
    /// <summary>
    /// RequestStartTransaction (F01, F02): authorizes an EVSE for the given token (through the CSMS
    /// first when AuthCtrlr.AuthorizeRemoteStart), remembers remoteStartId for the transaction's
    /// first event, and answers with the transactionId when one already runs (F02, TxStartPoint
    /// EVConnected). Without evseId the first free operative EVSE is taken.
    /// </summary>
    public sealed class RequestStartTransactionHandler : IIncomingCallHandler
    {
        private readonly AuthorizationService _auth;
        private readonly TransactionService _transactions;
        private readonly AvailabilityManager _availability;
        private readonly SmartChargingService _smart;

        public RequestStartTransactionHandler(AuthorizationService auth, TransactionService transactions, AvailabilityManager availability)
            : this(auth, transactions, availability, null)
        {
        }

        /// <summary>With <paramref name="smart"/>, a chargingProfile in the request is checked before anything starts and installed for the transaction (K05).</summary>
        public RequestStartTransactionHandler(AuthorizationService auth, TransactionService transactions, AvailabilityManager availability, SmartChargingService smart)
        {
            _auth = auth;
            _transactions = transactions;
            _availability = availability;
            _smart = smart;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            int evseId = (int)payload.GetInteger("evseId", 0);
            IdToken token = IdTokenJson.ReadToken(payload.Get("idToken"));
            IdToken group = IdTokenJson.ReadToken(payload.Get("groupIdToken"));
            int remoteStartId = (int)payload.GetInteger("remoteStartId", 0);
            string reason = null;
            if (evseId == 0)
            {
                evseId = FirstFreeEvse();
                if (evseId == 0)
                {
                    reason = "NoFreeEvse";
                }
            }
            else if (evseId < 0 || evseId > _transactions.EvseCount)
            {
                reason = "UnknownEvse";
                evseId = 0;
            }
            else if (!IsFree(evseId))
            {
                reason = _availability.IsOperative(evseId, 0) ? "EvseBusy" : "EvseInoperative";
                evseId = 0;
            }

            // K05: a chargingProfile that cannot be installed rejects the whole request, before anything starts.
            ChargingProfile profile = null;
            JsonValue profileJson = payload.Get("chargingProfile");
            if (evseId != 0 && profileJson != null)
            {
                string profileReason = "SmartChargingOff";
                profile = _smart == null ? null : _smart.PrepareRemoteStartProfile(evseId, profileJson, out profileReason);
                if (profile == null)
                {
                    reason = profileReason;
                    evseId = 0;
                }
            }

            bool accepted = evseId != 0 && _auth.RemoteStart(evseId, token, group, remoteStartId, call.NowMs);
            if (evseId != 0 && !accepted)
            {
                reason = "NotAuthorized";
            }

            if (accepted && profile != null)
            {
                string installReason = _smart.Install(profile);
                if (installReason != null)
                {
                    // Checked a moment ago; only a file store that refuses the write gets here.
                    reason = installReason;
                }
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", accepted ? "Accepted" : "Rejected");
            string transactionId = accepted ? _transactions.TransactionIdOf(evseId) : null;
            w.OptionalProperty("transactionId", transactionId);
            if (reason != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", reason);
                w.EndObject();
            }

            w.EndObject();
        }

        private int FirstFreeEvse()
        {
            for (int e = 1; e <= _transactions.EvseCount; e++)
            {
                if (IsFree(e))
                {
                    return e;
                }
            }

            return 0;
        }

        private bool IsFree(int evseId)
        {
            return _availability.IsOperative(evseId, 0) && !_transactions.IsAuthorized(evseId) && !_auth.IsPending(evseId);
        }
    }
}
