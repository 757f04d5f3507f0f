using Charger.Firmware.Console;
using Charger.Hal;

namespace Charger.Console.Tests
{
    /// <summary>Issue 8: read-only commands, always available, and one clear line for every wrong use.</summary>
    public class ReadOnlyCommandTests
    {
        private readonly ConsoleHarness _h = new ConsoleHarness();

        public ReadOnlyCommandTests()
        {
            _h.Status.Set(ConsoleTopic.Pilot, "pilot: C charging, offer 16 A, duty 26.7 %", "pilot: +6.1 V / -11.9 V, PWM on");
            _h.Status.Set(ConsoleTopic.Contactor, "contactor: closed, feedback closed");
            _h.Status.Set(ConsoleTopic.Meter, "meter: 230.1 V 15.9 A 3.66 kW, 1234 Wh", "meter: link ok, last poll 0.8 s ago");
            _h.Status.Set(ConsoleTopic.Temps, "temps: relay 41 C, inlet 35 C, no derating");
            _h.Status.Set(ConsoleTopic.Ocpp, "ocpp: connected to ws://csms, queue 0", "ocpp: last sent Heartbeat 12 s ago");
            _h.Status.Set(ConsoleTopic.Transaction, "transaction: tx-42 since 0:10:00, 1234 Wh");
            _h.Status.Set(ConsoleTopic.Version, "firmware 0.3.1 (abc123), board esp32-devkit", "ocpp 2.0.1");
            _h.Status.Set(ConsoleTopic.Crls, "crls: 1 installed (at most 4 issuers)", "crl-0: CRL of 'CN=Root', 2 revoked");
        }

        [Fact]
        public void StartPrintsABannerAndThePrompt()
        {
            var h = new ConsoleHarness();
            // The harness swallowed the first tick's output; a fresh engine shows it.
            var port = new Fakes.FakeSerialPort(115200);
            var engine = new ConsoleEngine(port, h.Log, h.Log, h.Services);
            engine.Tick(0);
            string text = port.TakeText();
            Assert.Contains("Type 'help'", text);
            Assert.EndsWith(ConsoleEngine.UserPrompt, text);
            Assert.True(port.IsOpen);
            Assert.Equal(0, port.MaxReadTimeoutMs);
        }

        [Fact]
        public void HelpListsEveryCommandAndMarksPrivilegedOnes()
        {
            string text = _h.Command("help");
            foreach (string usage in new[] { "help [command]", "status", "pilot", "meter", "temps", "faults", "log [n] [level] [component]", "log follow", "ocpp", "config get <Component>.<Variable>", "slots", "crls", "version", "login" })
            {
                Assert.Contains("  " + usage, text);
            }

            foreach (string usage in new[] { "config set <Component>.<Variable> <value>", "fault clear <code>", "contactor test", "ocpp trace on|off", "reboot", "factory-reset", "logout" })
            {
                Assert.Contains("* " + usage, text);
            }
        }

        [Fact]
        public void HelpForOneCommandShowsItsUsageAndDetail()
        {
            string text = _h.Command("help config");
            Assert.Contains("usage: config get <Component>.<Variable>", text);
            Assert.Contains("usage: config set <Component>.<Variable> <value>   (needs login)", text);
            Assert.Contains("OCPPCommCtrlr.HeartbeatInterval", text);
        }

        [Fact]
        public void HelpForASubcommandShowsOnlyThatOne()
        {
            string text = _h.Command("help config set");
            Assert.Contains("config set", text);
            Assert.DoesNotContain("config get", text);
        }

        [Theory]
        [InlineData("help frobnicate", "help: no command 'frobnicate'; type 'help' for the list\r\n")]
        [InlineData("help config frob", "help: no command 'config frob'; type 'help' for the list\r\n")]
        [InlineData("help a b c", "usage: help [command]\r\n")]
        public void HelpWithAWrongCommandSaysSoOnOneLine(string line, string expected)
        {
            Assert.Equal(expected, _h.Command(line));
        }

        [Fact]
        public void UnknownCommandGetsOneLinePointingToHelp()
        {
            Assert.Equal("unknown command 'frobnicate'; type 'help' for the list\r\n", _h.Command("frobnicate now"));
        }

