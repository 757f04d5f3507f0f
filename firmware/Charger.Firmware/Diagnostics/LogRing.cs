using System.Text;
using Charger.Hal;

namespace Charger.Firmware.Diagnostics
{
    /// <summary>
    /// The bounded log: the newest lines, oldest overwritten and counted. Read by the console (log,
    /// log follow), the OCPP log upload and the simulator timeline.
    /// <para>
    /// Memory is fixed at construction and does not grow with what is logged: per line a timestamp,
    /// a level and a component index (about 14 bytes), and the message text as UTF-8 in one shared
    /// text ring. A line drops out when its slot or its text is overwritten, whichever comes first;
    /// either way it is counted in <see cref="Overwritten"/>. Writing copies the text and keeps no
    /// reference to the caller's string; reading makes the strings it returns.
    /// </para>
    /// </summary>
    public sealed class LogRing : ILog
    {
        /// <summary>Longest message kept; longer text is cut at a character boundary and ends in "...".</summary>
        public const int MaxMessageBytes = 240;

        /// <summary>Text ring bytes per line when the constructor is not told (the average line is shorter).</summary>
        public const int DefaultTextBytesPerLine = 64;

        /// <summary>Distinct component names the ring can tell apart; the code base uses about 25.</summary>
        public const int MaxComponents = 64;

        private const string Ellipsis = "...";
        private const byte UnknownComponent = 255;

        private readonly IClock _clock;
        private readonly object _sync = new object();
        private readonly long[] _timestampMs;
        private readonly byte[] _level;
        private readonly byte[] _component;
        private readonly long[] _textStart;
        private readonly short[] _textLength;
        private readonly byte[] _text;
        private readonly string[] _componentNames = new string[MaxComponents];
        private int _componentCount;
        private long _textHead;
        private long _nextSequence = 1;
        private int _count;
        private long _overwritten;
        private LogLevel _minimumLevel = LogLevel.Debug;

        public LogRing(IClock clock, int capacity) : this(clock, capacity, capacity * DefaultTextBytesPerLine)
        {
        }

        /// <param name="capacity">Lines kept at most.</param>
        /// <param name="textBytes">Bytes of message text kept at most (at least two maximal messages).</param>
        public LogRing(IClock clock, int capacity, int textBytes)
        {
            if (capacity <= 0)
            {
                throw new System.ArgumentOutOfRangeException("capacity", "must be positive");
            }

            _clock = clock;
            _timestampMs = new long[capacity];
            _level = new byte[capacity];
            _component = new byte[capacity];
            _textStart = new long[capacity];
            _textLength = new short[capacity];
            _text = new byte[textBytes < 2 * MaxMessageBytes ? 2 * MaxMessageBytes : textBytes];
        }

        /// <summary>Bytes a ring of this size holds for its whole life (the README's memory table).</summary>
        public static int MemoryBytes(int capacity, int textBytes)
        {
            return capacity * (8 + 1 + 1 + 8 + 2) + (textBytes < 2 * MaxMessageBytes ? 2 * MaxMessageBytes : textBytes) + MaxComponents * 4;
        }

        public int Capacity
        {
            get { return _timestampMs.Length; }
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
            entry.Component = component == null ? "" : component;
            entry.Message = message == null ? "" : message;
            entry.Level = level;
            lock (_sync)
            {
                int capacity = _timestampMs.Length;
                if (_count == capacity)
                {
                    _count--;
                    _overwritten++;
                }

                long sequence = _nextSequence++;
                int slot = (int)((sequence - 1) % capacity);
                entry.Sequence = sequence;
                entry.TimestampMs = _clock.NowMs;
                _timestampMs[slot] = entry.TimestampMs;
                _level[slot] = (byte)level;
                _component[slot] = ComponentIndex(entry.Component);
                StoreText(slot, entry.Message);
                _count++;
                DropLinesWhoseTextWasOverwritten();
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
                    long sequence = _nextSequence - 1 - age;
                    int slot = (int)((sequence - 1) % _timestampMs.Length);
                    if (Matches(slot, maxLevel, component))
                    {
                        destination[destination.Length - 1 - found] = EntryAt(sequence, slot);
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
                    destination[copied++] = EntryAt(seq, (int)((seq - 1) % _timestampMs.Length));
                }

                return copied;
            }
        }

