namespace Charger.Firmware.Console
{
    /// <summary>
    /// Turns raw UART bytes into command lines the way a dumb terminal expects: printable ASCII is
    /// echoed, BS and DEL erase ("\b \b"), Ctrl-U clears, Ctrl-C cancels, ESC [ A / ESC [ B (and
    /// the ESC O forms) walk the history, and CR, LF or CR LF end a line (CR LF counts once).
    /// Every other byte (binary noise, other escape sequences, 8-bit bytes) is ignored and counted.
    /// The line lives in a fixed buffer; past the limit bytes are refused, not stored.
    /// </summary>
    public sealed class LineEditor
    {
        private const byte CtrlC = 0x03;
        private const byte Backspace = 0x08;
        private const byte LineFeed = 0x0A;
        private const byte CarriageReturn = 0x0D;
        private const byte CtrlU = 0x15;
        private const byte Escape = 0x1B;
        private const byte Delete = 0x7F;
        private const byte Bell = 0x07;

        /// <summary>ECMA-48 section 5.4: parameter and intermediate bytes before the final byte. Longer is noise.</summary>
        private const int MaxEscapeSequenceBytes = 16;

        private const int StateText = 0;
        private const int StateEscape = 1;
        private const int StateCsi = 2;
        private const int StateSs3 = 3;

        private readonly byte[] _line;
        private readonly OutputBuffer _echo;
        private readonly CommandHistory _history;
        private int _length;
        private int _refused;
        private bool _afterCarriageReturn;
        private int _escapeState = StateText;
        private int _escapeLength;
        private bool _csiHasParameters;
        private int _historyAge = -1;
        private long _ignoredBytes;
        private long _refusedLines;

        public LineEditor(int maxChars, OutputBuffer echo, CommandHistory history)
        {
            if (maxChars <= 0)
            {
                throw new System.ArgumentOutOfRangeException("maxChars", "line limit must be positive");
            }

            _line = new byte[maxChars];
            _echo = echo;
            _history = history;
        }

        /// <summary>Password entry: nothing typed is echoed and the history is out of reach.</summary>
        public bool Masked { get; set; }

        /// <summary>Whether up/down arrows recall history (off for passwords and confirmations).</summary>
        public bool HistoryEnabled { get; set; } = true;

        public int MaxChars
        {
            get { return _line.Length; }
        }

        /// <summary>Characters in the line so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True while input past the limit is being refused.</summary>
        public bool IsOverLimit
        {
            get { return _refused > 0; }
        }

        /// <summary>Bytes ignored since boot: control codes without a meaning here, 8-bit bytes, unknown escapes.</summary>
        public long IgnoredBytes
        {
            get { return _ignoredBytes; }
        }

        /// <summary>Lines thrown away for going past the limit.</summary>
        public long RefusedLines
        {
            get { return _refusedLines; }
        }

        public LineEvent Feed(byte b)
        {
            if (_escapeState != StateText)
            {
                if (b >= 0x20 && b != Delete)
                {
                    FeedEscape(b);
                    return LineEvent.None;
                }

                // A control byte inside a sequence means the sequence was noise; the byte itself
                // (Enter, Ctrl-C) still counts, so a stray ESC can never swallow a line end.
                _escapeState = StateText;
                _ignoredBytes++;
            }

            if (b == LineFeed && _afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                return LineEvent.None;
            }

            // Telnet sends CR NUL; a NUL changes nothing, not even the CR LF pairing.
            if (b == 0)
            {
                _ignoredBytes++;
                return LineEvent.None;
            }

            _afterCarriageReturn = b == CarriageReturn;
            if (b == CarriageReturn || b == LineFeed)
            {
                return EndLine();
            }

            if (b >= 0x20 && b < Delete)
            {
                Insert(b);
                return LineEvent.None;
            }

            switch (b)
            {
                case Backspace:
                case Delete:
                    EraseOne();
                    return LineEvent.None;
                case CtrlU:
                    _refused = 0;
                    EraseAll();
                    _historyAge = -1;
                    return LineEvent.None;
                case CtrlC:
                    _echo.Write("^C\r\n");
                    Reset();
                    return LineEvent.Cancelled;
                case Escape:
                    _escapeState = StateEscape;
                    _escapeLength = 0;
                    return LineEvent.None;
                default:
                    _ignoredBytes++;
                    return LineEvent.None;
            }
        }

