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
            // An evseId beyond int is an unknown EVSE, never one that a cast wraps onto a real one.
            long evseId = payload.GetInteger("evseId", -1);
            string reason = _service.SetProfile(evseId > int.MaxValue || evseId < 0 ? -1 : (int)evseId, payload.Get("chargingProfile"), call.NowMs);
            StatusWriter.Write(call.Response, reason == null ? "Accepted" : "Rejected", reason);
        }
    }
}
