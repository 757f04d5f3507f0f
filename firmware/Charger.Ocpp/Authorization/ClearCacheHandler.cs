using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Authorization
{
    /// <summary>ClearCache (C11): Accepted and the cache emptied, Rejected while AuthCacheCtrlr.Enabled is false.</summary>
    public sealed class ClearCacheHandler : IIncomingCallHandler
    {
        private readonly AuthorizationService _auth;

        public ClearCacheHandler(AuthorizationService auth)
        {
            _auth = auth;
        }

        public void Handle(IncomingCall call)
        {
            ClearCacheStatus status = _auth.ClearCache();
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status == ClearCacheStatus.Accepted ? "Accepted" : "Rejected");
            w.EndObject();
        }
    }
}
