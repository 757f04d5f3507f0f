using Charger.Hal.Sim;
using Charger.Ocpp.SmartCharging;
using Charger.Ocpp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Charger.Ocpp.Tests.SmartCharging;

/// <summary>
/// FsCheck: random sets of profiles (every purpose, kind, unit, stack levels with ties between an
/// EVSE's and the station-wide TxDefaultProfile, validity windows, durations, minChargingRate)
/// around Sunday 22:00 UTC, so daily schedules cross midnight and weekly ones the week boundary.
/// The firmware's composite schedule (boundary to boundary) must equal, second by second, what
/// <see cref="ReferenceSchedule"/> finds by asking every profile every second (K08).
/// </summary>
public class CompositeScheduleProperties
{
    // Sunday 2026-11-22 22:00:00 UTC.
    private static readonly long T0 = new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly SmartChargingSettings Settings = new() { HardwareMaxDa = 320, MaxProfiles = 8, PeriodsPerSchedule = 24, CompositeMaxPeriods = 4096 };

    public sealed record Case(ChargingProfile[] Profiles, long WindowStart, int Duration, bool HasTx, long TxStart)
    {
        public override string ToString() =>
            $"window {WindowStart - T0:+0;-0}s for {Duration}s, tx {(HasTx ? TxStart - T0 + "s" : "none")}, profiles:\n  "
            + string.Join("\n  ", Profiles.Select(Describe));
    }

    private static string Describe(ChargingProfile p) =>
        $"id {p.Id} {p.Purpose} evse {p.EvseId} stack {p.StackLevel} {p.Kind}/{p.Recurrency} tx {p.TransactionId ?? "-"} "
        + $"start {(p.HasStartSchedule ? (p.StartScheduleS - T0).ToString() : "-")} dur {p.DurationS} "
        + $"valid [{(p.HasValidFrom ? (p.ValidFromS - T0).ToString() : "-")},{(p.HasValidTo ? (p.ValidToS - T0).ToString() : "-")}) "
        + $"{p.RateUnit} min {p.MinChargingRateTenths} periods "
        + string.Join(" ", Enumerable.Range(0, p.PeriodCount).Select(k => $"{p.PeriodStartS[k]}:{p.PeriodLimitTenths[k]}/{p.PeriodPhases[k]}"));

