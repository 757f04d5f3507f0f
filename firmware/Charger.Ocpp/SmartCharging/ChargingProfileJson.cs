using System;
using Charger.Ocpp.Json;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// ChargingProfileType to and from JSON. Reading checks what a schema cannot (K01 rules on the
    /// profile's own fields) and names the first problem as a statusInfo reasonCode (at most 20
    /// characters); rules that depend on other installed profiles or the transaction are the
    /// store's (<see cref="ChargingProfileStore.Check"/>).
    /// </summary>
    public static class ChargingProfileJson
    {
        /// <summary>
        /// The profile in <paramref name="json"/> for <paramref name="evseId"/>, or null with the reason in
        /// <paramref name="reason"/>. The payload passed the official schema already.
        /// </summary>
        public static ChargingProfile Read(JsonValue json, int evseId, SmartChargingSettings settings, out string reason)
        {
            reason = null;
            ChargingProfile p = new ChargingProfile();
            p.EvseId = evseId;
            p.Id = (int)json.GetInteger("id", 0);
            p.StackLevel = (int)json.GetInteger("stackLevel", 0);
            if (!ChargingProfilePurposeText.TryParse(json.GetString("chargingProfilePurpose"), out p.Purpose))
            {
                reason = "UnknownPurpose";
                return null;
            }

            if (!ChargingProfileKindText.TryParse(json.GetString("chargingProfileKind"), out p.Kind))
            {
                reason = "UnknownKind";
                return null;
            }

            string recurrency = json.GetString("recurrencyKind");
            if (recurrency != null && !RecurrencyKindText.TryParse(recurrency, out p.Recurrency))
            {
                reason = "UnknownRecurrency";
                return null;
            }

            p.TransactionId = json.GetString("transactionId");
            if (!ReadTime(json, "validFrom", out p.HasValidFrom, out p.ValidFromS) || !ReadTime(json, "validTo", out p.HasValidTo, out p.ValidToS))
            {
                reason = "InvalidValidity";
                return null;
            }

            JsonValue schedules = json.Get("chargingSchedule");
            if (schedules == null || schedules.Count == 0)
            {
                reason = "NoSchedule";
                return null;
            }

            if (schedules.Count > 1)
            {
                // Up to 3 schedules exist for ISO 15118 negotiation, which this AC station does not do.
                reason = "TooManySchedules";
                return null;
            }

            reason = ReadSchedule(schedules[0], p, settings);
            if (reason == null)
            {
                reason = CheckOwnFields(p, settings);
            }

            return reason == null ? p : null;
        }

        private static string ReadSchedule(JsonValue s, ChargingProfile p, SmartChargingSettings settings)
        {
            p.ScheduleId = (int)s.GetInteger("id", 0);
            if (!ReadTime(s, "startSchedule", out p.HasStartSchedule, out p.StartScheduleS))
            {
                return "InvalidStartSchedule";
            }

            JsonValue duration = s.Get("duration");
            if (duration != null)
            {
                long d = duration.AsInteger;
                if (d < 0 || d > int.MaxValue)
                {
                    return "InvalidDuration";
                }

                p.DurationS = (int)d;
            }

            if (!ChargingRateUnitText.TryParse(s.GetString("chargingRateUnit"), out p.RateUnit))
            {
                return "UnsupportedRateUnit";
            }

            JsonValue min = s.Get("minChargingRate");
            if (min != null)
            {
                p.MinChargingRateTenths = Tenths(min.AsDouble);
                if (p.MinChargingRateTenths < 0)
                {
                    return "InvalidMinRate";
                }
            }

            JsonValue periods = s.Get("chargingSchedulePeriod");
            int n = periods == null ? 0 : periods.Count;
            if (n == 0)
            {
                return "NoPeriods";
            }

            if (n > settings.PeriodsPerSchedule)
            {
                return "TooManyPeriods";
            }

            p.PeriodStartS = new int[n];
            p.PeriodLimitTenths = new int[n];
            p.PeriodPhases = new int[n];
            p.PeriodPhaseToUse = new int[n];
            for (int k = 0; k < n; k++)
            {
                JsonValue period = periods[k];
                long start = period.GetInteger("startPeriod", -1);
                if (start < 0 || start > int.MaxValue)
                {
                    return "InvalidStartPeriod";
                }

                p.PeriodStartS[k] = (int)start;
                JsonValue limit = period.Get("limit");
                p.PeriodLimitTenths[k] = limit == null ? -1 : Tenths(limit.AsDouble);
                if (p.PeriodLimitTenths[k] < 0)
                {
                    return "NegativeLimit";
                }

                p.PeriodPhases[k] = (int)period.GetInteger("numberPhases", ChargingProfile.Absent);
                p.PeriodPhaseToUse[k] = (int)period.GetInteger("phaseToUse", ChargingProfile.Absent);
            }

            return null;
        }

        // K01 rules on the profile's own fields, in the order a technician would fix them.
        private static string CheckOwnFields(ChargingProfile p, SmartChargingSettings settings)
        {
            if (p.Purpose == ChargingProfilePurpose.ChargingStationExternalConstraints)
            {
                // Set by a local energy manager, never by the CSMS.
                return "ExternalConstraints";
            }

            if (p.StackLevel < 0 || p.StackLevel > settings.MaxStackLevel)
            {
                return "StackLevelTooHigh";
            }

            if (!settings.Supports(p.RateUnit))
            {
                return "UnsupportedRateUnit";
            }

            if (p.Purpose == ChargingProfilePurpose.ChargingStationMaxProfile && p.Kind == ChargingProfileKind.Relative)
            {
                return "RelativeMaxProfile";
            }

            if (p.Kind == ChargingProfileKind.Relative && p.HasStartSchedule)
            {
                return "RelativeWithStart";
            }

            if (p.Kind != ChargingProfileKind.Relative && !p.HasStartSchedule)
            {
                return "MissingStartSchedule";
            }

            if (p.Kind == ChargingProfileKind.Recurring && p.Recurrency == RecurrencyKind.None)
            {
                return "MissingRecurrency";
            }

            if (p.Kind != ChargingProfileKind.Recurring && p.Recurrency != RecurrencyKind.None)
            {
                return "UnexpectedRecurrency";
            }

            if (p.Kind == ChargingProfileKind.Recurring && p.DurationS != ChargingProfile.Absent && p.DurationS > p.RecurrenceS)
            {
                return "DurationOverPeriod";
            }

            if (p.HasValidFrom && p.HasValidTo && p.ValidFromS >= p.ValidToS)
            {
                return "InvalidValidity";
            }

            if (p.TransactionId != null && p.Purpose != ChargingProfilePurpose.TxProfile)
            {
                return "TxIdNotTxProfile";
            }

            if (p.PeriodStartS[0] != 0)
            {
                return "FirstPeriodNotZero";
            }

            for (int k = 0; k < p.PeriodCount; k++)
            {
                if (k > 0 && p.PeriodStartS[k] <= p.PeriodStartS[k - 1])
                {
                    return "PeriodsNotIncreasing";
                }

                int phases = p.PeriodPhases[k];
                if (phases != ChargingProfile.Absent && (phases < 1 || phases > 3))
                {
                    return "InvalidPhases";
                }

                if (p.PeriodPhaseToUse[k] != ChargingProfile.Absent)
                {
                    // phaseToUse needs numberPhases 1 and ACPhaseSwitchingSupported, which this hardware is not.
                    return "NoPhaseSwitching";
                }
            }

            return null;
        }

        /// <summary>Writes <paramref name="p"/> as a ChargingProfileType object.</summary>
        public static void Write(JsonWriter w, ChargingProfile p)
        {
            w.BeginObject();
            w.Property("id", p.Id);
            w.Property("stackLevel", p.StackLevel);
            w.Property("chargingProfilePurpose", ChargingProfilePurposeText.Of(p.Purpose));
            w.Property("chargingProfileKind", ChargingProfileKindText.Of(p.Kind));
            if (p.Recurrency != RecurrencyKind.None)
            {
                w.Property("recurrencyKind", RecurrencyKindText.Of(p.Recurrency));
            }

            WriteTime(w, "validFrom", p.HasValidFrom, p.ValidFromS);
            WriteTime(w, "validTo", p.HasValidTo, p.ValidToS);
            w.OptionalProperty("transactionId", p.TransactionId);
            w.Name("chargingSchedule");
            w.BeginArray();
            w.BeginObject();
            w.Property("id", p.ScheduleId);
            WriteTime(w, "startSchedule", p.HasStartSchedule, p.StartScheduleS);
            if (p.DurationS != ChargingProfile.Absent)
            {
                w.Property("duration", p.DurationS);
            }

            w.Property("chargingRateUnit", ChargingRateUnitText.Of(p.RateUnit));
            if (p.MinChargingRateTenths != ChargingProfile.Absent)
            {
                w.Name("minChargingRate");
                WriteTenths(w, p.MinChargingRateTenths);
            }

            w.Name("chargingSchedulePeriod");
            w.BeginArray();
            for (int k = 0; k < p.PeriodCount; k++)
            {
                w.BeginObject();
                w.Property("startPeriod", p.PeriodStartS[k]);
                w.Name("limit");
                WriteTenths(w, p.PeriodLimitTenths[k]);
                if (p.PeriodPhases[k] != ChargingProfile.Absent)
                {
                    w.Property("numberPhases", p.PeriodPhases[k]);
                }

                w.EndObject();
            }

            w.EndArray();
            w.EndObject();
            w.EndArray();
            w.EndObject();
        }

        /// <summary>A limit in tenths written as a JSON number with one decimal (never the runtime's own double format).</summary>
        public static void WriteTenths(JsonWriter w, long tenths)
        {
            w.Decimal(tenths / 10.0, 1);
        }

        /// <summary>Rounds to tenths; saturates instead of overflowing.</summary>
        public static int Tenths(double value)
        {
            double t = value * 10.0;
            if (!(t > -2.0e9))
            {
                return -1;
            }

            if (t >= 2.0e9)
            {
                return 2000000000;
            }

            return t >= 0 ? (int)(t + 0.5) : -(int)(-t + 0.5);
        }

        public static long ToEpochS(DateTime utc)
        {
            long ms = EpochTime.ToUtcMs(utc);
            long s = ms / 1000;
            return ms < 0 && s * 1000 != ms ? s - 1 : s;
        }

        public static DateTime FromEpochS(long s)
        {
            return EpochTime.FromUtcMs(s * 1000);
        }

        private static bool ReadTime(JsonValue json, string name, out bool present, out long epochS)
        {
            present = false;
            epochS = 0;
            string text = json.GetString(name);
            if (text == null)
            {
                return true;
            }

            DateTime utc;
            if (!Rfc3339.TryParse(text, out utc))
            {
                return false;
            }

            present = true;
            epochS = ToEpochS(utc);
            return true;
        }

        private static void WriteTime(JsonWriter w, string name, bool present, long epochS)
        {
            if (present)
            {
                w.Name(name);
                w.DateTimeUtc(FromEpochS(epochS));
            }
        }
    }
}
