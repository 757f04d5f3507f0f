using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// GetChargingProfiles (K09): Accepted and the matching profiles follow in
    /// ReportChargingProfiles messages (paged, tbc), or NoProfiles. Every installed profile came
    /// from the CSMS, so a chargingLimitSource list without CSO matches nothing.
    /// </summary>
    public sealed class GetChargingProfilesHandler : IIncomingCallHandler
    {
        private readonly SmartChargingService _service;

        public GetChargingProfilesHandler(SmartChargingService service)
        {
            _service = service;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            JsonValue c = payload.Get("chargingProfile");
            ProfileCriteria criteria = new ProfileCriteria();
            JsonValue evse = payload.Get("evseId");
            if (evse != null)
            {
                criteria.HasEvse = true;
                criteria.EvseId = (int)evse.AsInteger;
            }

            bool fromCso = true;
            if (c != null)
            {
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

                JsonValue ids = c.Get("chargingProfileId");
                if (ids != null)
                {
                    criteria.Ids = new int[ids.Count];
                    for (int i = 0; i < ids.Count; i++)
                    {
                        criteria.Ids[i] = (int)ids[i].AsInteger;
                    }
                }

                JsonValue sources = c.Get("chargingLimitSource");
                if (sources != null)
                {
                    fromCso = false;
                    for (int i = 0; i < sources.Count; i++)
                    {
                        if (sources[i].Text == "CSO")
                        {
                            fromCso = true;
                        }
                    }
                }
            }

            bool any = fromCso && _service.StartReport((int)payload.GetInteger("requestId", 0), criteria);
            StatusWriter.Write(call.Response, any ? "Accepted" : "NoProfiles", null);
        }
    }
}