    private static Gen<ChargingProfile> ProfileGen(int id) =>
        from purposeKind in Gen.Choose(0, 3)
        from kind in Gen.Frequency((3, Gen.Constant(ChargingProfileKind.Absolute)), (4, Gen.Constant(ChargingProfileKind.Recurring)), (2, Gen.Constant(ChargingProfileKind.Relative)))
        from weekly in Gen.Elements(false, true)
        from stack in Gen.Choose(0, 2)
        from startOffset in Gen.Choose(-3 * 86400, 86400)
        from hasDuration in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from durationFraction in Gen.Choose(1, 1000)
        from hasFrom in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from from_ in Gen.Choose(-86400, 86400)
        from hasTo in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from toLength in Gen.Choose(1, 2 * 86400)
        from watts in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from hasMin in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from minA in Gen.Choose(0, 160)
        from periodCount in Gen.Choose(1, 5)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 6 * 3600), 5)
        from limitsA in Gen.ArrayOf(Gen.Choose(0, 400), 5)
        from phases in Gen.ArrayOf(Gen.Elements(-1, 1, 2, 3), 5)
        from boundTx in Gen.Elements(true, false)
        select Build(id, purposeKind, kind, weekly, stack, startOffset, hasDuration, durationFraction, hasFrom, from_, hasTo, toLength,
            watts, hasMin, minA, periodCount, gaps, limitsA, phases, boundTx);

    private static ChargingProfile Build(int id, int purposeKind, ChargingProfileKind kind, bool weekly, int stack, int startOffset,
        bool hasDuration, int durationFraction, bool hasFrom, int from, bool hasTo, int toLength, bool watts, bool hasMin, int minA,
        int periodCount, int[] gaps, int[] limitsA, int[] phases, bool boundTx)
    {
        var p = new ChargingProfile { Id = id, StackLevel = stack };
        switch (purposeKind)
        {
            case 0:
                p.Purpose = ChargingProfilePurpose.ChargingStationMaxProfile;
                p.EvseId = 0;
                break;
            case 1:
                p.Purpose = ChargingProfilePurpose.TxDefaultProfile;
                p.EvseId = 0;
                break;
            case 2:
                p.Purpose = ChargingProfilePurpose.TxDefaultProfile;
                p.EvseId = 1;
                break;
            default:
                p.Purpose = ChargingProfilePurpose.TxProfile;
                p.EvseId = 1;
                p.TransactionId = boundTx ? "TX-1" : null;
                break;
        }

        if (p.Purpose == ChargingProfilePurpose.ChargingStationMaxProfile && kind == ChargingProfileKind.Relative)
        {
            kind = ChargingProfileKind.Absolute;
        }

        p.Kind = kind;
        if (kind == ChargingProfileKind.Recurring)
        {
            p.Recurrency = weekly ? RecurrencyKind.Weekly : RecurrencyKind.Daily;
        }

        if (kind != ChargingProfileKind.Relative)
        {
            p.HasStartSchedule = true;
            p.StartScheduleS = T0 + startOffset;
        }

        long span = kind == ChargingProfileKind.Recurring ? p.RecurrenceS : 2 * 86400;
        if (hasDuration)
        {
            p.DurationS = (int)Math.Max(1, span * durationFraction / 1000);
        }

        if (hasFrom)
        {
            p.HasValidFrom = true;
            p.ValidFromS = T0 + from;
        }

        if (hasTo)
        {
            p.HasValidTo = true;
            p.ValidToS = (hasFrom ? p.ValidFromS : T0 + from) + toLength;
        }

        p.RateUnit = watts ? ChargingRateUnit.W : ChargingRateUnit.A;
        int Scale(int deciAmps) => watts ? deciAmps * 230 * 3 : deciAmps;
        if (hasMin)
        {
            p.MinChargingRateTenths = Scale(minA);
        }

        p.PeriodStartS = new int[periodCount];
        p.PeriodLimitTenths = new int[periodCount];
        p.PeriodPhases = new int[periodCount];
        p.PeriodPhaseToUse = new int[periodCount];
        int at = 0;
        for (int k = 0; k < periodCount; k++)
        {
            p.PeriodStartS[k] = at;
            p.PeriodLimitTenths[k] = Scale(limitsA[k]);
            p.PeriodPhases[k] = phases[k];
            p.PeriodPhaseToUse[k] = ChargingProfile.Absent;
            at += gaps[k];
            if (kind == ChargingProfileKind.Recurring && at >= p.RecurrenceS)
            {
                Array.Resize(ref p.PeriodStartS, k + 1);
                Array.Resize(ref p.PeriodLimitTenths, k + 1);
                Array.Resize(ref p.PeriodPhases, k + 1);
                Array.Resize(ref p.PeriodPhaseToUse, k + 1);
                break;
            }
        }

        return p;
    }

    private static ChargingProfile[] Numbered(ChargingProfile[] profiles)
    {
        for (int i = 0; i < profiles.Length; i++)
        {
            profiles[i].Id = i + 1;
        }

        return profiles;
    }

    private static Arbitrary<Case> Cases() =>
        (from count in Gen.Choose(1, 8)
         from profiles in Gen.ArrayOf(ProfileGen(0), count).Select(Numbered)
         from windowOffset in Gen.Choose(-26 * 3600, 3 * 3600)
         from duration in Gen.Frequency((1, Gen.Choose(0, 600)), (4, Gen.Choose(600, 30 * 3600)))
         from hasTx in Gen.Elements(true, false)
         from txOffset in Gen.Choose(-3600, 0)
         select new Case(profiles.ToArray(), T0 + windowOffset, duration, hasTx, T0 + windowOffset + txOffset)).ToArbitrary();

    private static void CompositeEqualsTheReferenceEverySecond(Case c)
    {
        var store = new ChargingProfileStore(new MemoryFileStore(), new ListLog(), Settings.MaxProfiles);
        foreach (var p in c.Profiles)
        {
            // Sets the firmware would refuse (same stack level, overlapping validity) are not in force.
            store.Install(p);
        }

        var installed = store.Profiles.Take(store.Count).ToList();
        var evaluator = new ScheduleEvaluator(store, Settings);
        string tx = c.HasTx ? "TX-1" : null;
        long relative = c.HasTx ? c.TxStart : c.WindowStart;
        foreach (int evse in new[] { 0, 1 })
        {
            var offsets = new int[Settings.CompositeMaxPeriods];
            var limits = new int[Settings.CompositeMaxPeriods];
            var phases = new int[Settings.CompositeMaxPeriods];
            int n = evaluator.Composite(evse, c.WindowStart, c.Duration, tx, relative, offsets, limits, phases);
            Assert.True(n > 0, "composite has no period");
            Assert.Equal(0, offsets[0]);
            int k = 0;
            for (int second = 0; second < Math.Max(1, c.Duration); second++)
            {
                while (k + 1 < n && offsets[k + 1] <= second)
                {
                    k++;
                }

                int expected = ReferenceSchedule.LimitDa(installed, evse, c.WindowStart + second, tx, relative, Settings);
                if (limits[k] != expected)
                {
                    Assert.Fail($"EVSE {evse} at +{second}s (t0{c.WindowStart + second - T0:+0;-0}): composite {limits[k]} dA, reference {expected} dA\n{c}");
                }
            }
        }
    }

    [Fact]
    public void CompositeScheduleEqualsASecondBySecondReferenceOnRandomProfileSets_K08()
    {
        int tests = int.TryParse(Environment.GetEnvironmentVariable("CHARGER_SMART_PROPERTY_TESTS"), out int t) ? t : 60;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(tests), Prop.ForAll(Cases(), (Action<Case>)CompositeEqualsTheReferenceEverySecond));
    }

    [Fact]
    public void WeeklyProfileCrossesTheWeekBoundaryAndDailyCrossesMidnight_K01_Recurring()
    {
        var store = new ChargingProfileStore(new MemoryFileStore(), new ListLog(), 8);
        // Weekly from Monday 00:00: 10 A for the first hour of the week, then 20 A.
        long monday = T0 + 2 * 3600;
        Assert.Null(store.Install(new ChargingProfile
        {
            Id = 1, Purpose = ChargingProfilePurpose.ChargingStationMaxProfile, Kind = ChargingProfileKind.Recurring,
            Recurrency = RecurrencyKind.Weekly, HasStartSchedule = true, StartScheduleS = monday, RateUnit = ChargingRateUnit.A,
            PeriodStartS = new[] { 0, 3600 }, PeriodLimitTenths = new[] { 100, 200 }, PeriodPhases = new[] { -1, -1 }, PeriodPhaseToUse = new[] { -1, -1 },
        }));
        // Daily from 23:00 for two hours: 6 A across midnight.
        Assert.Null(store.Install(new ChargingProfile
        {
            Id = 2, Purpose = ChargingProfilePurpose.TxDefaultProfile, Kind = ChargingProfileKind.Recurring, Recurrency = RecurrencyKind.Daily,
            HasStartSchedule = true, StartScheduleS = T0 - 7 * 86400 + 3600, DurationS = 7200, RateUnit = ChargingRateUnit.A,
            PeriodStartS = new[] { 0 }, PeriodLimitTenths = new[] { 60 }, PeriodPhases = new[] { -1 }, PeriodPhaseToUse = new[] { -1 },
        }));
        var e = new ScheduleEvaluator(store, Settings);
        // Sunday 22:30: the previous week's second period (20 A); Sunday 23:30: the daily 6 A.
        Assert.Equal(200, e.LimitDaAt(1, T0 + 1800, null, 0));
        Assert.Equal(60, e.LimitDaAt(1, T0 + 5400, null, 0));
        Assert.Equal(T0 + 7200, e.NextChangeAfter(1, T0 + 5400, null, 0));
        // Monday 00:30: the daily still holds 6 A (until 01:00); the weekly is back to 10 A.
        Assert.Equal(60, e.LimitDaAt(1, monday + 1800, null, 0));
        Assert.Equal(100, e.LimitDaAt(0, monday + 1800, null, 0));
        Assert.Equal(60, e.LimitDaAt(1, monday + 3599, null, 0));
        Assert.Equal(monday + 3600, e.NextChangeAfter(1, monday + 3000, null, 0));
        // Monday 01:00: the daily's two hours are over and the weekly's second period starts (20 A).
        Assert.Equal(200, e.LimitDaAt(1, monday + 3600, null, 0));
    }
}
