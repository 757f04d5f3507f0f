using Charger.Firmware.Console;

namespace Charger.Console.Tests
{
    /// <summary>Issue 8: privileged commands only after login, with confirmation where the issue asks, audited.</summary>
    public class PrivilegedCommandTests
    {
        private readonly ConsoleHarness _h = new ConsoleHarness();

        [Theory]
        [InlineData("config set OCPPCommCtrlr.HeartbeatInterval 60", "config set")]
        [InlineData("fault clear OverTemperature", "fault clear")]
        [InlineData("contactor test", "contactor test")]
        [InlineData("ocpp trace on", "ocpp trace")]
        [InlineData("reboot", "reboot")]
        [InlineData("factory-reset", "factory-reset")]
        [InlineData("logout", "logout")]
        public void EveryPrivilegedCommandIsRefusedWithoutLogin(string line, string name)
        {
            _h.Faults.Add("OverTemperature", true, "relay 92 C", 0, "below 70 C", false);
            Assert.Equal(name + ": needs login first (type 'login')\r\n", _h.Command(line));
            Assert.Contains("refused without login: " + name, _h.LogText());
            Assert.Equal("300", _h.Config.Values["OCPPCommCtrlr.HeartbeatInterval"]);
            Assert.Empty(_h.Faults.ClearCalls);
            Assert.Equal(0, _h.ContactorTest.Starts);
            Assert.Equal(0, _h.Trace.Changes);
            _h.Run(1000);
            Assert.Equal(0, _h.Reboot.Count);
            Assert.Equal(0, _h.FactoryReset.Erases);
            Assert.Empty(_h.Events.Events);
        }

        [Fact]
        public void ConfigSetChangesTheVariableAndIsAuditedWithoutTheValue()
        {
            _h.Login();
            Assert.Equal("OCPPCommCtrlr.HeartbeatInterval set\r\n", _h.Command("config set OCPPCommCtrlr.HeartbeatInterval 60"));
            Assert.Equal("60", _h.Config.Values["OCPPCommCtrlr.HeartbeatInterval"]);
            Assert.Equal("OCPPCommCtrlr.HeartbeatInterval = 60\r\n", _h.Command("config get OCPPCommCtrlr.HeartbeatInterval"));
            Assert.Contains("privileged command: config set OCPPCommCtrlr.HeartbeatInterval -> Accepted", _h.LogText());
            var e = _h.Events.Events.Find(x => x.Type == ConsoleSecurityEventTypes.MaintenanceCommand);
            Assert.Equal("serial console: config set OCPPCommCtrlr.HeartbeatInterval -> Accepted", e.TechInfo);
        }

        [Fact]
        public void ConfigSetOfASecretNeverLogsTheValue()
        {
            _h.Login();
            _h.Command("config set SecurityCtrlr.MaintenancePasswordHash n3w-Secret");
            Assert.DoesNotContain("n3w-Secret", _h.LogText());
            Assert.All(_h.Events.Events, e => Assert.DoesNotContain("n3w-Secret", e.TechInfo));
        }

        [Fact]
        public void ConfigSetTakesAQuotedValueWithSpaces()
        {
            _h.Login();
            _h.Command("config set NetworkConfiguration.Url \"ws://csms example\"");
            Assert.Equal("ws://csms example", _h.Config.Values["NetworkConfiguration.Url"]);
        }

        [Theory]
        [InlineData("config set OCPPCommCtrlr.HeartbeatInterval soon", "config set OCPPCommCtrlr.HeartbeatInterval refused: Rejected: expected whole seconds, got 'soon'\r\n")]
        [InlineData("config set ChargingStation.Model X", "config set ChargingStation.Model refused: Rejected: read-only\r\n")]
        [InlineData("config set Nope.Var 1", "config set Nope.Var refused: UnknownComponent: no such component\r\n")]
        [InlineData("config set NetworkConfiguration.Url ws://other", "NetworkConfiguration.Url stored; takes effect after a reboot\r\n")]
        public void ConfigSetReportsTheDeviceModelsAnswer(string line, string expected)
        {
            _h.Login();
            Assert.Equal(expected, _h.Command(line));
        }

