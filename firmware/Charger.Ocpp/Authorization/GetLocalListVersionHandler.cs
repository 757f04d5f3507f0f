using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Authorization
{
    /// <summary>GetLocalListVersion (D02): the installed version, 0 when none or the list is disabled.</summary>
    public sealed class GetLocalListVersionHandler : IIncomingCallHandler
    {
        private readonly AuthorizationService _auth;

        public GetLocalListVersionHandler(AuthorizationService auth)
        {
            _auth = auth;
        }

        public void Handle(IncomingCall call)
        {
            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("versionNumber", _auth.LocalList.GetVersion());
            w.EndObject();
        }
    }
}
