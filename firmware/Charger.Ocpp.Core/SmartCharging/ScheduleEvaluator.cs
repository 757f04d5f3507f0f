namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Evaluates installed profiles at an instant (K08 composite schedule, and the offer's limit):
    /// per purpose the highest stack level whose profile is valid and whose schedule covers the
    /// instant wins; a TxProfile of the EVSE's transaction overrules every TxDefaultProfile, a
    /// TxDefaultProfile of the EVSE overrules one for evseId 0; the result is the lower of the
    /// ChargingStationMaxProfile's limit and that transaction limit, never above the hardware
    /// maximum. Limits are deciamperes per phase (W converted with the phase count and the
    /// nominal voltage). Allocates nothing: it runs in the control tick at schedule boundaries.
    /// </summary>
    public sealed class ScheduleEvaluator
    {
        /// <summary>No profile limits the EVSE at this instant.</summary>
        public const int Unlimited = int.MaxValue;

        /// <summary>No change ahead.</summary>
        public const long Never = long.MaxValue;

        private readonly IChargingProfileSet _store;
        private readonly SmartChargingSettings _settings;
        private int _phases;
        private int _winnerId;

        public ScheduleEvaluator(IChargingProfileSet store, SmartChargingSettings settings)
        {
            _store = store;
            _settings = settings;
        }

        /// <summary>Phases of the profile period that set the last <see cref="LimitDaAt"/> result (the supply's phases when none did).</summary>
        public int Phases
        {
            get { return _phases; }
        }

        /// <summary>Id of the profile that set the last <see cref="LimitDaAt"/> result, or -1.</summary>
        public int WinnerId
        {
            get { return _winnerId; }
        }

        /// <summary>
        /// The profile limit of <paramref name="evseId"/> (0: the station) at <paramref name="t"/>,
        /// in deciamperes per phase, or <see cref="Unlimited"/>. <paramref name="transactionId"/>
        /// is the EVSE's running transaction (null: none); Relative schedules start at
        /// <paramref name="relativeStartS"/>.
        /// </summary>
        public int LimitDaAt(int evseId, long t, string transactionId, long relativeStartS)
        {
            _phases = _settings.SupplyPhases;
            _winnerId = -1;
            int stationDa = Best(ChargingProfilePurpose.ChargingStationMaxProfile, 0, false, null, t, relativeStartS);
            int stationPhases = _phases;
            int stationId = _winnerId;
            if (evseId <= 0)
            {
                _phases = stationDa == Unlimited ? _settings.SupplyPhases : stationPhases;
                _winnerId = stationId;
                return stationDa;
            }

            _phases = _settings.SupplyPhases;
            _winnerId = -1;
            int txDa = Best(ChargingProfilePurpose.TxProfile, evseId, true, transactionId, t, relativeStartS);
            if (txDa == Unlimited)
            {
                txDa = Best(ChargingProfilePurpose.TxDefaultProfile, evseId, false, null, t, relativeStartS);
            }

            if (txDa == Unlimited)
            {
                txDa = Best(ChargingProfilePurpose.TxDefaultProfile, 0, false, null, t, relativeStartS);
            }

            if (stationDa < txDa)
            {
                _phases = stationPhases;
                _winnerId = stationId;
                return stationDa;
            }

            if (txDa == Unlimited)
            {
                _phases = _settings.SupplyPhases;
            }

            return txDa;
        }

        /// <summary>
        /// The first instant after <paramref name="t"/> at which the limit of <paramref name="evseId"/>
        /// may change (a period, schedule, recurrence or validity boundary of any profile that
        /// applies to it), or <see cref="Never"/>.
        /// </summary>
        public long NextChangeAfter(int evseId, long t, string transactionId, long relativeStartS)
        {
            long next = Never;
            ChargingProfile[] profiles = _store.Profiles;
            int count = _store.Count;
            for (int i = 0; i < count; i++)
            {
                ChargingProfile p = profiles[i];
                if (!AppliesTo(p, evseId, transactionId))
                {
                    continue;
                }

                long b = NextBoundary(p, t, relativeStartS);
                if (b < next)
                {
                    next = b;
                }
            }

            return next;
        }

        /// <summary>
        /// The composite schedule of <paramref name="evseId"/> over [<paramref name="startS"/>,
        /// start + <paramref name="durationS"/>): change points as offsets from the start with the
        /// limit (deciamperes per phase, at most the hardware maximum) and phases from each on;
        /// consecutive equal periods merged, at least one period. Returns the count, or -1 when the
        /// arrays cannot hold them all. Walks boundary to boundary, so its cost grows with the
        /// number of changes, not with the duration.
        /// </summary>
        public int Composite(int evseId, long startS, int durationS, string transactionId, long relativeStartS,
            int[] offsetS, int[] limitDa, int[] phases)
        {
            long end = startS + durationS;
            long t = startS;
            int n = 0;
            while (t < end || n == 0)
            {
                int da = LimitDaAt(evseId, t, transactionId, relativeStartS);
                if (da > _settings.HardwareMaxDa)
                {
                    da = _settings.HardwareMaxDa;
                }

                int ph = _phases;
                if (n == 0 || limitDa[n - 1] != da || phases[n - 1] != ph)
                {
                    if (n == offsetS.Length)
                    {
                        return -1;
                    }

                    offsetS[n] = (int)(t - startS);
                    limitDa[n] = da;
                    phases[n] = ph;
                    n++;
                }

                t = NextChangeAfter(evseId, t, transactionId, relativeStartS);
            }

            return n;
        }

        /// <summary>The lowest limit any installed profile's schedule holds, for a clock that cannot place schedules in time.</summary>
        public int LowestLimitDa(int evseId)
        {
            int lowest = Unlimited;
            ChargingProfile[] profiles = _store.Profiles;
            int count = _store.Count;
            for (int i = 0; i < count; i++)
            {
                ChargingProfile p = profiles[i];
                if (!AppliesTo(p, evseId, null) && !(p.Purpose == ChargingProfilePurpose.TxProfile && p.EvseId == evseId))
                {
                    continue;
                }

                for (int k = 0; k < p.PeriodCount; k++)
                {
                    int da = PeriodDa(p, k);
                    if (da < lowest)
                    {
                        lowest = da;
                    }
                }
            }

            return lowest;
        }

        /// <summary>Whether <paramref name="p"/> takes part in the limit of <paramref name="evseId"/>.</summary>
        public static bool AppliesTo(ChargingProfile p, int evseId, string transactionId)
        {
            switch (p.Purpose)
            {
                case ChargingProfilePurpose.ChargingStationMaxProfile:
                    return true;
                case ChargingProfilePurpose.TxDefaultProfile:
                    return evseId > 0 && (p.EvseId == 0 || p.EvseId == evseId);
                case ChargingProfilePurpose.TxProfile:
                    return evseId > 0 && p.EvseId == evseId && (p.TransactionId == null || TextId.Same(p.TransactionId, transactionId));
                default:
                    return false;
            }
        }

        // Highest stack level of one purpose on one evseId (exact match) that covers t; ties (only
        // possible for validity windows that do not overlap, which cannot both cover t) go to the lower id.
        private int Best(ChargingProfilePurpose purpose, int evseId, bool matchTransaction, string transactionId, long t, long relativeStartS)
        {
            ChargingProfile[] profiles = _store.Profiles;
            int count = _store.Count;
            int bestLevel = -1;
            int bestId = 0;
            int bestDa = Unlimited;
            int bestPhases = _settings.SupplyPhases;
            for (int i = 0; i < count; i++)
            {
                ChargingProfile p = profiles[i];
                if (p.Purpose != purpose || p.EvseId != evseId)
                {
                    continue;
                }

                if (matchTransaction && p.TransactionId != null && !TextId.Same(p.TransactionId, transactionId))
                {
                    continue;
                }

                if (p.StackLevel < bestLevel || (p.StackLevel == bestLevel && p.Id > bestId))
                {
                    continue;
                }

                int period = PeriodAt(p, t, relativeStartS);
                if (period < 0)
                {
                    continue;
                }

                bestLevel = p.StackLevel;
                bestId = p.Id;
                bestDa = PeriodDa(p, period);
                bestPhases = PhasesOf(p, period);
            }

            if (bestLevel >= 0)
            {
                _phases = bestPhases;
                _winnerId = bestId;
            }

            return bestDa;
        }

        /// <summary>The index of the period of <paramref name="p"/> in force at <paramref name="t"/>, or -1 when the profile gives no limit then.</summary>
        public static int PeriodAt(ChargingProfile p, long t, long relativeStartS)
        {
            if ((p.HasValidFrom && t < p.ValidFromS) || (p.HasValidTo && t >= p.ValidToS))
            {
                return -1;
            }

            long start = ScheduleStart(p, t, relativeStartS);
            if (t < start)
            {
                return -1;
            }

            long offset = t - start;
            if (p.DurationS != ChargingProfile.Absent && offset >= p.DurationS)
            {
                return -1;
            }

            int index = 0;
            int[] starts = p.PeriodStartS;
            for (int k = 1; k < starts.Length; k++)
            {
                if (starts[k] <= offset)
                {
                    index = k;
                }
                else
                {
                    break;
                }
            }

            return index;
        }

        /// <summary>Start of the schedule cycle in force at <paramref name="t"/>: a Recurring schedule repeats in both directions from startSchedule.</summary>
        public static long ScheduleStart(ChargingProfile p, long t, long relativeStartS)
        {
            if (p.Kind == ChargingProfileKind.Relative)
            {
                return relativeStartS;
            }

            long recurrence = p.RecurrenceS;
            if (recurrence == 0)
            {
                return p.StartScheduleS;
            }

            long delta = t - p.StartScheduleS;
            long cycles = delta / recurrence;
            if (delta < 0 && cycles * recurrence != delta)
            {
                cycles--;
            }

            return p.StartScheduleS + cycles * recurrence;
        }

        /// <summary>The first instant after <paramref name="t"/> at which <paramref name="p"/>'s contribution may change, or <see cref="Never"/>.</summary>
        public static long NextBoundary(ChargingProfile p, long t, long relativeStartS)
        {
            long next = Never;
            if (p.HasValidFrom && p.ValidFromS > t)
            {
                next = p.ValidFromS;
            }

            if (p.HasValidTo && p.ValidToS > t && p.ValidToS < next)
            {
                next = p.ValidToS;
            }

            long start = ScheduleStart(p, t, relativeStartS);
            if (start > t)
            {
                return start < next ? start : next;
            }

            long recurrence = p.RecurrenceS;
            if (recurrence > 0 && start + recurrence < next)
            {
                next = start + recurrence;
            }

            if (p.DurationS != ChargingProfile.Absent && start + p.DurationS > t && start + p.DurationS < next)
            {
                next = start + p.DurationS;
            }

            int[] starts = p.PeriodStartS;
            for (int k = 1; k < starts.Length; k++)
            {
                long b = start + starts[k];
                if (b > t)
                {
                    if (b < next)
                    {
                        next = b;
                    }

                    break;
                }
            }

            return next;
        }

        /// <summary>Period <paramref name="k"/>'s limit in deciamperes per phase; 0 below the profile's minChargingRate.</summary>
        public int PeriodDa(ChargingProfile p, int k)
        {
            int phases = PhasesOf(p, k);
            int da = ToDa(p.PeriodLimitTenths[k], p.RateUnit, phases);
            if (p.MinChargingRateTenths != ChargingProfile.Absent && da < ToDa(p.MinChargingRateTenths, p.RateUnit, phases))
            {
                // Less than the EV can use is no offer at all: the station pauses instead.
                return 0;
            }

            return da;
        }

        /// <summary>Phases period <paramref name="k"/> uses: its numberPhases, at most the supply's; the supply's when absent.</summary>
        public int PhasesOf(ChargingProfile p, int k)
        {
            int phases = p.PeriodPhases[k];
            if (phases == ChargingProfile.Absent || phases > _settings.SupplyPhases)
            {
                return _settings.SupplyPhases;
            }

            return phases;
        }

        /// <summary>Tenths of <paramref name="unit"/> to deciamperes per phase (W rounded down: never more than the profile allows).</summary>
        public int ToDa(int tenths, ChargingRateUnit unit, int phases)
        {
            if (unit == ChargingRateUnit.A)
            {
                return tenths;
            }

            return (int)((long)tenths / ((long)_settings.NominalVoltageV * phases));
        }

        /// <summary>Deciamperes per phase to tenths of watts on <paramref name="phases"/> phases.</summary>
        public int DaToTenthsW(int da, int phases)
        {
            return (int)((long)da * _settings.NominalVoltageV * phases);
        }
    }
}