        [Theory]
        [InlineData("config set OCPPCommCtrlr.HeartbeatInterval")]
        [InlineData("config set HeartbeatInterval 60")]
        [InlineData("config set A.B 1 2")]
        public void ConfigSetWithBadArgumentsSaysWhatWasExpected(string line)
        {
            _h.Login();
            Assert.Equal("usage: config set <Component>.<Variable> <value> (quote a value with spaces)\r\n", _h.Command(line));
        }

        [Fact]
        public void FaultClearClearsAnOrdinaryLatchedFault()
        {
            _h.Faults.Add("OverTemperature", true, "relay 92 C", 0, "below 70 C", false);
            _h.Login();
            Assert.Equal("fault OverTemperature cleared\r\n", _h.Command("fault clear overtemperature"));
            Assert.Equal(new[] { "OverTemperature" }, _h.Faults.ClearCalls);
            Assert.Contains("privileged command: fault clear OverTemperature", _h.LogText());
        }

        [Fact]
        public void FaultClearReportsARefusalFromTheSupervisor()
        {
            _h.Faults.Add("OverTemperature", true, "relay 92 C", 0, "below 70 C", false);
            _h.Faults.CauseStillPresent.Add("OverTemperature");
            _h.Login();
            Assert.Equal("fault clear OverTemperature refused: cause still present\r\n", _h.Command("fault clear OverTemperature"));
        }

        [Theory]
        [InlineData("fault clear Nope", "fault clear: no active fault 'Nope'; active: OverTemperature\r\n")]
        [InlineData("fault clear", "usage: fault clear <code> (the codes are listed by 'faults')\r\n")]
        [InlineData("fault reset OverTemperature", "usage: fault clear <code> (the codes are listed by 'faults')\r\n")]
        [InlineData("fault clear A B", "usage: fault clear <code> (the codes are listed by 'faults')\r\n")]
        public void FaultClearWithBadArgumentsSaysWhatWasExpected(string line, string expected)
        {
            _h.Faults.Add("OverTemperature", true, "relay 92 C", 0, "below 70 C", false);
            _h.Faults.Add("OverCurrent", false, "34 A", 0, "10 s", false);
            _h.Login();
            Assert.Equal(expected, _h.Command(line));
            Assert.Empty(_h.Faults.ClearCalls);
        }

        [Fact]
        public void WeldedContactorIsNeverClearedWithoutConfirmation()
        {
            _h.Faults.Add("WeldedContactor", true, "feedback closed 200 ms after open", 0, "inspect the contactor", true);
            _h.Login();
            string text = _h.Type("fault clear WeldedContactor\r");
            Assert.Contains("WARNING: WeldedContactor: feedback closed 200 ms after open", text);
            Assert.EndsWith(ConsoleEngine.ConfirmPrompt, text);
            Assert.Equal(ConsoleMode.Confirm, _h.Engine.Mode);
            Assert.Empty(_h.Faults.ClearCalls);

            string done = _h.Type("yes\r");
            Assert.Contains("fault WeldedContactor cleared", done);
            Assert.Equal(new[] { "WeldedContactor confirmed" }, _h.Faults.ClearCalls);
            Assert.Contains("privileged command: fault clear WeldedContactor (confirmed)", _h.LogText());
            Assert.EndsWith(ConsoleEngine.PrivilegedPrompt, done);
        }

        [Theory]
        [InlineData("no\r")]
        [InlineData("y\r")]
        [InlineData("YES please\r")]
        [InlineData("\r")]
        [InlineData("ye\x03")]
        public void AnythingButYesCancelsTheWeldedContactorClear(string answer)
        {
            _h.Faults.Add("WeldedContactor", true, "stuck", 0, "inspect", true);
            _h.Login();
            _h.Type("fault clear WeldedContactor\r");
            Assert.Contains("nothing was done", _h.Type(answer));
            Assert.Empty(_h.Faults.ClearCalls);
            Assert.Equal(ConsoleMode.Command, _h.Engine.Mode);
        }

