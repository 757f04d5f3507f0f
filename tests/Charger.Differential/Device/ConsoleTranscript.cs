using System;
using Charger.Differential.Session;

namespace Charger.Differential
{
    public sealed class ConsoleTranscript : ITranscript
    {
        public void Line(string text)
        {
            Console.WriteLine("T|" + text);
        }
    }
}
