namespace Charger.Firmware.Console
{
    /// <summary>
    /// The last few command lines for up-arrow recall: a fixed ring, the oldest forgotten first.
    /// Passwords and confirmation answers never enter it.
    /// </summary>
    public sealed class CommandHistory
    {
        private readonly string[] _lines;
        private int _newest = -1;
        private int _count;

        public CommandHistory(int depth)
        {
            if (depth <= 0)
            {
                throw new System.ArgumentOutOfRangeException("depth", "history depth must be positive");
            }

            _lines = new string[depth];
        }

        public int Count
        {
            get { return _count; }
        }

        public int Depth
        {
            get { return _lines.Length; }
        }

        /// <summary>Remembers a line; empty lines and a repeat of the newest line are skipped.</summary>
        public void Add(string line)
        {
            if (line == null || line.Length == 0)
            {
                return;
            }

            if (_count > 0 && _lines[_newest] == line)
            {
                return;
            }

            _newest = (_newest + 1) % _lines.Length;
            _lines[_newest] = line;
            if (_count < _lines.Length)
            {
                _count++;
            }
        }

        /// <summary>The line <paramref name="age"/> commands back (0 = newest), or null past the oldest.</summary>
        public string Get(int age)
        {
            if (age < 0 || age >= _count)
            {
                return null;
            }

            return _lines[(_newest - age + _lines.Length) % _lines.Length];
        }
    }
}
