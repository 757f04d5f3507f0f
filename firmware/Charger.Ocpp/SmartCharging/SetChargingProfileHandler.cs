using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>SetChargingProfile (K01): Accepted when the profile is installed, else Rejected with the reason in statusInfo; never half applied.</summary>
    public sealed class SetChargingProfileHandler : IIncomingCallHandler
    {
        private readonly SmartChargingService _service;

        public SetChargingProfileHandler(SmartChargingService service)
        {
            _service = service;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            string reason = _service.SetProfile((int)payload.GetInteger("evseId", -1), payload.Get("chargingProfile"), call.NowMs);
            StatusWriter.Write(call.Response, reason == null ? "Accepted" : "Rejected", reason);
        }
    }
}
