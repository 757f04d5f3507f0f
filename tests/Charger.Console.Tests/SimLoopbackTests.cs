using System.Text;
using Charger.Console.Tests.Fakes;
using Charger.Firmware.Console;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;

namespace Charger.Console.Tests
{
    /// <summary>
    /// The console on the simulated HAL's serial line (hal/Charger.Hal.Sim/Serial) inside the
    /// charger runtime, with a terminal at the other end, in virtual time: what the lead's
    /// simulator --console flag will attach.
    /// </summary>
    public class SimLoopbackTests
    {
        private readonly VirtualClock _clock = new VirtualClock();
        private readonly LoopbackSerialPair _line;
        private readonly LogRing _log;
        private readonly ChargerRuntime _runtime;
        private readonly ConsoleEngine _console;
        private readonly FakePasswordVerifier _verifier = new FakePasswordVerifier("field-2026");
        private readonly RecordingSecurityEvents _events = new RecordingSecurityEvents();
        private readonly FakeConfig _config = new FakeConfig();
        private readonly StringBuilder _screen = new StringBuilder();

        public SimLoopbackTests()
        {
            _line = new LoopbackSerialPair(_clock, 115200);
            _line.B.Open();
            _log = new LogRing(_clock, 256);
            _runtime = new ChargerRuntime(_log, new SimWatchdog(_clock));
            var services = new ConsoleServices { Password = _verifier, SecurityEvents = _events, Config = _config };
            _console = new ConsoleEngine(_line.A, _log, _log, services);
            _runtime.AddStage(_console);
        }

        private void Run(long ms)
        {
            var buffer = new byte[512];
            for (long t = 0; t < ms; t += ChargerRuntime.DefaultTickPeriodMs)
            {
                _runtime.Tick(_clock.NowMs);
                _clock.Advance(ChargerRuntime.DefaultTickPeriodMs);
                int n;
                while ((n = _line.B.Read(buffer, 0, buffer.Length, 0)) > 0)
                {
                    _screen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
            }
        }

        private string Type(string text, long waitMs = 500)
        {
            _screen.Clear();
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            _line.B.Write(bytes, 0, bytes.Length);
            Run(waitMs);
            return _screen.ToString();
        }

        [Fact]
        public void ATerminalOnTheSimulatedLineGetsTheBannerAndAnswers()
        {
            Run(200);
            Assert.Contains("Type 'help' for commands", _screen.ToString());
            string text = Type("help\r\n");
            Assert.Contains("* factory-reset", text);
            Assert.EndsWith(ConsoleEngine.UserPrompt, text);
        }

        [Fact]
        public void LoginChangeConfigAndLockoutOverTheSimulatedLine()
        {
            Run(200);
            Assert.EndsWith(ConsoleEngine.PasswordPrompt, Type("login\r"));
            string login = Type("field-2026\r");
            Assert.DoesNotContain("field-2026", login);
            Assert.EndsWith(ConsoleEngine.PrivilegedPrompt, login);
            Assert.Contains("OCPPCommCtrlr.HeartbeatInterval set", Type("config set OCPPCommCtrlr.HeartbeatInterval 60\r"));
            Assert.Equal("60", _config.Values["OCPPCommCtrlr.HeartbeatInterval"]);
            Type("logout\r");

            for (int i = 0; i < 5; i++)
            {
                Type("login\r");
                Type("wrong" + i + "\r");
            }

            Assert.Contains("login: locked for 3", Type("login\r"));
            Assert.Equal(1, _events.Count(ConsoleSecurityEventTypes.MaintenanceLoginLockedOut));
            Assert.Equal(0, _runtime.StageFailureCount);
        }

        [Fact]
        public void LineNoiseOnTheSimulatedLineIsSurvived()
        {
            Run(200);
            var noise = new byte[3000];
            new SeededRandom(2026).NextBytes(noise);
            _line.A.InjectNoise(noise, 0, noise.Length);
            Run(3000);
            Type("\x03\x03", 100);
            Run(31000);
            Assert.Contains("= 300", Type("config get OCPPCommCtrlr.HeartbeatInterval\r"));
            Assert.Equal(0, _runtime.StageFailureCount);
        }
    }
}
