using System.Collections.Generic;
using System.Linq;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// Everything the CSMS learned about one transaction, kept so a test or scenario can check the
    /// station's promises (issue 6): exactly one Started and one Ended, seqNos from 0 without gaps
    /// or duplicates, energy never decreasing.
    /// </summary>
    public sealed class TransactionRecord
    {
        private readonly List<TransactionEventRecord> _events = new List<TransactionEventRecord>();
        private readonly List<EnergyReading> _energy = new List<EnergyReading>();
        private readonly HashSet<int> _seqNos = new HashSet<int>();
        private readonly List<int> _duplicateSeqNos = new List<int>();

        public TransactionRecord(string stationId, string transactionId)
        {
            StationId = stationId;
            TransactionId = transactionId;
            RemoteStartId = -1;
            EvseId = -1;
        }

        public string StationId { get; }

        public string TransactionId { get; }

        public IReadOnlyList<TransactionEventRecord> Events
        {
            get { return _events; }
        }

        /// <summary>Energy.Active.Import.Register readings in the order they arrived.</summary>
        public IReadOnlyList<EnergyReading> EnergyReadings
        {
            get { return _energy; }
        }

        public int StartedCount { get; private set; }

        public int UpdatedCount { get; private set; }

        public int EndedCount { get; private set; }

        /// <summary>Events the station flagged offline = true (produced while it had no connection).</summary>
        public int OfflineEventCount { get; private set; }

        /// <summary>seqNos that arrived more than once, once per repetition.</summary>
        public IReadOnlyList<int> DuplicateSeqNos
        {
            get { return _duplicateSeqNos; }
        }

        /// <summary>Events whose seqNo was lower than one already received (and not a duplicate).</summary>
        public int OutOfOrderCount { get; private set; }

        /// <summary>The last idToken the station sent with an event of this transaction; null if none.</summary>
        public string IdToken { get; private set; }

        public string IdTokenType { get; private set; }

        /// <summary>-1 until an event names its EVSE.</summary>
        public int EvseId { get; private set; }

        /// <summary>-1 unless the transaction was started by RequestStartTransaction.</summary>
        public int RemoteStartId { get; private set; }

        public string StoppedReason { get; private set; }

        public string LastChargingState { get; private set; }

        public bool Ended
        {
            get { return EndedCount > 0; }
        }

        public long FirstEventAtMs { get; private set; }

        public long LastEventAtMs { get; private set; }

        /// <summary>seqNos between 0 and the highest received that never arrived, ascending.</summary>
        public IReadOnlyList<int> MissingSeqNos
        {
            get
            {
                var missing = new List<int>();
                int highest = -1;
                foreach (int seqNo in _seqNos)
                {
                    if (seqNo > highest)
                    {
                        highest = seqNo;
                    }
                }

                for (int seqNo = 0; seqNo <= highest; seqNo++)
                {
                    if (!_seqNos.Contains(seqNo))
                    {
                        missing.Add(seqNo);
                    }
                }

                return missing;
            }
        }

        public bool HasSeqNoGap
        {
            get { return MissingSeqNos.Count > 0; }
        }

        public bool HasDuplicate
        {
            get { return _duplicateSeqNos.Count > 0; }
        }

        /// <summary>
        /// True when, taken in seqNo order (the order the station produced them), no energy reading
        /// is below the one before. Duplicate events add no readings (the CSMS skips them).
        /// </summary>
        public bool EnergyNeverDecreases
        {
            get
            {
                List<EnergyReading> ordered = ReadingsInSeqNoOrder();
                for (int i = 1; i < ordered.Count; i++)
                {
                    if (ordered[i].EnergyWh < ordered[i - 1].EnergyWh)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Last minus first register reading in seqNo order; 0 with fewer than two readings.</summary>
        public double EnergyDeliveredWh
        {
            get
            {
                List<EnergyReading> ordered = ReadingsInSeqNoOrder();
                if (ordered.Count < 2)
                {
                    return 0;
                }

                return ordered[ordered.Count - 1].EnergyWh - ordered[0].EnergyWh;
            }
        }

        /// <summary>True when exactly one Started and one Ended arrived, no seqNo is missing or repeated.</summary>
        public bool IsComplete
        {
            get { return StartedCount == 1 && EndedCount == 1 && !HasSeqNoGap && !HasDuplicate; }
        }

        internal bool Record(string eventType, int seqNo, string triggerReason, string timestamp, bool offline,
            string chargingState, long receivedAtMs)
        {
            bool duplicate = !_seqNos.Add(seqNo);
            if (duplicate)
            {
                _duplicateSeqNos.Add(seqNo);
            }
            else if (_events.Count > 0 && seqNo < MaxSeqNoBefore())
            {
                OutOfOrderCount++;
            }

            if (_events.Count == 0)
            {
                FirstEventAtMs = receivedAtMs;
            }

            LastEventAtMs = receivedAtMs;
            _events.Add(new TransactionEventRecord(eventType, seqNo, triggerReason, timestamp, offline, chargingState,
                receivedAtMs, duplicate));
            if (eventType == "Started")
            {
                StartedCount++;
            }
            else if (eventType == "Updated")
            {
                UpdatedCount++;
            }
            else
            {
                EndedCount++;
            }

            if (offline)
            {
                OfflineEventCount++;
            }

            if (chargingState != null)
            {
                LastChargingState = chargingState;
            }

            return duplicate;
        }

        internal void SetIdToken(string idToken, string type)
        {
            IdToken = idToken;
            IdTokenType = type;
        }

        internal void SetEvse(int evseId)
        {
            EvseId = evseId;
        }

        internal void SetRemoteStartId(int remoteStartId)
        {
            RemoteStartId = remoteStartId;
        }

        internal void SetStoppedReason(string stoppedReason)
        {
            StoppedReason = stoppedReason;
        }

        internal void AddEnergy(EnergyReading reading)
        {
            _energy.Add(reading);
        }

        public override string ToString()
        {
            return StationId + "/" + TransactionId + " Started " + StartedCount + ", Updated " + UpdatedCount +
                ", Ended " + EndedCount;
        }

        private int MaxSeqNoBefore()
        {
            int highest = -1;
            for (int i = 0; i < _events.Count; i++)
            {
                if (_events[i].SeqNo > highest)
                {
                    highest = _events[i].SeqNo;
                }
            }

            return highest;
        }

        private List<EnergyReading> ReadingsInSeqNoOrder()
        {
            // OrderBy is stable, so several readings inside one event keep their order.
            return _energy.OrderBy(reading => reading.SeqNo).ToList();
        }
    }
}
