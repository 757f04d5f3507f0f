using System.Collections.Generic;
using System.Text;
using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    /// <summary>Compares against a plain password and keeps the array it was given, to prove it is wiped.</summary>
    public sealed class FakePasswordVerifier : IMaintenancePasswordVerifier
    {
        private readonly string _password;

        public FakePasswordVerifier(string password)
        {
            _password = password;
        }

        public bool IsConfigured
        {
            get { return _password != null; }
        }

        public List<string> Attempts { get; } = new List<string>();

        public byte[] LastArray { get; private set; }

        public bool Verify(byte[] password, int length)
        {
            LastArray = password;
            string typed = Encoding.ASCII.GetString(password, 0, length);
            Attempts.Add(typed);
            return typed == _password;
        }
    }
}
