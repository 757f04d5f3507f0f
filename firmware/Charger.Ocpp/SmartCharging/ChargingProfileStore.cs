using Charger.Hal;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// The installed charging profiles: at most SmartChargingCtrlr.Entries of them, kept in one
    /// array and stored as one atomically written, checksummed record, so a power cut during an
    /// update leaves the old set or the new one (never a mix) and the profiles are in force again
    /// at boot, online or not. Every change builds the new set aside, writes it, and only then
    /// takes it: a change that cannot be stored is refused whole.
    /// </summary>
    public sealed class ChargingProfileStore : IChargingProfileSet
    {
        public const string RecordName = "smart.profiles";

        private const byte RecordKind = 0x53;
        private const byte FormatVersion = 1;
        private const string Component = "smart";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly int _capacity;
        private ChargingProfile[] _profiles;
        private int _count;
        private int _version;

        public ChargingProfileStore(IFileStore store, ILog log, int capacity)
        {
            if (store == null || log == null || capacity < 1)
            {
                throw new System.ArgumentException("a profile store needs a file store, a log and room for at least one profile");
            }

            _store = store;
            _log = log;
            _capacity = capacity;
            _profiles = new ChargingProfile[capacity];
        }

        /// <summary>The installed profiles; the first <see cref="Count"/> entries are used. Do not modify.</summary>
        public ChargingProfile[] Profiles
        {
            get { return _profiles; }
        }

        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Counts every change of the installed set (the evaluator recomputes when it moves).</summary>
        public int Version
        {
            get { return _version; }
        }

        public ChargingProfile FindById(int id)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_profiles[i].Id == id)
                {
                    return _profiles[i];
                }
            }

            return null;
        }

        /// <summary>
        /// Null when <paramref name="p"/> may join the installed set, else the reason: a profile with
        /// the same purpose, stack level and evseId whose validity overlaps (K01.FR.06), a TxProfile
        /// with the stack level of another for the same transaction (K01.FR.39), or no room. A
        /// profile with an installed id replaces it (K01.FR.05), so that one is not compared.
        /// </summary>
        public string Check(ChargingProfile p)
        {
            bool replaces = false;
            for (int i = 0; i < _count; i++)
            {
                ChargingProfile other = _profiles[i];
                if (other.Id == p.Id)
                {
                    replaces = true;
                    continue;
                }

                if (other.Purpose != p.Purpose || other.StackLevel != p.StackLevel)
                {
                    continue;
                }

                if (p.Purpose == ChargingProfilePurpose.TxProfile)
                {
                    if (other.EvseId == p.EvseId && TextId.Same(other.TransactionId, p.TransactionId))
                    {
                        return "DuplicateStackLevel";
                    }
                }
                else if (other.EvseId == p.EvseId && other.ValidityOverlaps(p))
                {
                    return "DuplicateStackLevel";
                }
            }

            if (!replaces && _count == _capacity)
            {
                return "TooManyProfiles";
            }

            return null;
        }

        /// <summary>Installs <paramref name="p"/> (checked with <see cref="Check"/>); null when done, else why not (nothing changed).</summary>
        public string Install(ChargingProfile p)
        {
            string reason = Check(p);
            if (reason != null)
            {
                return reason;
            }

            ChargingProfile[] next = new ChargingProfile[_capacity];
            int n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_profiles[i].Id != p.Id)
                {
                    next[n++] = _profiles[i];
                }
            }

            next[n++] = p;
            return Commit(next, n) ? null : "StorageFailure";
        }

        /// <summary>
        /// Removes every profile <paramref name="criteria"/> matches (ClearChargingProfile, K10);
        /// returns how many, or -1 when the change could not be stored (nothing removed).
        /// </summary>
        public int Clear(ProfileCriteria criteria)
        {
            ChargingProfile[] next = new ChargingProfile[_capacity];
            int n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!criteria.Matches(_profiles[i]))
                {
                    next[n++] = _profiles[i];
                }
            }

            int removed = _count - n;
            if (removed == 0)
            {
                return 0;
            }

            return Commit(next, n) ? removed : -1;
        }

        /// <summary>Binds the TxProfiles that wait for a remote-started transaction on <paramref name="evseId"/> to it (K05).</summary>
        public bool BindTransaction(int evseId, string transactionId)
        {
            bool any = false;
            for (int i = 0; i < _count; i++)
            {
                ChargingProfile p = _profiles[i];
                if (p.Purpose == ChargingProfilePurpose.TxProfile && p.EvseId == evseId && p.TransactionId == null)
                {
                    any = true;
                }
            }

            if (!any)
            {
                return false;
            }

            ChargingProfile[] next = new ChargingProfile[_capacity];
            for (int i = 0; i < _count; i++)
            {
                ChargingProfile p = _profiles[i];
                if (p.Purpose == ChargingProfilePurpose.TxProfile && p.EvseId == evseId && p.TransactionId == null)
                {
                    ChargingProfile bound = Copy(p);
                    bound.TransactionId = transactionId;
                    next[i] = bound;
                }
                else
                {
                    next[i] = p;
                }
            }

            return Commit(next, _count);
        }

        /// <summary>Reads the stored set; an unreadable record is logged and leaves no profile (the CSMS sees none in K09 and sends them again).</summary>
        public int Load()
        {
            _profiles = new ChargingProfile[_capacity];
            _count = 0;
            _version++;
            byte[] data = _store.Read(RecordName);
            if (data == null)
            {
                return 0;
            }

            try
            {
                StoreRecordReader r = new StoreRecordReader(RecordName, data, RecordKind, FormatVersion);
                int count = r.ReadInt32();
                if (count < 0 || count > _capacity)
                {
                    throw new CorruptRecordException("record " + RecordName + " holds " + count + " profiles, room for " + _capacity);
                }

                ChargingProfile[] loaded = new ChargingProfile[_capacity];
                for (int i = 0; i < count; i++)
                {
                    loaded[i] = ReadProfile(r);
                }

                if (!r.AtEnd)
                {
                    throw new CorruptRecordException("record " + RecordName + " has bytes after its last profile");
                }

                _profiles = loaded;
                _count = count;
            }
            catch (CorruptRecordException e)
            {
                _log.Write(LogLevel.Error, Component, "charging profiles unreadable, none in force: " + e.Message);
            }

            return _count;
        }

        private bool Commit(ChargingProfile[] next, int count)
        {
            try
            {
                Persist(next, count);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "charging profiles not stored, change refused: " + e.Message);
                return false;
            }

            _profiles = next;
            _count = count;
            _version++;
            return true;
        }

        private void Persist(ChargingProfile[] profiles, int count)
        {
            StoreRecordWriter w = new StoreRecordWriter(RecordKind, FormatVersion, 64 + count * 256);
            w.WriteInt32(count);
            for (int i = 0; i < count; i++)
            {
                WriteProfile(w, profiles[i]);
            }

            byte[] record = w.Finish();
            _store.WriteAtomic(RecordName, record, w.Length);
        }

        private static void WriteProfile(StoreRecordWriter w, ChargingProfile p)
        {
            w.WriteInt32(p.Id);
            w.WriteInt32(p.StackLevel);
            w.WriteByte((byte)p.Purpose);
            w.WriteByte((byte)p.Kind);
            w.WriteByte((byte)p.Recurrency);
            w.WriteBool(p.HasValidFrom);
            w.WriteInt64(p.ValidFromS);
            w.WriteBool(p.HasValidTo);
            w.WriteInt64(p.ValidToS);
            w.WriteString(p.TransactionId);
            w.WriteInt32(p.EvseId);
            w.WriteInt32(p.ScheduleId);
            w.WriteBool(p.HasStartSchedule);
            w.WriteInt64(p.StartScheduleS);
            w.WriteInt32(p.DurationS);
            w.WriteByte((byte)p.RateUnit);
            w.WriteInt32(p.MinChargingRateTenths);
            w.WriteInt32(p.PeriodCount);
            for (int k = 0; k < p.PeriodCount; k++)
            {
                w.WriteInt32(p.PeriodStartS[k]);
                w.WriteInt32(p.PeriodLimitTenths[k]);
                w.WriteInt32(p.PeriodPhases[k]);
                w.WriteInt32(p.PeriodPhaseToUse[k]);
            }
        }

        private static ChargingProfile ReadProfile(StoreRecordReader r)
        {
            ChargingProfile p = new ChargingProfile();
            p.Id = r.ReadInt32();
            p.StackLevel = r.ReadInt32();
            p.Purpose = (ChargingProfilePurpose)r.ReadByte();
            p.Kind = (ChargingProfileKind)r.ReadByte();
            p.Recurrency = (RecurrencyKind)r.ReadByte();
            p.HasValidFrom = r.ReadBool();
            p.ValidFromS = r.ReadInt64();
            p.HasValidTo = r.ReadBool();
            p.ValidToS = r.ReadInt64();
            p.TransactionId = r.ReadString();
            p.EvseId = r.ReadInt32();
            p.ScheduleId = r.ReadInt32();
            p.HasStartSchedule = r.ReadBool();
            p.StartScheduleS = r.ReadInt64();
            p.DurationS = r.ReadInt32();
            p.RateUnit = (ChargingRateUnit)r.ReadByte();
            p.MinChargingRateTenths = r.ReadInt32();
            int n = r.ReadInt32();
            if (n < 1 || n > 1024)
            {
                throw new CorruptRecordException("profile " + p.Id + " has " + n + " periods");
            }

            p.PeriodStartS = new int[n];
            p.PeriodLimitTenths = new int[n];
            p.PeriodPhases = new int[n];
            p.PeriodPhaseToUse = new int[n];
            for (int k = 0; k < n; k++)
            {
                p.PeriodStartS[k] = r.ReadInt32();
                p.PeriodLimitTenths[k] = r.ReadInt32();
                p.PeriodPhases[k] = r.ReadInt32();
                p.PeriodPhaseToUse[k] = r.ReadInt32();
            }

            return p;
        }

        private static ChargingProfile Copy(ChargingProfile p)
        {
            ChargingProfile c = new ChargingProfile();
            c.Id = p.Id;
            c.StackLevel = p.StackLevel;
            c.Purpose = p.Purpose;
            c.Kind = p.Kind;
            c.Recurrency = p.Recurrency;
            c.HasValidFrom = p.HasValidFrom;
            c.ValidFromS = p.ValidFromS;
            c.HasValidTo = p.HasValidTo;
            c.ValidToS = p.ValidToS;
            c.TransactionId = p.TransactionId;
            c.EvseId = p.EvseId;
            c.ScheduleId = p.ScheduleId;
            c.HasStartSchedule = p.HasStartSchedule;
            c.StartScheduleS = p.StartScheduleS;
            c.DurationS = p.DurationS;
            c.RateUnit = p.RateUnit;
            c.MinChargingRateTenths = p.MinChargingRateTenths;
            c.PeriodStartS = p.PeriodStartS;
            c.PeriodLimitTenths = p.PeriodLimitTenths;
            c.PeriodPhases = p.PeriodPhases;
            c.PeriodPhaseToUse = p.PeriodPhaseToUse;
            return c;
        }
    }
}