        [Fact]
        public void AnUnknownVeryLongWordIsClippedSoTheErrorStaysOneLine()
        {
            string text = _h.Command(new string('q', 100));
            Assert.Equal("unknown command '" + new string('q', 24) + "...'; type 'help' for the list\r\n", text);
        }

        [Fact]
        public void StatusShowsTheHeadlineOfEveryPartOnOneScreen()
        {
            _h.Faults.Add("OverTemperature", true, "relay 92 C", 500, "clears below 70 C", false);
            string text = _h.Command("status");
            string[] lines = text.TrimEnd('\r', '\n').Split("\r\n");
            Assert.Equal(8, lines.Length);
            Assert.StartsWith("status at 0:00:01.", lines[0]);
            Assert.Equal("pilot: C charging, offer 16 A, duty 26.7 %", lines[1]);
            Assert.Equal("contactor: closed, feedback closed", lines[2]);
            Assert.Equal("meter: 230.1 V 15.9 A 3.66 kW, 1234 Wh", lines[3]);
            Assert.Equal("temps: relay 41 C, inlet 35 C, no derating", lines[4]);
            Assert.Equal("faults: 1 ACTIVE: OverTemperature", lines[5]);
            Assert.Equal("ocpp: connected to ws://csms, queue 0", lines[6]);
            Assert.Equal("transaction: tx-42 since 0:10:00, 1234 Wh", lines[7]);
        }

        [Fact]
        public void StatusWithoutComponentsSaysWhatIsMissingInsteadOfFailing()
        {
            var h = new ConsoleHarness(withServices: false);
            string text = h.Command("status");
            Assert.Contains("pilot: not available on this build", text);
            Assert.Contains("faults: not available on this build", text);
            Assert.Contains("transaction: not available on this build", text);
        }

        [Theory]
        [InlineData("pilot", "pilot: C charging, offer 16 A, duty 26.7 %\r\npilot: +6.1 V / -11.9 V, PWM on\r\n")]
        [InlineData("meter", "meter: 230.1 V 15.9 A 3.66 kW, 1234 Wh\r\nmeter: link ok, last poll 0.8 s ago\r\n")]
        [InlineData("temps", "temps: relay 41 C, inlet 35 C, no derating\r\n")]
        [InlineData("version", "firmware 0.3.1 (abc123), board esp32-devkit\r\nocpp 2.0.1\r\n")]
        [InlineData("slots", "slots: not available on this build\r\n")]
        [InlineData("crls", "crls: 1 installed (at most 4 issuers)\r\ncrl-0: CRL of 'CN=Root', 2 revoked\r\n")]
        public void TopicCommandsShowAllTheirLines(string command, string expected)
        {
            Assert.Equal(expected, _h.Command(command));
        }

        [Theory]
        [InlineData("pilot now", "usage: pilot (takes no arguments)\r\n")]
        [InlineData("status all", "usage: status (takes no arguments)\r\n")]
        [InlineData("faults x", "usage: faults (takes no arguments)\r\n")]
        [InlineData("version 2", "usage: version (takes no arguments)\r\n")]
        public void TopicCommandsRefuseArguments(string line, string expected)
        {
            Assert.Equal(expected, _h.Command(line));
        }

        [Fact]
        public void FaultsListsActiveAndRecentWithReasonTimeAndRecoveryRule()
        {
            _h.Faults.Add("WeldedContactor", true, "feedback closed 200 ms after open", 61000, "inspect the contactor, then 'fault clear' with confirmation", true);
            _h.Faults.Add("OverCurrent", false, "34 A on L1 for 5 s at 32 A offer", 2000, "clears itself 10 s after current is back in limit", false);
            string text = _h.Command("faults");
            Assert.Contains("WeldedContactor  ACTIVE  since 0:01:01.000  [clear needs confirmation]", text);
            Assert.Contains("    reason:   feedback closed 200 ms after open", text);
            Assert.Contains("    recovery: inspect the contactor", text);
            Assert.Contains("OverCurrent  cleared 0:00:07.000 (raised 0:00:02.000)", text);
            Assert.Contains("    recovery: clears itself 10 s after current is back in limit", text);
        }