        /// <summary>The completed line as a string (after <see cref="LineEvent.LineReady"/>).</summary>
        public string GetLine()
        {
            char[] chars = new char[_length];
            for (int i = 0; i < _length; i++)
            {
                chars[i] = (char)_line[i];
            }

            return new string(chars);
        }

        /// <summary>Copies the line's bytes (a password) without making a string that would outlive it.</summary>
        public int CopyTo(byte[] destination)
        {
            int n = _length < destination.Length ? _length : destination.Length;
            System.Array.Copy(_line, 0, destination, 0, n);
            return n;
        }

        /// <summary>Starts a new line; the old bytes are zeroed (they may have been a password).</summary>
        public void Reset()
        {
            System.Array.Clear(_line, 0, _line.Length);
            _length = 0;
            _refused = 0;
            _historyAge = -1;
            _escapeState = StateText;
        }

        /// <summary>Echoes the line typed so far again (after a message interrupted it).</summary>
        public void Redraw()
        {
            if (Masked)
            {
                return;
            }

            for (int i = 0; i < _length; i++)
            {
                _echo.WriteByte(_line[i]);
            }
        }

        private LineEvent EndLine()
        {
            _echo.Write("\r\n");
            _historyAge = -1;
            if (_refused > 0)
            {
                _refusedLines++;
                Reset();
                return LineEvent.TooLong;
            }

            return LineEvent.LineReady;
        }

        private void Insert(byte b)
        {
            if (_length == _line.Length || _refused > 0)
            {
                if (_refused == 0)
                {
                    // One bell when the limit is reached; a pasted kilobyte must not ring a kilobyte.
                    _echo.WriteByte(Bell);
                }

                if (_refused < int.MaxValue)
                {
                    _refused++;
                }

                return;
            }

            _line[_length++] = b;
            if (!Masked)
            {
                _echo.WriteByte(b);
            }
        }

        private void EraseOne()
        {
            if (_refused > 0)
            {
                // The refused characters were never shown, so taking one back shows nothing either.
                _refused--;
                return;
            }

            if (_length == 0)
            {
                return;
            }

            _length--;
            _line[_length] = 0;
            if (!Masked)
            {
                _echo.Write("\b \b");
            }
        }

        private void EraseAll()
        {
            while (_length > 0)
            {
                EraseOne();
            }
        }

        private void FeedEscape(byte b)
        {
            _escapeLength++;
            if (_escapeLength > MaxEscapeSequenceBytes)
            {
                _escapeState = StateText;
                _ignoredBytes += _escapeLength;
                return;
            }

            if (_escapeState == StateEscape)
            {
                if (b == '[')
                {
                    _escapeState = StateCsi;
                    _csiHasParameters = false;
                }
                else if (b == 'O')
                {
                    _escapeState = StateSs3;
                }
                else
                {
                    _escapeState = StateText;
                    _ignoredBytes += 2;
                }

                return;
            }

            if (_escapeState == StateCsi && b < 0x40)
            {
                // Parameter (0x30-0x3F) or intermediate (0x20-0x2F) byte: the sequence goes on.
                _csiHasParameters = true;
                return;
            }

            // Final byte of CSI or SS3.
            bool plain = _escapeState == StateSs3 || !_csiHasParameters;
            _escapeState = StateText;
            if (plain && b == 'A')
            {
                Recall(_historyAge + 1);
            }
            else if (plain && b == 'B')
            {
                Recall(_historyAge - 1);
            }
            else
            {
                // Left/right arrows, function keys: not supported on a dumb terminal, ignored.
                _ignoredBytes += _escapeLength + 1;
            }
        }

        private void Recall(int age)
        {
            if (!HistoryEnabled || Masked || _history == null)
            {
                return;
            }

            if (age < -1 || age >= _history.Count)
            {
                _echo.WriteByte(Bell);
                return;
            }

            _refused = 0;
            EraseAll();
            _historyAge = age;
            if (age == -1)
            {
                return;
            }

            string text = _history.Get(age);
            for (int i = 0; i < text.Length && _length < _line.Length; i++)
            {
                _line[_length++] = (byte)text[i];
            }

            Redraw();
        }
    }
}