        [Fact]
        public void AnUnansweredConfirmationTimesOutAndDoesNothing()
        {
            _h.Faults.Add("WeldedContactor", true, "stuck", 0, "inspect", true);
            _h.Login();
            _h.Type("fault clear WeldedContactor\r");
            _h.Run(31000);
            Assert.Contains("confirmation timed out; nothing was done", _h.Port.TakeText());
            _h.Type("yes\r");
            Assert.Empty(_h.Faults.ClearCalls);
        }

        [Fact]
        public void ConfirmationAnswersDoNotEnterTheHistory()
        {
            _h.Faults.Add("WeldedContactor", true, "stuck", 0, "inspect", true);
            _h.Login();
            _h.Type("fault clear WeldedContactor\r");
            _h.Type("no\r");
            _h.Type("\x1b[A");
            Assert.Equal("fault clear WeldedContactor", _h.Engine.Editor.GetLine());
        }

        [Fact]
        public void ContactorTestStartsAndItsResultIsPrintedWhenItEnds()
        {
            _h.Login();
            Assert.Equal("contactor test started; the result follows when it ends\r\n", _h.Command("contactor test"));
            Assert.Equal(1, _h.ContactorTest.Starts);
            _h.Type("sta");
            _h.ContactorTest.Finish(true, "closed in 28 ms, opened in 19 ms");
            _h.Settle();
            // The result interrupts the half-typed line, which is then shown again.
            Assert.Equal("\r\ncontactor test passed: closed in 28 ms, opened in 19 ms\r\n" + ConsoleEngine.PrivilegedPrompt + "sta", _h.Port.TakeText());
            Assert.Contains("contactor test passed", _h.LogText());
        }

        [Fact]
        public void AFailedContactorTestIsShownAsFailed()
        {
            _h.Login();
            _h.Command("contactor test");
            _h.ContactorTest.Finish(false, "feedback stayed open after close");
            _h.Settle();
            Assert.Contains("contactor test FAILED: feedback stayed open after close", _h.Port.TakeText());
        }

        [Fact]
        public void ContactorTestRefusedWhenTheChargerSaysNo()
        {
            _h.ContactorTest.RefuseWith = "vehicle connected: unplug first";
            _h.Login();
            Assert.Equal("contactor test refused: vehicle connected: unplug first\r\n", _h.Command("contactor test"));
        }

        [Fact]
        public void ContactorTestTwiceSaysItIsAlreadyRunning()
        {
            _h.Login();
            _h.Command("contactor test");
            Assert.Equal("contactor test: already running; the result follows when it ends\r\n", _h.Command("contactor test"));
            Assert.Equal(1, _h.ContactorTest.Starts);
        }

        [Theory]
        [InlineData("contactor test now")]
        [InlineData("contactor open")]
        [InlineData("contactor")]
        public void ContactorTestWithBadArgumentsSaysWhatWasExpected(string line)
        {
            _h.Login();
            Assert.Equal("usage: contactor test\r\n", _h.Command(line));
            Assert.Equal(0, _h.ContactorTest.Starts);
        }

        [Fact]
        public void OcppTraceSwitchesOnAndOff()
        {
            _h.Login();
            Assert.StartsWith("ocpp trace on", _h.Command("ocpp trace on"));
            Assert.True(_h.Trace.Enabled);
            Assert.Contains("trace: on", _h.Command("ocpp"));
            Assert.Equal("ocpp trace off\r\n", _h.Command("ocpp trace OFF"));
            Assert.False(_h.Trace.Enabled);
            Assert.Equal(2, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceCommand));
        }

        [Theory]
        [InlineData("ocpp trace")]
        [InlineData("ocpp trace maybe")]
        [InlineData("ocpp trace on off")]
        public void OcppTraceWithBadArgumentsSaysWhatWasExpected(string line)
        {
            _h.Login();
            Assert.Equal("usage: ocpp trace on|off\r\n", _h.Command(line));
            Assert.Equal(0, _h.Trace.Changes);
        }

