namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// One installed charging profile (ChargingProfileType) with its one charging schedule. Times
    /// are UTC seconds since 1970; limits are kept in tenths of the schedule's unit (the official
    /// schema's limits are multiples of 0.1), so evaluation is integer arithmetic and never
    /// divides a double (which throws on nanoCLR when the divisor is 0).
    /// </summary>
    public sealed class ChargingProfile
    {
        /// <summary>No numberPhases / phaseToUse / minChargingRate / duration given.</summary>
        public const int Absent = -1;

        public int Id;
        public int StackLevel;
        public ChargingProfilePurpose Purpose;
        public ChargingProfileKind Kind;
        public RecurrencyKind Recurrency = RecurrencyKind.None;
        public bool HasValidFrom;
        public long ValidFromS;
        public bool HasValidTo;
        public long ValidToS;

        /// <summary>TxProfile only: the transaction it belongs to; null for one that waits for the transaction a RequestStartTransaction starts (K05).</summary>
        public string TransactionId;

        /// <summary>The evseId of the SetChargingProfileRequest (0 = the station, or every EVSE for a TxDefaultProfile).</summary>
        public int EvseId;

        public int ScheduleId;
        public bool HasStartSchedule;
        public long StartScheduleS;
        public int DurationS = Absent;
        public ChargingRateUnit RateUnit;
        public int MinChargingRateTenths = Absent;

        /// <summary>Offset of each period from the schedule's start, seconds; the first is 0, strictly increasing.</summary>
        public int[] PeriodStartS;

        /// <summary>Each period's limit in tenths of <see cref="RateUnit"/>.</summary>
        public int[] PeriodLimitTenths;

        /// <summary>Each period's numberPhases, or <see cref="Absent"/>.</summary>
        public int[] PeriodPhases;

        /// <summary>Each period's phaseToUse, or <see cref="Absent"/>.</summary>
        public int[] PeriodPhaseToUse;

        public int PeriodCount
        {
            get { return PeriodStartS == null ? 0 : PeriodStartS.Length; }
        }

        /// <summary>Seconds after which a Recurring schedule starts again (0 when it does not recur).</summary>
        public long RecurrenceS
        {
            get
            {
                if (Kind != ChargingProfileKind.Recurring)
                {
                    return 0;
                }

                return Recurrency == RecurrencyKind.Weekly ? 7L * 86400 : 86400;
            }
        }

        /// <summary>Whether the validity window [validFrom, validTo) of this profile and <paramref name="other"/> share an instant.</summary>
        public bool ValidityOverlaps(ChargingProfile other)
        {
            long aFrom = HasValidFrom ? ValidFromS : long.MinValue;
            long aTo = HasValidTo ? ValidToS : long.MaxValue;
            long bFrom = other.HasValidFrom ? other.ValidFromS : long.MinValue;
            long bTo = other.HasValidTo ? other.ValidToS : long.MaxValue;
            return aFrom < bTo && bFrom < aTo;
        }
    }
}
