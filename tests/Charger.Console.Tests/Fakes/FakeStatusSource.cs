using System;
using System.Collections.Generic;
using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    /// <summary>Status lines per topic, set by the test.</summary>
    public sealed class FakeStatusSource : IConsoleStatusSource
    {
        private readonly Dictionary<ConsoleTopic, string[]> _topics = new Dictionary<ConsoleTopic, string[]>();

        public int Calls { get; private set; }

        public void Set(ConsoleTopic topic, params string[] lines)
        {
            _topics[topic] = lines;
        }

        public int ReadLines(ConsoleTopic topic, string[] destination)
        {
            Calls++;
            if (!_topics.TryGetValue(topic, out string[] lines))
            {
                return 0;
            }

            int n = Math.Min(lines.Length, destination.Length);
            Array.Copy(lines, destination, n);
            return n;
        }
    }
}
