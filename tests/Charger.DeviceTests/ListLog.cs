using System.Collections;
using Charger.Hal;

namespace Charger.DeviceTests
{
    /// <summary>An ILog that keeps every line (level, component, message) for assertions on the device.</summary>
    public sealed class ListLog : ILog
    {
        private readonly ArrayList _levels = new ArrayList();
        private readonly ArrayList _messages = new ArrayList();

        public int Count
        {
            get { return _messages.Count; }
        }

        public void Write(LogLevel level, string component, string message)
        {
            _levels.Add((int)level);
            _messages.Add(component + ": " + message);
        }

        /// <summary>Whether any line, of any level, contains <paramref name="fragment"/>.</summary>
        public bool Contains(string fragment)
        {
            for (int i = 0; i < _messages.Count; i++)
            {
                if (((string)_messages[i]).IndexOf(fragment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a line of exactly <paramref name="level"/> contains <paramref name="fragment"/>.</summary>
        public bool Has(LogLevel level, string fragment)
        {
            for (int i = 0; i < _messages.Count; i++)
            {
                if ((int)_levels[i] == (int)level && ((string)_messages[i]).IndexOf(fragment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many lines of <paramref name="level"/> contain <paramref name="fragment"/>.</summary>
        public int CountOf(LogLevel level, string fragment)
        {
            int n = 0;
            for (int i = 0; i < _messages.Count; i++)
            {
                if ((int)_levels[i] == (int)level && ((string)_messages[i]).IndexOf(fragment) >= 0)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
