using Charger.Ocpp.SmartCharging;

namespace Charger.Ocpp.Tests.SmartCharging;

/// <summary>
/// A plain, slow reading of the smart-charging rules, written apart from the firmware's
/// evaluator: each profile asked second by second whether it is in force, recurring cycles found
/// by stepping from the anchor (not by division), the stack resolved by sorting. The property
/// tests hold the firmware's composite schedule to it.
///
/// Rules (README "Smart charging"): a profile is in force at t when validFrom &lt;= t &lt; validTo, its
/// schedule has started and its duration has not run out; Recurring schedules repeat every day or
/// week in both directions from startSchedule; Relative ones start at the transaction's start (the
/// window's start without one). Per purpose the highest stack level in force wins (ties: lower
/// id). A TxProfile of the transaction overrules TxDefaultProfiles, an EVSE's TxDefaultProfile
/// overrules one for evseId 0. The limit is the lower of the station maximum and that, W
/// converted to A with the period's phases (the supply's when absent or more) and the nominal
/// voltage, rounded down; a period below the profile's minChargingRate is 0; never above the
/// hardware maximum.
/// </summary>
public static class ReferenceSchedule
{
    public static int LimitDa(IReadOnlyList<ChargingProfile> profiles, int evseId, long t, string tx, long relativeStart, SmartChargingSettings s)
    {
        int? station = Winner(profiles.Where(p => p.Purpose == ChargingProfilePurpose.ChargingStationMaxProfile), t, relativeStart, s);
        int? txLimit = null;
        if (evseId > 0)
        {
            txLimit = Winner(profiles.Where(p => p.Purpose == ChargingProfilePurpose.TxProfile && p.EvseId == evseId
                                                 && (p.TransactionId == null || p.TransactionId == tx)), t, relativeStart, s)
                      ?? Winner(profiles.Where(p => p.Purpose == ChargingProfilePurpose.TxDefaultProfile && p.EvseId == evseId), t, relativeStart, s)
                      ?? Winner(profiles.Where(p => p.Purpose == ChargingProfilePurpose.TxDefaultProfile && p.EvseId == 0), t, relativeStart, s);
        }

        int limit = s.HardwareMaxDa;
        if (station.HasValue)
        {
            limit = Math.Min(limit, station.Value);
        }

        if (txLimit.HasValue)
        {
            limit = Math.Min(limit, txLimit.Value);
        }

        return limit;
    }

    private static int? Winner(IEnumerable<ChargingProfile> candidates, long t, long relativeStart, SmartChargingSettings s)
    {
        var inForce = candidates
            .Select(p => (Profile: p, Limit: InForce(p, t, relativeStart, s)))
            .Where(x => x.Limit.HasValue)
            .OrderByDescending(x => x.Profile.StackLevel)
            .ThenBy(x => x.Profile.Id)
            .ToList();
        return inForce.Count == 0 ? null : inForce[0].Limit;
    }

    /// <summary>The profile's limit in deciamperes at t, or null when it is not in force.</summary>
    public static int? InForce(ChargingProfile p, long t, long relativeStart, SmartChargingSettings s)
    {
        if (p.HasValidFrom && t < p.ValidFromS)
        {
            return null;
        }

        if (p.HasValidTo && t >= p.ValidToS)
        {
            return null;
        }

        long start;
        if (p.Kind == ChargingProfileKind.Relative)
        {
            start = relativeStart;
        }
        else if (p.Kind == ChargingProfileKind.Absolute)
        {
            start = p.StartScheduleS;
        }
        else
        {
            long cycle = p.Recurrency == RecurrencyKind.Daily ? 24 * 3600 : 7 * 24 * 3600;
            start = p.StartScheduleS;
            while (start > t)
            {
                start -= cycle;
            }

            while (start + cycle <= t)
            {
                start += cycle;
            }
        }

        if (t < start)
        {
            return null;
        }

        long elapsed = t - start;
        if (p.DurationS >= 0 && elapsed >= p.DurationS)
        {
            return null;
        }

        int k = Enumerable.Range(0, p.PeriodStartS.Length).Last(i => p.PeriodStartS[i] <= elapsed);
        int phases = p.PeriodPhases[k] <= 0 || p.PeriodPhases[k] > s.SupplyPhases ? s.SupplyPhases : p.PeriodPhases[k];
        int limit = ToDa(p.PeriodLimitTenths[k], p.RateUnit, phases, s);
        if (p.MinChargingRateTenths >= 0 && limit < ToDa(p.MinChargingRateTenths, p.RateUnit, phases, s))
        {
            return 0;
        }

        return limit;
    }

    private static int ToDa(int tenths, ChargingRateUnit unit, int phases, SmartChargingSettings s) =>
        unit == ChargingRateUnit.A ? tenths : (int)Math.Floor(tenths / (double)(s.NominalVoltageV * phases));
}
