using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// GetCompositeSchedule (K08): the limits in force on an EVSE (0: the station's connection)
    /// from now for the requested duration, in the requested unit (A when none is asked for), never
    /// above the hardware maximum. Rejected for an unknown EVSE, a unit outside RateUnit, a
    /// negative duration, a clock that was never set, or more change points than a response holds.
    /// </summary>
    public sealed class GetCompositeScheduleHandler : IIncomingCallHandler
    {
        private readonly SmartChargingService _service;
        private readonly StationClock _clock;

        public GetCompositeScheduleHandler(SmartChargingService service, StationClock clock)
        {
            _service = service;
            _clock = clock;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue payload = call.Payload;
            long requestedEvse = payload.GetInteger("evseId", -1);
            int evseId = requestedEvse > int.MaxValue || requestedEvse < 0 ? -1 : (int)requestedEvse;
            long duration = payload.GetInteger("duration", -1);
            ChargingRateUnit unit = ChargingRateUnit.A;
            string unitText = payload.GetString("chargingRateUnit");
            string reason = null;
            if (evseId < 0 || evseId > _service.EvseCount)
            {
                reason = "UnknownEvse";
            }
            else if (duration < 0 || duration > int.MaxValue)
            {
                reason = "InvalidDuration";
            }
            else if (unitText != null && (!ChargingRateUnitText.TryParse(unitText, out unit) || !_service.Settings.Supports(unit)))
            {
                reason = "UnsupportedRateUnit";
            }
            else if (!_clock.IsSynchronized)
            {
                reason = "ClockNotSet";
            }

            int n = 0;
            int max = _service.Settings.CompositeMaxPeriods;
            int[] offsets = null;
            int[] limits = null;
            int[] phases = null;
            long startS = 0;
            if (reason == null)
            {
                offsets = new int[max];
                limits = new int[max];
                phases = new int[max];
                startS = EpochTime.ToUtcMs(_clock.UtcAt(call.NowMs)) / 1000;
                n = _service.Composite(evseId, startS, (int)duration, offsets, limits, phases);
                if (n < 0)
                {
                    reason = "TooManyPeriods";
                }
            }

            JsonWriter w = call.Response;
            if (reason != null)
            {
                StatusWriter.Write(w, "Rejected", reason);
                return;
            }

            w.BeginObject();
            w.Property("status", "Accepted");
            w.Name("schedule");
            w.BeginObject();
            w.Property("evseId", evseId);
            w.Property("duration", duration);
            w.Name("scheduleStart");
            w.DateTimeUtc(ChargingProfileJson.FromEpochS(startS));
            w.Property("chargingRateUnit", ChargingRateUnitText.Of(unit));
            w.Name("chargingSchedulePeriod");
            w.BeginArray();
            for (int i = 0; i < n; i++)
            {
                w.BeginObject();
                w.Property("startPeriod", offsets[i]);
                w.Name("limit");
                ChargingProfileJson.WriteTenths(w, unit == ChargingRateUnit.A ? limits[i] : _service.Evaluator.DaToTenthsW(limits[i], phases[i]));
                w.Property("numberPhases", phases[i]);
                w.EndObject();
            }

            w.EndArray();
            w.EndObject();
            w.EndObject();
        }
    }
}
