namespace Charger.Firmware.Console
{
    /// <summary>
    /// A command line split into words. Words are separated by spaces; double quotes keep spaces
    /// inside one word (<c>config set Vendor.Note "two words"</c>). The word count is bounded.
    /// </summary>
    public sealed class CommandLine
    {
        /// <summary>The longest command (config set C.V value) needs 4 words; a few spare for error messages.</summary>
        public const int MaxWords = 8;

        private readonly string[] _words = new string[MaxWords];
        private int _count;
        private string _error;

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Why the last <see cref="Parse"/> failed, or null.</summary>
        public string Error
        {
            get { return _error; }
        }

        /// <summary>The word at <paramref name="index"/>, or "" past the end (so checks read simply).</summary>
        public string Word(int index)
        {
            return index >= 0 && index < _count ? _words[index] : "";
        }

        /// <summary>The first word in lower case: command names are not case-sensitive.</summary>
        public string Name
        {
            get { return _count == 0 ? "" : _words[0].ToLower(); }
        }

        /// <summary>Splits <paramref name="line"/>; false with <see cref="Error"/> set when it cannot.</summary>
        public bool Parse(string line)
        {
            _count = 0;
            _error = null;
            for (int i = 0; i < _words.Length; i++)
            {
                _words[i] = null;
            }

            int pos = 0;
            while (pos < line.Length)
            {
                while (pos < line.Length && IsSpace(line[pos]))
                {
                    pos++;
                }

                if (pos == line.Length)
                {
                    break;
                }

                if (_count == _words.Length)
                {
                    _error = "too many words (at most " + MaxWords + ")";
                    return false;
                }

                if (line[pos] == '"')
                {
                    int close = line.IndexOf('"', pos + 1);
                    if (close < 0)
                    {
                        _error = "missing closing quote";
                        return false;
                    }

                    if (close + 1 < line.Length && !IsSpace(line[close + 1]))
                    {
                        _error = "a closing quote must end the word";
                        return false;
                    }

                    _words[_count++] = line.Substring(pos + 1, close - pos - 1);
                    pos = close + 1;
                    continue;
                }

                int start = pos;
                while (pos < line.Length && !IsSpace(line[pos]))
                {
                    if (line[pos] == '"')
                    {
                        _error = "a quote may only start a word";
                        return false;
                    }

                    pos++;
                }

                _words[_count++] = line.Substring(start, pos - start);
            }

            return true;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t';
        }
    }
}