        [Fact]
        public void RebootWaitsForItsMessageToLeaveTheUartThenReboots()
        {
            var h = new ConsoleHarness(new ConsoleSettings { MaxOutputBytesPerTick = 4 });
            h.Login();
            h.Port.Inject("reboot\r");
            h.Tick();
            Assert.True(h.Engine.RebootPending);
            Assert.Equal(0, h.Reboot.Count);
            int ticks = 0;
            while (h.Reboot.Count == 0 && ticks++ < 100)
            {
                h.Tick();
            }

            Assert.Equal(1, h.Reboot.Count);
            Assert.EndsWith("reboot\r\nrebooting\r\n", h.Port.TakeText());
            Assert.Equal("console: reboot by technician", h.Reboot.Reason);
            Assert.Contains("privileged command: reboot", h.LogText());
            Assert.Equal(1, h.Events.Count(ConsoleSecurityEventTypes.MaintenanceCommand));
        }

        [Fact]
        public void RebootHappensEvenIfTheTerminalNeverTakesTheOutput()
        {
            var h = new ConsoleHarness(baudRate: 0);
            h.Login();
            h.Port.Inject("reboot\r");
            h.Tick();
            h.Port.FailWith = new System.IO.IOException("USB serial adapter unplugged");
            h.Run(600);
            Assert.Equal(1, h.Reboot.Count);
        }

        [Fact]
        public void RebootRefusesArguments()
        {
            _h.Login();
            Assert.Equal("usage: reboot (takes no arguments)\r\n", _h.Command("reboot now"));
            _h.Run(1000);
            Assert.Equal(0, _h.Reboot.Count);
        }

        [Fact]
        public void FactoryResetAsksForConfirmationThenErasesAndReboots()
        {
            _h.Login();
            string text = _h.Type("factory-reset\r");
            Assert.Contains("WARNING: factory-reset erases", text);
            Assert.EndsWith(ConsoleEngine.ConfirmPrompt, text);
            Assert.Equal(0, _h.FactoryReset.Erases);
            Assert.Contains("factory reset done; rebooting", _h.Type("yes\r"));
            Assert.Equal(1, _h.FactoryReset.Erases);
            Assert.Equal(1, _h.Reboot.Count);
            Assert.Equal("console: factory reset", _h.Reboot.Reason);
        }

        [Fact]
        public void FactoryResetDeclinedDoesNothing()
        {
            _h.Login();
            _h.Type("factory-reset\r");
            Assert.Contains("cancelled; nothing was done", _h.Type("no\r"));
            _h.Run(1000);
            Assert.Equal(0, _h.FactoryReset.Erases);
            Assert.Equal(0, _h.Reboot.Count);
        }

        [Fact]
        public void AFailedFactoryResetSaysWhyAndDoesNotReboot()
        {
            _h.FactoryReset.FailWith = "flash write failed at config.bin";
            _h.Login();
            _h.Type("factory-reset\r");
            Assert.Contains("factory-reset failed: flash write failed at config.bin", _h.Type("yes\r"));
            _h.Run(1000);
            Assert.Equal(0, _h.Reboot.Count);
        }

        [Fact]
        public void PrivilegedCommandsWithoutTheirComponentSayNotAvailable()
        {
            var h = new ConsoleHarness(withServices: false);
            h.Services.Password = new Fakes.FakePasswordVerifier(ConsoleHarness.Password);
            h.Login();
            Assert.Equal("config: not available on this build\r\n", h.Command("config set A.B 1"));
            Assert.Equal("contactor test: not available on this build\r\n", h.Command("contactor test"));
            Assert.Equal("reboot: not available on this build\r\n", h.Command("reboot"));
            Assert.Equal("factory-reset: not available on this build\r\n", h.Command("factory-reset"));
            Assert.Equal("fault clear: not available on this build\r\n", h.Command("fault clear X"));
            Assert.Equal("ocpp trace: not available on this build\r\n", h.Command("ocpp trace on"));
        }
    }
}
