using Charger.Hal;

namespace Charger.Firmware.Diagnostics
{
    /// <summary>
    /// The bounded log: the newest <c>capacity</c> lines, oldest overwritten and counted. Read by
    /// the console (log, log follow), the OCPP log upload and the simulator timeline. Writing never
    /// allocates beyond the strings the caller made.
    /// </summary>
    public sealed class LogRing : ILog
    {
        private readonly IClock _clock;
        private readonly LogEntry[] _entries;
        private readonly object _sync = new object();
        private long _nextSequence = 1;
        private int _count;
        private long _overwritten;
        private LogLevel _minimumLevel = LogLevel.Debug;

        public LogRing(IClock clock, int capacity)
        {
            if (capacity <= 0)
            {
                throw new System.ArgumentOutOfRangeException("capacity", "must be positive");
            }

            _clock = clock;
            _entries = new LogEntry[capacity];
        }

        public int Capacity
        {
            get { return _entries.Length; }
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Lines lost to overwriting since boot.</summary>
        public long Overwritten
        {
            get { return _overwritten; }
        }

        /// <summary>Sequence number of the newest line (0 when empty).</summary>
        public long LastSequence
        {
            get { return _nextSequence - 1; }
        }

        /// <summary>Lines less severe than this are not kept (Debug keeps everything).</summary>
        public LogLevel MinimumLevel
        {
            get { return _minimumLevel; }
            set { _minimumLevel = value; }
        }

        /// <summary>Raised after each stored line (the simulator's timeline and event log listen).</summary>
        public event LogWrittenHandler Written;

        public void Write(LogLevel level, string component, string message)
        {
            if ((int)level > (int)_minimumLevel)
            {
                return;
            }

            LogEntry entry;
            lock (_sync)
            {
                int slot = (int)((_nextSequence - 1) % _entries.Length);
                if (_count == _entries.Length)
                {
                    _overwritten++;
                }
                else
                {
                    _count++;
                }

                entry.Sequence = _nextSequence++;
                entry.TimestampMs = _clock.NowMs;
                entry.Level = level;
                entry.Component = component == null ? "" : component;
                entry.Message = message == null ? "" : message;
                _entries[slot] = entry;
            }

            LogWrittenHandler handler = Written;
            if (handler != null)
            {
                handler(entry);
            }
        }

        /// <summary>
        /// Copies into <paramref name="destination"/>, oldest first, the newest lines that are at
        /// least as severe as <paramref name="maxLevel"/> and, when <paramref name="component"/> is
        /// not null, from that component. Returns how many were copied.
        /// </summary>
        public int CopyNewest(LogEntry[] destination, LogLevel maxLevel, string component)
        {
            lock (_sync)
            {
                int found = 0;
                // Walk newest to oldest, filling from the end so the result reads oldest first.
                for (int age = 0; age < _count && found < destination.Length; age++)
                {
                    LogEntry e = _entries[(int)((_nextSequence - 2 - age) % _entries.Length)];
                    if (Matches(e, maxLevel, component))
                    {
                        destination[destination.Length - 1 - found] = e;
                        found++;
                    }
                }

                if (found < destination.Length)
                {
                    System.Array.Copy(destination, destination.Length - found, destination, 0, found);
                }

                return found;
            }
        }

        /// <summary>
        /// Copies lines newer than <paramref name="afterSequence"/>, oldest first, up to the
        /// destination's length. Lines already overwritten are skipped; the caller sees the gap in
        /// the sequence numbers.
        /// </summary>
        public int ReadSince(long afterSequence, LogEntry[] destination)
        {
            lock (_sync)
            {
                long oldest = _nextSequence - _count;
                long from = afterSequence + 1 < oldest ? oldest : afterSequence + 1;
                int copied = 0;
                for (long seq = from; seq < _nextSequence && copied < destination.Length; seq++)
                {
                    destination[copied++] = _entries[(int)((seq - 1) % _entries.Length)];
                }

                return copied;
            }
        }

        private static bool Matches(LogEntry e, LogLevel maxLevel, string component)
        {
            if ((int)e.Level > (int)maxLevel)
            {
                return false;
            }

            return component == null || e.Component == component;
        }
    }
}
