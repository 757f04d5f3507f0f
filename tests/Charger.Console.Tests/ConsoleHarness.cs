using System.Text;
using Charger.Console.Tests.Fakes;
using Charger.Firmware.Console;
using Charger.Firmware.Diagnostics;
using Charger.Hal.Sim;

namespace Charger.Console.Tests
{
    /// <summary>
    /// A console on a loopback port in virtual time, with every service faked, driven the way the
    /// runtime drives it: one Tick per 10 ms.
    /// </summary>
    public sealed class ConsoleHarness
    {
        public const string Password = "s3rvice-Pa55";
        public const int TickMs = 10;

        public ConsoleHarness(ConsoleSettings settings = null, int baudRate = 115200, bool withServices = true)
        {
            Clock = new VirtualClock(1000);
            Log = new LogRing(Clock, 200);
            Port = new FakeSerialPort(baudRate);
            Services = new ConsoleServices();
            if (withServices)
            {
                Services.Status = Status;
                Services.Config = Config;
                Services.Faults = Faults;
                Services.ContactorTest = ContactorTest;
                Services.OcppTrace = Trace;
                Services.Reboot = Reboot;
                Services.FactoryReset = FactoryReset;
                Services.Password = Verifier;
                Services.SecurityEvents = Events;
            }

            Engine = new ConsoleEngine(Port, Log, Log, Services, settings);
            Tick();
            Port.TakeText();
        }

        public VirtualClock Clock { get; }

        public LogRing Log { get; }

        public FakeSerialPort Port { get; }

        public ConsoleServices Services { get; }

        public ConsoleEngine Engine { get; }

        public FakeStatusSource Status { get; } = new FakeStatusSource();

        public FakeConfig Config { get; } = new FakeConfig();

        public FakeFaults Faults { get; } = new FakeFaults();

        public FakeContactorTest ContactorTest { get; } = new FakeContactorTest();

        public FakeOcppTrace Trace { get; } = new FakeOcppTrace();

        public SimRebootController Reboot { get; } = new SimRebootController();

        public FakeFactoryReset FactoryReset { get; } = new FakeFactoryReset();

        public FakePasswordVerifier Verifier { get; } = new FakePasswordVerifier(Password);

        public RecordingSecurityEvents Events { get; } = new RecordingSecurityEvents();

        public void Tick()
        {
            Engine.Tick(Clock.NowMs);
            Clock.Advance(TickMs);
        }

        /// <summary>Ticks until the output buffer is empty (or a second of virtual time passed).</summary>
        public void Settle()
        {
            for (int i = 0; i < 100; i++)
            {
                Tick();
                if (Engine.Output.Count == 0 && Port.BytesAvailable == 0 && Engine.Mode != ConsoleMode.Dump)
                {
                    Tick();
                    return;
                }
            }
        }

        public void Run(long ms)
        {
            for (long t = 0; t < ms; t += TickMs)
            {
                Tick();
            }
        }

        /// <summary>Types <paramref name="text"/>, lets the console answer, and returns everything it wrote.</summary>
        public string Type(string text)
        {
            Port.Inject(text);
            Settle();
            return Port.TakeText();
        }

        /// <summary>Runs one command line (CR-terminated) and returns the answer without the echo and prompt.</summary>
        public string Command(string line)
        {
            string text = Type(line + "\r");
            string echo = line + "\r\n";
            if (text.StartsWith(echo, System.StringComparison.Ordinal))
            {
                text = text.Substring(echo.Length);
            }

            foreach (string prompt in new[] { ConsoleEngine.UserPrompt, ConsoleEngine.PrivilegedPrompt })
            {
                if (text.EndsWith(prompt, System.StringComparison.Ordinal))
                {
                    text = text.Substring(0, text.Length - prompt.Length);
                    break;
                }
            }

            return text;
        }

        public void Login()
        {
            Type("login\r");
            Type(Password + "\r");
            Assert.True(Engine.IsLoggedIn, "login with the right password should succeed");
            Port.TakeText();
        }

        public string LogText()
        {
            var entries = new LogEntry[Log.Count];
            int n = Log.CopyNewest(entries, Charger.Hal.LogLevel.Debug, null);
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.AppendLine(entries[i].ToString());
            }

            return sb.ToString();
        }
    }
}