        [Fact]
        public void FaultsWithNoneSaysSo()
        {
            Assert.Equal("faults: none active, none recent\r\n", _h.Command("faults"));
        }

        [Fact]
        public void OcppShowsConnectionLinesAndTraceState()
        {
            string text = _h.Command("ocpp");
            Assert.Equal("ocpp: connected to ws://csms, queue 0\r\nocpp: last sent Heartbeat 12 s ago\r\ntrace: off\r\n", text);
        }

        [Theory]
        [InlineData("ocpp foo", "usage: ocpp   or   ocpp trace on|off\r\n")]
        [InlineData("config", "usage: config get <Component>.<Variable>   or   config set <Component>.<Variable> <value>\r\n")]
        [InlineData("config remove A.B", "usage: config get <Component>.<Variable>   or   config set <Component>.<Variable> <value>\r\n")]
        public void WrongSubcommandGetsTheUsage(string line, string expected)
        {
            Assert.Equal(expected, _h.Command(line));
        }

        [Fact]
        public void ConfigGetPrintsTheValue()
        {
            Assert.Equal("OCPPCommCtrlr.HeartbeatInterval = 300\r\n", _h.Command("config get OCPPCommCtrlr.HeartbeatInterval"));
        }

        [Theory]
        [InlineData("config get Nope.Thing", "config get Nope.Thing: UnknownComponent: no such component\r\n")]
        [InlineData("config get OCPPCommCtrlr.Nope", "config get OCPPCommCtrlr.Nope: UnknownVariable: no such variable in OCPPCommCtrlr\r\n")]
        [InlineData("config get SecurityCtrlr.MaintenancePasswordHash", "config get SecurityCtrlr.MaintenancePasswordHash: Rejected: write-only variable\r\n")]
        public void ConfigGetReportsTheDeviceModelsRefusal(string line, string expected)
        {
            Assert.Equal(expected, _h.Command(line));
        }

        [Theory]
        [InlineData("config get")]
        [InlineData("config get HeartbeatInterval")]
        [InlineData("config get .HeartbeatInterval")]
        [InlineData("config get OCPPCommCtrlr.")]
        [InlineData("config get A.B C")]
        public void ConfigGetWithABadNameSaysWhatWasExpected(string line)
        {
            Assert.Equal("usage: config get <Component>.<Variable>, e.g. config get OCPPCommCtrlr.HeartbeatInterval\r\n", _h.Command(line));
        }

        [Fact]
        public void ConfigGetNeverPrintsTheSecretEvenWhenAsked()
        {
            string text = _h.Command("config get SecurityCtrlr.MaintenancePasswordHash");
            Assert.DoesNotContain("hash-never-shown", text);
        }

        [Fact]
        public void ConfigGetWorksWithoutLogin()
        {
            Assert.False(_h.Engine.IsLoggedIn);
            Assert.Contains("= CX-1", _h.Command("config get ChargingStation.Model"));
        }

        [Fact]
        public void CommandNamesAreNotCaseSensitive()
        {
            Assert.Contains("pilot: C charging", _h.Command("PILOT"));
        }

        [Fact]
        public void AQuotingErrorIsReportedOnOneLine()
        {
            Assert.Equal("error: missing closing quote\r\n", _h.Command("config get \"A.B"));
        }

        [Fact]
        public void AComponentThatThrowsIsReportedAndTheConsoleCarriesOn()
        {
            _h.Services.Status = new ThrowingStatus();
            string text = _h.Command("pilot");
            Assert.Equal("error: 'pilot' failed: pilot sampler not started\r\n", text);
            Assert.Contains("command 'pilot' failed: pilot sampler not started", _h.LogText());
            Assert.Contains("faults:", _h.Command("faults"));
        }

        [Fact]
        public void EmptyLinesJustShowThePromptAgain()
        {
            string text = _h.Type("\r\r");
            Assert.Equal("\r\n" + ConsoleEngine.UserPrompt + "\r\n" + ConsoleEngine.UserPrompt, text);
        }

        private sealed class ThrowingStatus : IConsoleStatusSource
        {
            public int ReadLines(ConsoleTopic topic, string[] destination)
            {
                throw new System.InvalidOperationException("pilot sampler not started");
            }
        }
    }
}