        private LogEntry EntryAt(long sequence, int slot)
        {
            LogEntry e;
            e.Sequence = sequence;
            e.TimestampMs = _timestampMs[slot];
            e.Level = (LogLevel)_level[slot];
            byte c = _component[slot];
            e.Component = c == UnknownComponent ? "?" : _componentNames[c];
            e.Message = _textLength[slot] == 0 ? "" : Encoding.UTF8.GetString(_text, (int)(_textStart[slot] % _text.Length), _textLength[slot]);
            return e;
        }

        private bool Matches(int slot, LogLevel maxLevel, string component)
        {
            if (_level[slot] > (int)maxLevel)
            {
                return false;
            }

            if (component == null)
            {
                return true;
            }

            byte c = _component[slot];
            return c != UnknownComponent && _componentNames[c] == component;
        }

        private byte ComponentIndex(string component)
        {
            for (int i = 0; i < _componentCount; i++)
            {
                if (_componentNames[i] == component)
                {
                    return (byte)i;
                }
            }

            if (_componentCount == MaxComponents)
            {
                return UnknownComponent;
            }

            _componentNames[_componentCount] = component;
            return (byte)_componentCount++;
        }

        /// <summary>Copies the message's UTF-8 into the text ring, contiguously (a tail too short is skipped).</summary>
        private void StoreText(int slot, string message)
        {
            // One copy to a char array: nanoCLR keeps strings as UTF-8, so indexing one walks it from
            // the start, and a per-character loop over the string would be quadratic.
            char[] text = message.ToCharArray();
            int bytes;
            int chars = CharsFitting(text, MaxMessageBytes, out bytes);
            bool cut = chars < text.Length;
            if (cut)
            {
                chars = CharsFitting(text, MaxMessageBytes - Ellipsis.Length, out bytes);
                bytes += Ellipsis.Length;
            }

            int size = _text.Length;
            int offset = (int)(_textHead % size);
            if (offset + bytes > size)
            {
                _textHead += size - offset;
                offset = 0;
            }

            int written = Encoding.UTF8.GetBytes(message, 0, chars, _text, offset);
            if (!cut && written < bytes)
            {
                // An encoder that writes a lone surrogate shorter than the count above.
                bytes = written;
            }

            if (cut)
            {
                int at = offset + bytes - Ellipsis.Length;
                for (int i = 0; i < Ellipsis.Length; i++)
                {
                    _text[at + i] = (byte)Ellipsis[i];
                }
            }

            _textStart[slot] = _textHead;
            _textLength[slot] = (short)bytes;
            _textHead += bytes;
        }

        private void DropLinesWhoseTextWasOverwritten()
        {
            long firstValid = _textHead - _text.Length;
            while (_count > 1)
            {
                long oldest = _nextSequence - _count;
                int slot = (int)((oldest - 1) % _timestampMs.Length);
                if (_textStart[slot] >= firstValid)
                {
                    return;
                }

                _count--;
                _overwritten++;
            }
        }

        /// <summary>
        /// How many leading characters fit in <paramref name="maxBytes"/> of UTF-8 without splitting a
        /// surrogate pair, and their length in <paramref name="bytes"/> (a lone surrogate counts 3).
        /// </summary>
        private static int CharsFitting(char[] text, int maxBytes, out int bytes)
        {
            bytes = 0;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                int width = 3;
                int span = 1;
                if (c < 0x80)
                {
                    width = 1;
                }
                else if (c < 0x800)
                {
                    width = 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    width = 4;
                    span = 2;
                }

                if (bytes + width > maxBytes)
                {
                    break;
                }

                bytes += width;
                i += span;
            }

            return i;
        }
    }
}
