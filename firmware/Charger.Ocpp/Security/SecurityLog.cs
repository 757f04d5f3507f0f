using System;
using System.Text;
using Charger.Hal;
using Charger.Ocpp.Diagnostics;
using Charger.Ocpp.Json;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// The bounded, persistent security log (OCPP 2.0.1 A04.FR.01): one file-store record per event,
    /// named by a sequence number that never repeats, so a power cut during a write loses at most
    /// that event and never damages another (WriteAtomic). When the log is full the oldest event is
    /// dropped, and every record carries the total number dropped so far, so the count survives
    /// power cuts without a separate record. It is also the queue of critical events still to be
    /// delivered to the CSMS: <see cref="AcknowledgedSequence"/> (record <see cref="AckRecord"/>)
    /// says how far delivery has got.
    ///
    /// Write order on append: the new record first, then the oldest deleted. A cut between the two
    /// leaves one record too many, which <see cref="Load"/> removes.
    /// </summary>
    public sealed class SecurityLog : ILogLineSource
    {
        public const string RecordPrefix = "sec.";
        public const string AckRecord = "sec-ack";

        /// <summary>Events kept by default: security events are rare (a few a day), so 100 is weeks of history in about 20 KB of flash.</summary>
        public const int DefaultCapacity = 100;

        private const string Component = "security";
        private const int SequenceDigits = 12;
        private const string FormatVersion = "1";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly int _capacity;
        private long _first = 1;
        private long _next = 1;
        private int _count;
        private long _dropped;
        private long _droppedUndelivered;
        private long _acked;
        private long _scanFrom = 1;
        private long _writeFailures;

        public SecurityLog(IFileStore store, ILog log, int capacity)
        {
            if (store == null || log == null)
            {
                throw new ArgumentNullException("store", "the security log needs a file store and a log");
            }

            if (capacity < 2)
            {
                throw new ArgumentOutOfRangeException("capacity", "the security log keeps at least 2 events");
            }

            _store = store;
            _log = log;
            _capacity = capacity;
        }

        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Events in the log now.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Events dropped because the log was full, since the station was first started.</summary>
        public long Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Critical events dropped (log full) before the CSMS had them; since boot.</summary>
        public long DroppedUndelivered
        {
            get { return _droppedUndelivered; }
        }

        /// <summary>Events that could not be written (file store full); since boot.</summary>
        public long WriteFailures
        {
            get { return _writeFailures; }
        }

        /// <summary>Sequence of the oldest event kept (equals <see cref="LastSequence"/> + 1 when empty).</summary>
        public long FirstSequence
        {
            get { return _first; }
        }

        public long LastSequence
        {
            get { return _next - 1; }
        }

        /// <summary>Every critical event up to this sequence has been delivered to the CSMS.</summary>
        public long AcknowledgedSequence
        {
            get { return _acked; }
        }

        /// <summary>Reads the log's state from the file store after boot; removes the extra record a cut append can leave.</summary>
        public void Load()
        {
            string[] names = _store.List(RecordPrefix);
            _count = 0;
            _first = 1;
            _next = 1;
            _dropped = 0;
            long newest = 0;
            long oldest = 0;
            for (int i = 0; i < names.Length; i++)
            {
                long seq = SequenceOf(names[i]);
                if (seq <= 0)
                {
                    continue;
                }

                if (oldest == 0 || seq < oldest)
                {
                    oldest = seq;
                }

                if (seq > newest)
                {
                    newest = seq;
                }

                _count++;
            }

            if (_count > 0)
            {
                _first = oldest;
                _next = newest + 1;
                SecurityLogEntry last = Read(newest);
                if (last != null)
                {
                    _dropped = last.DroppedBefore;
                }
            }

            byte[] ack = _store.Read(AckRecord);
            long acked = 0;
            if (ack != null && !JsonNumber.TryParseInteger(Encoding.UTF8.GetString(ack, 0, ack.Length), out acked))
            {
                _log.Write(LogLevel.Error, Component, "security log delivery mark unreadable; critical events are sent again");
                acked = 0;
            }

            _acked = acked;
            _scanFrom = _acked + 1;

            // One record over capacity is an append cut before its eviction: the newest record already
            // counts that eviction. More than one means the capacity was lowered: those drops are new.
            int extra = _count - _capacity;
            for (int i = 0; i < extra; i++)
            {
                DeleteOldest();
                if (i > 0)
                {
                    _dropped++;
                }
            }

        }

        /// <summary>
        /// Appends an event (dropping the oldest when full) and returns it, or null when the file
        /// store refused the write (counted in <see cref="WriteFailures"/> and logged).
        /// </summary>
        public SecurityLogEntry Append(string type, bool critical, string techInfo, DateTime stamp)
        {
            SecurityLogEntry entry = new SecurityLogEntry();
            entry.Sequence = _next;
            entry.Critical = critical;
            entry.Timestamp = stamp;
            entry.Type = Clip(type == null ? "" : type, SecurityEventTypes.MaxTypeLength);
            entry.TechInfo = Clip(techInfo == null ? "" : techInfo, SecurityEventTypes.MaxTechInfoLength);
            bool evict = _count >= _capacity;
            entry.DroppedBefore = _dropped + (evict ? 1 : 0);
            byte[] bytes = Encoding.UTF8.GetBytes(Encode(entry));
            try
            {
                _store.WriteAtomic(NameOf(entry.Sequence), bytes, bytes.Length);
            }
            catch (StorageFullException e)
            {
                _writeFailures++;
                _log.Write(LogLevel.Error, Component, "security event " + entry.Type + " not kept: " + e.Message);
                return null;
            }

            _next++;
            _count++;
            _dropped = entry.DroppedBefore;
            if (evict)
            {
                DeleteOldest();
            }

            return entry;
        }

        /// <summary>The event with this sequence, or null when it is not (or no longer) in the log or its record is damaged.</summary>
        public SecurityLogEntry Read(long sequence)
        {
            if (sequence < _first || sequence >= _next)
            {
                return null;
            }

            byte[] bytes = _store.Read(NameOf(sequence));
            if (bytes == null)
            {
                return null;
            }

            SecurityLogEntry entry = Decode(Encoding.UTF8.GetString(bytes, 0, bytes.Length));
            if (entry == null || entry.Sequence != sequence)
            {
                _log.Write(LogLevel.Error, Component, "security log record " + sequence + " unreadable; skipped");
                return null;
            }

            return entry;
        }

        /// <summary>The oldest critical event not yet delivered, or null.</summary>
        public SecurityLogEntry NextUndelivered()
        {
            long from = _scanFrom < _first ? _first : _scanFrom;
            for (long seq = from; seq < _next; seq++)
            {
                SecurityLogEntry entry = Read(seq);
                if (entry != null && entry.Critical && seq > _acked)
                {
                    _scanFrom = seq;
                    return entry;
                }
            }

            _scanFrom = _next;
            return null;
        }

        /// <summary>The CSMS has the critical event <paramref name="sequence"/> (and everything before it is dealt with).</summary>
        public void Acknowledge(long sequence)
        {
            if (sequence <= _acked)
            {
                return;
            }

            _acked = sequence;
            _scanFrom = sequence + 1;
            byte[] bytes = Encoding.UTF8.GetBytes(sequence.ToString());
            try
            {
                _store.WriteAtomic(AckRecord, bytes, bytes.Length);
            }
            catch (StorageFullException e)
            {
                // Delivery stays correct for this boot; after a reboot the event is sent again (at least once).
                _log.Write(LogLevel.Error, Component, "security log delivery mark not saved: " + e.Message);
            }
        }

        /// <summary>
        /// Empties the log (sequence numbers go on, never reused). The caller raises
        /// SecurityLogWasCleared afterwards, which becomes the first event of the emptied log.
        /// Undelivered critical events are dropped with it and counted.
        /// </summary>
        public int Clear()
        {
            int removed = 0;
            for (long seq = _first; seq < _next; seq++)
            {
                SecurityLogEntry entry = Read(seq);
                if (entry != null && entry.Critical && seq > _acked)
                {
                    _droppedUndelivered++;
                }

                if (_store.Delete(NameOf(seq)))
                {
                    removed++;
                }
            }

            _first = _next;
            _count = 0;
            Acknowledge(_next - 1);
            return removed;
        }

        public string NextLine(long afterSequence, out long sequence, out DateTime utc)
        {
            long from = afterSequence + 1 < _first ? _first : afterSequence + 1;
            for (long seq = from; seq < _next; seq++)
            {
                SecurityLogEntry entry = Read(seq);
                if (entry != null)
                {
                    sequence = seq;
                    utc = entry.Timestamp;
                    return FormatLine(entry);
                }
            }

            sequence = _next;
            utc = DateTime.MinValue;
            return null;
        }

        /// <summary>An event as a line of the uploaded security log: time, sequence, type, criticality, techInfo.</summary>
        public static string FormatLine(SecurityLogEntry entry)
        {
            return Rfc3339.Format(entry.Timestamp) + " #" + entry.Sequence.ToString() + " " + entry.Type
                + (entry.Critical ? " critical" : " -") + (entry.TechInfo.Length > 0 ? " " + entry.TechInfo : "");
        }

        private void DeleteOldest()
        {
            while (_first < _next)
            {
                long seq = _first;
                SecurityLogEntry pending = seq > _acked ? Read(seq) : null;
                _first++;
                if (_store.Delete(NameOf(seq)))
                {
                    _count--;
                    if (pending != null && pending.Critical)
                    {
                        _droppedUndelivered++;
                        _log.Write(LogLevel.Warning, Component, "security log full: critical event #" + seq + " " + pending.Type
                            + " dropped before the CSMS had it");
                    }

                    return;
                }
            }
        }

        private static string NameOf(long sequence)
        {
            string digits = sequence.ToString();
            StringBuilder sb = new StringBuilder(RecordPrefix.Length + SequenceDigits);
            sb.Append(RecordPrefix);
            for (int i = digits.Length; i < SequenceDigits; i++)
            {
                sb.Append('0');
            }

            sb.Append(digits);
            return sb.ToString();
        }

        private static long SequenceOf(string name)
        {
            long seq;
            if (name.Length <= RecordPrefix.Length || !JsonNumber.TryParseInteger(name.Substring(RecordPrefix.Length), out seq))
            {
                return -1;
            }

            return seq;
        }

        private static string Encode(SecurityLogEntry e)
        {
            return FormatVersion + "|" + e.Sequence.ToString() + "|" + e.DroppedBefore.ToString() + "|" + (e.Critical ? "C" : "-") + "|"
                + Rfc3339.Format(e.Timestamp) + "|" + e.Type + "|" + e.TechInfo;
        }

        private static SecurityLogEntry Decode(string text)
        {
            // version|seq|dropped|critical|timestamp|type|techInfo (techInfo last: it may hold '|').
            string[] fields = new string[7];
            int start = 0;
            for (int i = 0; i < 6; i++)
            {
                int bar = text.IndexOf('|', start);
                if (bar < 0)
                {
                    return null;
                }

                fields[i] = text.Substring(start, bar - start);
                start = bar + 1;
            }

            fields[6] = text.Substring(start);
            SecurityLogEntry e = new SecurityLogEntry();
            if (fields[0] != FormatVersion
                || !JsonNumber.TryParseInteger(fields[1], out e.Sequence)
                || !JsonNumber.TryParseInteger(fields[2], out e.DroppedBefore)
                || !Rfc3339.TryParse(fields[4], out e.Timestamp))
            {
                return null;
            }

            e.Critical = fields[3] == "C";
            e.Type = fields[5];
            e.TechInfo = fields[6];
            return e;
        }

        private static string Clip(string s, int max)
        {
            return s.Length <= max ? s : s.Substring(0, max);
        }
    }
}
