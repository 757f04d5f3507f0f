using Charger.Firmware.Diagnostics;
using Charger.Hal;

namespace Charger.Firmware.Console
{
    /// <summary>
    /// The console's bounded transmit queue: a byte ring filled by commands and drained to the
    /// port a budget at a time from the tick. A write that does not fit is dropped whole and
    /// counted (a half line is worse than none); once the ring has drained, one notice line says
    /// how much was lost. Nothing here allocates.
    /// </summary>
    public sealed class OutputBuffer
    {
        /// <summary>Room the drop notice needs; the ring must hold at least this.</summary>
        public const int MinCapacityBytes = 64;

        private const byte Replacement = (byte)'?';

        private const string TruncationMark = "...";

        private readonly byte[] _ring;
        private int _head;
        private int _count;
        private long _droppedBytes;
        private long _unreportedDroppedBytes;
        private long _writtenBytes;

        public OutputBuffer(int capacityBytes)
        {
            if (capacityBytes < MinCapacityBytes)
            {
                throw new System.ArgumentOutOfRangeException("capacityBytes", "console output buffer needs at least " + MinCapacityBytes + " bytes");
            }

            _ring = new byte[capacityBytes];
        }

        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>Bytes waiting for the port.</summary>
        public int Count
        {
            get { return _count; }
        }

        public int Free
        {
            get { return _ring.Length - _count; }
        }

        /// <summary>Bytes dropped since boot because the ring was full.</summary>
        public long DroppedBytes
        {
            get { return _droppedBytes; }
        }

        /// <summary>Bytes handed to the port since boot.</summary>
        public long WrittenBytes
        {
            get { return _writtenBytes; }
        }

        /// <summary>Queues <paramref name="text"/> (ASCII; anything else becomes '?'). False when dropped.</summary>
        public bool Write(string text)
        {
            if (text == null || text.Length == 0)
            {
                return true;
            }

            if (!Reserve(text.Length))
            {
                return false;
            }

            AppendText(text);
            return true;
        }

        /// <summary>Queues <paramref name="text"/> and CR LF as one unit: the whole line or nothing.</summary>
        public bool WriteLine(string text)
        {
            int length = text == null ? 0 : text.Length;
            if (!Reserve(length + 2))
            {
                return false;
            }

            if (text != null)
            {
                AppendText(text);
            }

            Append((byte)'\r');
            Append((byte)'\n');
            return true;
        }

        /// <summary>Queues one byte (keyboard echo). False when dropped.</summary>
        public bool WriteByte(byte value)
        {
            if (!Reserve(1))
            {
                return false;
            }

            Append(value);
            return true;
        }

        /// <summary>
        /// Queues one log line formatted as <see cref="LogEntry.ToString"/> does, without building
        /// a string (log follow runs every tick). Returns false, without counting a drop, when it
        /// does not fit: the caller keeps the line and tries again after the next drain.
        /// </summary>
        public bool TryWriteLogEntry(LogEntry entry)
        {
            string component = entry.Component == null ? "" : entry.Component;
            string message = entry.Message == null ? "" : entry.Message;
            string level = LogFormat.LevelName(entry.Level);
            long totalSeconds = entry.TimestampMs / 1000;
            long hours = totalSeconds / 3600;
            // "h:mm:ss.mmm level component: message\r\n"
            int fixedLength = DigitCount(hours) + 10 + 1 + level.Length + 1 + component.Length + 2 + 2;
            int messageChars = message.Length;
            bool truncated = false;
            if (fixedLength + messageChars > _ring.Length)
            {
                // A line longer than the whole ring could never be written; shorten it so a
                // follow or dump cannot stall on it.
                messageChars = _ring.Length - fixedLength - TruncationMark.Length;
                truncated = true;
                if (messageChars < 0)
                {
                    _droppedBytes += fixedLength + message.Length;
                    _unreportedDroppedBytes += fixedLength + message.Length;
                    return true;
                }
            }

            int length = fixedLength + messageChars + (truncated ? TruncationMark.Length : 0);
            if (length > Free)
            {
                return false;
            }

            AppendNumber(hours, 1);
            Append((byte)':');
            AppendNumber((totalSeconds / 60) % 60, 2);
            Append((byte)':');
            AppendNumber(totalSeconds % 60, 2);
            Append((byte)'.');
            AppendNumber(entry.TimestampMs % 1000, 3);
            Append((byte)' ');
            AppendText(level);
            Append((byte)' ');
            AppendText(component);
            Append((byte)':');
            Append((byte)' ');
            for (int i = 0; i < messageChars; i++)
            {
                AppendChar(message[i]);
            }

            if (truncated)
            {
                AppendText(TruncationMark);
            }

            Append((byte)'\r');
            Append((byte)'\n');
            return true;
        }

        /// <summary>
        /// Hands up to <paramref name="maxBytes"/> to the port (at most two writes, the ring may
        /// wrap). When that empties the ring after a drop, queues the one-line drop notice.
        /// Returns the bytes written.
        /// </summary>
        public int Drain(ISerialPort port, int maxBytes)
        {
            int total = 0;
            while (_count > 0 && total < maxBytes)
            {
                int contiguous = _ring.Length - _head;
                int chunk = _count < contiguous ? _count : contiguous;
                if (chunk > maxBytes - total)
                {
                    chunk = maxBytes - total;
                }

                port.Write(_ring, _head, chunk);
                _head = (_head + chunk) % _ring.Length;
                _count -= chunk;
                total += chunk;
            }

            _writtenBytes += total;
            if (_count == 0 && _unreportedDroppedBytes > 0)
            {
                long dropped = _unreportedDroppedBytes;
                _unreportedDroppedBytes = 0;
                // Built only after a drop, which is already the exceptional path.
                WriteLine("[... " + dropped.ToString() + " bytes dropped]");
            }

            return total;
        }

        /// <summary>Forgets everything queued (the port was reopened).</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }

        private bool Reserve(int length)
        {
            if (length <= Free)
            {
                return true;
            }

            _droppedBytes += length;
            _unreportedDroppedBytes += length;
            return false;
        }

        private void AppendText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                AppendChar(text[i]);
            }
        }

        private void AppendChar(char c)
        {
            // A dumb terminal shows 7-bit ASCII; anything else would print as mojibake.
            Append((c >= ' ' && c <= '~') || c == '\r' || c == '\n' || c == '\b' || c == '\a' ? (byte)c : Replacement);
        }

        private void AppendNumber(long value, int minDigits)
        {
            int digits = DigitCount(value);
            for (int i = digits; i < minDigits; i++)
            {
                Append((byte)'0');
            }

            long divisor = 1;
            for (int i = 1; i < digits; i++)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                Append((byte)('0' + (int)((value / divisor) % 10)));
                divisor /= 10;
            }
        }

        private static int DigitCount(long value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value /= 10;
                digits++;
            }

            return digits;
        }

        private void Append(byte value)
        {
            _ring[(_head + _count) % _ring.Length] = value;
            _count++;
        }
    }
}
