using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// SendLocalList (D01): Full or Differential update of the local authorization list, with the
    /// list's version rules; the request's size as received is checked against BytesPerMessage.
    /// </summary>
    public sealed class SendLocalListHandler : IIncomingCallHandler
    {
        // OCPP 2.0.1 StatusInfoType: reasonCode at most 20 characters, additionalInfo at most 512.
        private const int MaxAdditionalInfoLength = 512;

        private readonly AuthorizationService _auth;

        public SendLocalListHandler(AuthorizationService auth)
        {
            _auth = auth;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            int version = (int)payload.GetInteger("versionNumber", 0);
            LocalListUpdateType type;
            if (!LocalListUpdateTypeText.TryParse(payload.GetString("updateType"), out type))
            {
                type = LocalListUpdateType.Differential; // the schema admits only the two names; keep the safer merge
            }
            JsonValue list = payload.Get("localAuthorizationList");
            int count = list == null ? 0 : list.Count;
            AuthorizationData[] items = new AuthorizationData[count];
            for (int i = 0; i < count; i++)
            {
                JsonValue item = list[i];
                JsonValue info = item.Get("idTokenInfo");
                items[i] = new AuthorizationData(IdTokenJson.ReadToken(item.Get("idToken")), info == null ? null : IdTokenJson.ReadInfo(info));
            }

            SendLocalListResult result = _auth.SendLocalList(version, type, items, call.FrameLength);
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", SendLocalListStatusText.Of(result.Status));
            if (result.Status != SendLocalListStatus.Accepted && result.Reason != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", result.Status == SendLocalListStatus.VersionMismatch ? "VersionMismatch" : "InvalidList");
                string reason = result.Reason;
                w.Property("additionalInfo", reason.Length > MaxAdditionalInfoLength ? reason.Substring(0, MaxAdditionalInfoLength) : reason);
                w.EndObject();
            }

            w.EndObject();
        }
    }
}
