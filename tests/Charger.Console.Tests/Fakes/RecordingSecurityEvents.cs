using System.Collections.Generic;
using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    public sealed class RecordingSecurityEvents : IConsoleSecurityEvents
    {
        public List<(string Type, string TechInfo, long NowMs)> Events { get; } = new List<(string, string, long)>();

        public void Raise(string type, string techInfo, long nowMs)
        {
            Events.Add((type, techInfo, nowMs));
        }

        public int Count(string type)
        {
            return Events.FindAll(e => e.Type == type).Count;
        }
    }
}
