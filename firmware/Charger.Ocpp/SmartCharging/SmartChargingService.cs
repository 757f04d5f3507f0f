using System;
using Charger.Hal;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Functional block K: installs, clears and reports charging profiles, builds composite
    /// schedules, and gives the charger the limit in force for an EVSE. The limit is recomputed
    /// only at the next boundary of the profiles that apply (kept as a tick time), when the set of
    /// profiles, the transaction or the clock changes; between those a call is a few comparisons,
    /// so the control tick can ask every 10 ms.
    /// </summary>
    public sealed class SmartChargingService : ICallResultHandler
    {
        public const string ReportAction = "ReportChargingProfiles";
        private const string Component = "smart";

        private readonly RpcEndpoint _rpc;
        private readonly StationClock _clock;
        private readonly TransactionService _transactions;
        private readonly SmartChargingSettings _settings;
        private readonly SmartChargingVariables _vars;
        private readonly ChargingProfileStore _store;
        private readonly ScheduleEvaluator _evaluator;
        private readonly ILog _log;
        private readonly int _evseCount;

        // Per EVSE index 0..evseCount (0 = the station): the cached limit and when it may change.
        private readonly int[] _limitDa;
        private readonly long[] _nextMs;
        private readonly int[] _seenVersion;
        private readonly int[] _seenClock;
        private readonly string[] _seenTx;
        private readonly long[] _txStartS;
        private readonly int[] _offeredDa;
        private readonly int[] _reportedDa;
        private readonly long[] _recomputes;

        // K09 report in progress.
        private ChargingProfile[] _reportItems;
        private int _reportPos;
        private int _reportRequestId;
        private int _reportsSent;
        private string[] _seenTxStart;
        private long _lastTickMs;

        public SmartChargingService(RpcEndpoint rpc, StationClock clock, TransactionService transactions, IFileStore store, ILog log,
            SmartChargingSettings settings, SmartChargingVariables vars, int evseCount)
        {
            string problem = settings.Check();
            if (problem != null)
            {
                throw new ArgumentException("smart charging settings: " + problem);
            }

            _rpc = rpc;
            _clock = clock;
            _transactions = transactions;
            _settings = settings;
            _vars = vars;
            _log = log;
            _evseCount = evseCount;
            _store = new ChargingProfileStore(store, log, settings.MaxProfiles);
            _evaluator = new ScheduleEvaluator(_store, settings);
            int n = evseCount + 1;
            _limitDa = new int[n];
            _nextMs = new long[n];
            _seenVersion = new int[n];
            _seenClock = new int[n];
            _seenTx = new string[n];
            _txStartS = new long[n];
            _offeredDa = new int[n];
            _reportedDa = new int[n];
            _recomputes = new long[n];
            _seenTxStart = new string[n];
            for (int i = 0; i < n; i++)
            {
                _seenVersion[i] = -1;
                _reportedDa[i] = -1;
            }
        }

        public ChargingProfileStore Store
        {
            get { return _store; }
        }

        public ScheduleEvaluator Evaluator
        {
            get { return _evaluator; }
        }

        public SmartChargingSettings Settings
        {
            get { return _settings; }
        }

        public int EvseCount
        {
            get { return _evseCount; }
        }

        /// <summary>ReportChargingProfiles messages queued since start.</summary>
        public int ReportsSent
        {
            get { return _reportsSent; }
        }

        /// <summary>Times the limit of <paramref name="evseId"/> was worked out again (boundaries, changes), for tests and the README's cost figures.</summary>
        public long RecomputeCount(int evseId)
        {
            return _recomputes[evseId];
        }

        /// <summary>Loads the stored profiles (call once at start, before the first tick).</summary>
        public int Load()
        {
            int n = _store.Load();
            _vars.SetEntries(n);
            if (n > 0)
            {
                _log.Write(LogLevel.Info, Component, n + " charging profile(s) restored from flash");
            }

            return n;
        }

        // ---- K01 SetChargingProfile, K05 RequestStartTransaction ----

        /// <summary>
        /// Validates and installs a profile of a SetChargingProfileRequest; null when Accepted, else
        /// the reasonCode of the Rejected answer (nothing was changed).
        /// </summary>
        public string SetProfile(int evseId, JsonValue json, long nowMs)
        {
            string reason;
            ChargingProfile p = Prepare(evseId, json, false, out reason);
            if (p == null)
            {
                Log(LogLevel.Warning, "SetChargingProfile rejected: " + reason);
                return reason;
            }

            return Install(p);
        }

        /// <summary>
        /// Checks the chargingProfile of a RequestStartTransaction (K05): a TxProfile without
        /// transactionId; returns it ready for <see cref="Install"/>, or null with the reason.
        /// </summary>
        public ChargingProfile PrepareRemoteStartProfile(int evseId, JsonValue json, out string reason)
        {
            return Prepare(evseId, json, true, out reason);
        }

        /// <summary>Installs a prepared profile; null when done, else why not.</summary>
        public string Install(ChargingProfile p)
        {
            string reason = _store.Install(p);
            if (reason != null)
            {
                Log(LogLevel.Warning, "charging profile " + p.Id + " refused: " + reason);
                return reason;
            }

            _vars.SetEntries(_store.Count);
            Log(LogLevel.Info, "charging profile " + p.Id + " installed: " + ChargingProfilePurposeText.Of(p.Purpose)
                + " on EVSE " + p.EvseId + ", stack level " + p.StackLevel);
            return null;
        }

        private ChargingProfile Prepare(int evseId, JsonValue json, bool remoteStart, out string reason)
        {
            if (!_vars.Enabled)
            {
                reason = "SmartChargingOff";
                return null;
            }

            if (evseId < 0 || evseId > _evseCount)
            {
                reason = "UnknownEvse";
                return null;
            }

            ChargingProfile p = ChargingProfileJson.Read(json, evseId, _settings, out reason);
            if (p == null)
            {
                return null;
            }

            if (p.Purpose == ChargingProfilePurpose.ChargingStationMaxProfile && evseId != 0)
            {
                reason = "MaxProfileNotEvse0";
                return null;
            }

            if (p.Purpose == ChargingProfilePurpose.TxProfile)
            {
                if (evseId == 0)
                {
                    reason = "TxProfileOnEvse0";
                    return null;
                }

                if (remoteStart)
                {
                    if (p.TransactionId != null)
                    {
                        reason = "TransactionIdSet";
                        return null;
                    }
                }
                else
                {
                    string running = _transactions.TransactionIdOf(evseId);
                    if (running == null)
                    {
                        reason = "NoTransaction";
                        return null;
                    }

                    if (p.TransactionId == null)
                    {
                        reason = "MissingTransactionId";
                        return null;
                    }

                    if (!TextId.Same(p.TransactionId, running))
                    {
                        reason = "UnknownTransaction";
                        return null;
                    }
                }
            }
            else if (remoteStart)
            {
                reason = "NotTxProfile";
                return null;
            }

            reason = _store.Check(p);
            return reason == null ? p : null;
        }

        // ---- K10 ClearChargingProfile ----

        /// <summary>Clears what <paramref name="criteria"/> matches; the number cleared, -1 when it could not be stored.</summary>
        public int Clear(ProfileCriteria criteria)
        {
            int removed = _store.Clear(criteria);
            if (removed > 0)
            {
                _vars.SetEntries(_store.Count);
                Log(LogLevel.Info, removed + " charging profile(s) cleared");
            }

            return removed;
        }

        // ---- K09 GetChargingProfiles -> ReportChargingProfiles ----

        /// <summary>
        /// Whether any profile matches (Accepted) or none (NoProfiles); when any, the reports
        /// follow, one EVSE per message (the message has one evseId), at most
        /// <see cref="SmartChargingSettings.ProfilesPerReport"/> profiles each, tbc on all but the last.
        /// The matching profiles are taken now: a change while the report runs does not mix into it.
        /// </summary>
        public bool StartReport(int requestId, ProfileCriteria criteria)
        {
            ChargingProfile[] profiles = _store.Profiles;
            int count = _store.Count;
            int matching = 0;
            for (int i = 0; i < count; i++)
            {
                if (criteria.Matches(profiles[i]))
                {
                    matching++;
                }
            }

            if (matching == 0)
            {
                return false;
            }

            // Grouped by evseId, in installation order within an EVSE.
            ChargingProfile[] items = new ChargingProfile[matching];
            int n = 0;
            for (int e = 0; e <= _evseCount; e++)
            {
                for (int i = 0; i < count; i++)
                {
                    if (profiles[i].EvseId == e && criteria.Matches(profiles[i]))
                    {
                        items[n++] = profiles[i];
                    }
                }
            }

            _reportItems = items;
            _reportPos = 0;
            _reportRequestId = requestId;
            QueueNextReport();
            return true;
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            QueueNextReport();
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            Log(LogLevel.Warning, "ReportChargingProfiles of request " + _reportRequestId + " failed: " + errorCode);
            QueueNextReport();
        }

        private void QueueNextReport()
        {
            ChargingProfile[] items = _reportItems;
            if (items == null || _reportPos >= items.Length)
            {
                _reportItems = null;
                return;
            }

            int evseId = items[_reportPos].EvseId;
            JsonWriter w = new JsonWriter(12, 65536);
            w.BeginObject();
            w.Property("requestId", _reportRequestId);
            w.Property("chargingLimitSource", "CSO");
            w.Name("chargingProfile");
            w.BeginArray();
            int inPage = 0;
            while (_reportPos < items.Length && items[_reportPos].EvseId == evseId && inPage < _settings.ProfilesPerReport)
            {
                ChargingProfileJson.Write(w, items[_reportPos]);
                _reportPos++;
                inPage++;
            }

            w.EndArray();
            if (_reportPos < items.Length)
            {
                w.Property("tbc", true);
            }

            w.Property("evseId", evseId);
            w.EndObject();
            if (_rpc.CallLazySchema(ReportAction, w.ToString(), SmartChargingSchemas.EmptyResponse, this, null, SendPermission.AllowedWhilePending))
            {
                _reportsSent++;
            }
            else
            {
                _reportItems = null;
            }
        }

        // ---- K08 GetCompositeSchedule ----

        /// <summary>
        /// The composite schedule of <paramref name="evseId"/> from <paramref name="startS"/> for
        /// <paramref name="durationS"/>, in deciamperes per phase (periods that change nothing merged);
        /// the number of periods, or -1 when it would need more than the arrays hold.
        /// </summary>
        public int Composite(int evseId, long startS, int durationS, int[] offsetS, int[] limitDa, int[] phases)
        {
            string tx = evseId > 0 ? _transactions.TransactionIdOf(evseId) : null;
            long relative = RelativeStartS(evseId, tx, startS);
            return _evaluator.Composite(evseId, startS, durationS, tx, relative, offsetS, limitDa, phases);
        }

        // ---- the limit for the charger ----

        /// <summary>
        /// The profile limit of <paramref name="evseId"/> now, in deciamperes per phase, or
        /// <see cref="ScheduleEvaluator.Unlimited"/>. Cheap between boundaries: call every tick.
        /// With a clock neither the CSMS nor an RTC has set, schedules cannot be placed in time:
        /// the lowest limit any applicable profile holds is used until the clock is set.
        /// </summary>
        public int LimitDaNow(int evseId, long nowMs)
        {
            string tx = evseId > 0 ? _transactions.TransactionIdOf(evseId) : null;
            if (nowMs < _nextMs[evseId] && _seenVersion[evseId] == _store.Version && _seenClock[evseId] == _clock.SetCount
                && TextId.Same(tx, _seenTx[evseId]))
            {
                return _limitDa[evseId];
            }

            Recompute(evseId, tx, nowMs);
            return _limitDa[evseId];
        }

        /// <summary>The charger's actual offer (after cable, thermal and hardware limits), for ChargingRateChanged and Current.Offered.</summary>
        public void SetOfferedDa(int evseId, int offeredDa)
        {
            _offeredDa[evseId] = offeredDa;
        }

        public int OfferedDa(int evseId)
        {
            return _offeredDa[evseId];
        }

        private void Recompute(int evseId, string tx, long nowMs)
        {
            _recomputes[evseId]++;
            _seenVersion[evseId] = _store.Version;
            _seenClock[evseId] = _clock.SetCount;
            _seenTx[evseId] = tx;
            if (!_vars.Enabled)
            {
                _limitDa[evseId] = ScheduleEvaluator.Unlimited;
                _nextMs[evseId] = long.MaxValue;
                return;
            }

            if (!_clock.IsSynchronized)
            {
                _limitDa[evseId] = _evaluator.LowestLimitDa(evseId);
                _nextMs[evseId] = long.MaxValue;
                return;
            }

            long utcMs = EpochTime.ToUtcMs(_clock.UtcAt(nowMs));
            long nowS = utcMs / 1000;
            long relative = RelativeStartS(evseId, tx, nowS);
            _limitDa[evseId] = _evaluator.LimitDaAt(evseId, nowS, tx, relative);
            long nextS = _evaluator.NextChangeAfter(evseId, nowS, tx, relative);
            _nextMs[evseId] = nextS == ScheduleEvaluator.Never ? long.MaxValue : nowMs + (nextS * 1000 - utcMs);
        }

        // Relative schedules start with the transaction; without one they start now (the first period holds).
        private long RelativeStartS(int evseId, string tx, long fallbackS)
        {
            if (evseId <= 0 || tx == null)
            {
                return fallbackS;
            }

            if (!TextId.Same(tx, _seenTxStart[evseId]))
            {
                _seenTxStart[evseId] = tx;
                long startUtcMs = EpochTime.ToUtcMs(_clock.UtcAt(_lastTickMs));
                _txStartS[evseId] = startUtcMs / 1000;
            }

            return _txStartS[evseId];
        }

        // ---- OCPP tick: transaction binding and clean-up, ChargingRateChanged ----

        public void Tick(long nowMs)
        {
            _lastTickMs = nowMs;
            for (int e = 1; e <= _evseCount; e++)
            {
                string tx = _transactions.TransactionIdOf(e);
                RelativeStartS(e, tx, 0);
                if (tx != null)
                {
                    _store.BindTransaction(e, tx);
                }

                RemoveStaleTxProfiles(e, tx);
                ReportRateChange(e, tx, nowMs);
            }
        }

        // A TxProfile lives as long as its transaction; one waiting for a remote start as long as
        // the EVSE is authorized or waiting for the CSMS's answer.
        private void RemoveStaleTxProfiles(int evseId, string tx)
        {
            ChargingProfile[] profiles = _store.Profiles;
            int count = _store.Count;
            int stale = 0;
            for (int i = 0; i < count; i++)
            {
                if (IsStale(profiles[i], evseId, tx))
                {
                    stale++;
                }
            }

            if (stale == 0)
            {
                return;
            }

            ProfileCriteria c = new ProfileCriteria();
            c.Ids = new int[stale];
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (IsStale(profiles[i], evseId, tx))
                {
                    c.Ids[n++] = profiles[i].Id;
                }
            }

            Clear(c);
        }

        private bool IsStale(ChargingProfile p, int evseId, string tx)
        {
            if (p.Purpose != ChargingProfilePurpose.TxProfile || p.EvseId != evseId)
            {
                return false;
            }

            if (p.TransactionId != null)
            {
                return !TextId.Same(p.TransactionId, tx);
            }

            return tx == null && !_transactions.IsAuthorized(evseId) && !(Authorization != null && Authorization.IsPending(evseId));
        }

        /// <summary>Asked whether a remote start waits for the CSMS's Authorize answer on an EVSE; null: never.</summary>
        public AuthorizationService Authorization;

        private void ReportRateChange(int evseId, string tx, long nowMs)
        {
            int offered = _offeredDa[evseId];
            if (tx == null)
            {
                _reportedDa[evseId] = -1;
                return;
            }

            if (_reportedDa[evseId] < 0)
            {
                // The transaction's first offer is its start, not a change.
                _reportedDa[evseId] = offered;
                return;
            }

            int last = _reportedDa[evseId];
            if (offered == last)
            {
                return;
            }

            int diff = offered > last ? offered - last : last - offered;
            // LimitChangeSignificance is a percentage of the last reported limit; a pause or a
            // resume (to or from 0) is always significant.
            if (last > 0 && offered > 0 && (long)diff * 1000 < (long)last * _vars.LimitChangeSignificanceTenths)
            {
                return;
            }

            _reportedDa[evseId] = offered;
            _transactions.ChargingRateChanged(evseId, offered / 10.0, nowMs);
        }

        private void Log(LogLevel level, string message)
        {
            _log.Write(level, Component, message);
        }
    }
}
