using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// ClearChargingProfile (K10): by chargingProfileId when given (the criteria are then not
    /// used), else by every criterion given (none: every profile). Accepted when at least one
    /// profile was cleared, Unknown when none matched.
    /// </summary>
    public sealed class ClearChargingProfileHandler : IIncomingCallHandler
    {
        private readonly SmartChargingService _service;

        public ClearChargingProfileHandler(SmartChargingService service)
        {
            _service = service;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            ProfileCriteria criteria = new ProfileCriteria();
            JsonValue id = payload.Get("chargingProfileId");
            JsonValue c = payload.Get("chargingProfileCriteria");
            if (id != null)
            {
                criteria.Ids = new int[] { (int)id.AsInteger };
            }
            else if (c != null)
            {
                JsonValue evse = c.Get("evseId");
                if (evse != null)
                {
                    criteria.HasEvse = true;
                    criteria.EvseId = (int)evse.AsInteger;
                }

                string purpose = c.GetString("chargingProfilePurpose");
                if (purpose != null)
                {
                    criteria.HasPurpose = ChargingProfilePurposeText.TryParse(purpose, out criteria.Purpose);
                }

                JsonValue level = c.Get("stackLevel");
                if (level != null)
                {
                    criteria.HasStackLevel = true;
                    criteria.StackLevel = (int)level.AsInteger;
                }
            }

            int removed = _service.Clear(criteria);
            StatusWriter.Write(call.Response, removed > 0 ? "Accepted" : "Unknown", removed < 0 ? "StorageFailure" : null);
        }
    }
}
