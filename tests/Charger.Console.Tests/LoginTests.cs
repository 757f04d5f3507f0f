using Charger.Firmware.Console;

namespace Charger.Console.Tests
{
    /// <summary>Issue 8: maintenance login, echo suppression, lockout with a growing delay, audit.</summary>
    public class LoginTests
    {
        private readonly ConsoleHarness _h = new ConsoleHarness();

        private string WrongPassword(string attempt = "guess")
        {
            _h.Type("login\r");
            return _h.Type(attempt + "\r");
        }

        [Fact]
        public void LoginAsksForThePasswordWithoutEchoingItAndSwitchesThePrompt()
        {
            Assert.Equal("login\r\n" + ConsoleEngine.PasswordPrompt, _h.Type("login\r"));
            string text = _h.Type(ConsoleHarness.Password + "\r");
            Assert.DoesNotContain(ConsoleHarness.Password, text);
            Assert.Equal("\r\nlogged in: privileged commands enabled; type 'logout' when done\r\n" + ConsoleEngine.PrivilegedPrompt, text);
            Assert.True(_h.Engine.IsLoggedIn);
        }

        [Fact]
        public void ThePasswordNeverReachesTheHistoryTheLogOrTheSecurityEvents()
        {
            _h.Login();
            _h.Type("\x1b[A");
            Assert.Equal("login", _h.Engine.Editor.GetLine());
            Assert.Equal(1, _h.Engine.History.Count);
            Assert.DoesNotContain(ConsoleHarness.Password, _h.LogText());
            Assert.All(_h.Events.Events, e => Assert.DoesNotContain(ConsoleHarness.Password, e.TechInfo));
        }

        [Fact]
        public void ThePasswordBytesAreWipedAfterVerification()
        {
            _h.Login();
            Assert.All(_h.Verifier.LastArray, b => Assert.Equal(0, b));
        }

        [Fact]
        public void APasswordOnTheCommandLineIsRefusedBeforeItCanBeUsed()
        {
            Assert.Equal("usage: login (no arguments; the password is asked for without echo)\r\n", _h.Command("login " + ConsoleHarness.Password));
            Assert.False(_h.Engine.IsLoggedIn);
            Assert.Empty(_h.Verifier.Attempts);
        }

        [Fact]
        public void SuccessfulLoginIsLoggedAndRaisedAsASecurityEvent()
        {
            _h.Login();
            Assert.Contains("console: maintenance login accepted", _h.LogText());
            Assert.Equal(1, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceLoginAccepted));
        }

        [Fact]
        public void AWrongPasswordIsRefusedCountedLoggedAndRaised()
        {
            string text = WrongPassword();
            Assert.Contains("wrong password (4 more before the login locks)", text);
            Assert.False(_h.Engine.IsLoggedIn);
            Assert.Contains("maintenance login failed: wrong password (1 of 5)", _h.LogText());
            Assert.Equal(1, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceLoginFailed));
            Assert.EndsWith(ConsoleEngine.UserPrompt, text);
        }

        [Fact]
        public void FiveWrongPasswordsLockTheLoginEvenForTheRightPassword()
        {
            for (int i = 0; i < 4; i++)
            {
                WrongPassword();
            }

            Assert.Contains("wrong password; login locked for 30 s", WrongPassword());
            Assert.Equal(1, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceLoginLockedOut));
            Assert.Contains("console login locked for 30 s after 5 wrong passwords (lockout 1)", _h.LogText());

            string refused = _h.Command("login");
            Assert.StartsWith("login: locked for ", refused);
            Assert.Contains(" s more after 5 wrong passwords", refused);
            Assert.Equal(5, _h.Verifier.Attempts.Count);
            Assert.Equal(ConsoleMode.Command, _h.Engine.Mode);
        }

        [Fact]
        public void TheLockoutEndsAfterItsDelayInVirtualTime()
        {
            for (int i = 0; i < 5; i++)
            {
                WrongPassword();
            }

            _h.Run(29000);
            Assert.StartsWith("login: locked for ", _h.Command("login"));
            _h.Run(1500);
            _h.Login();
            Assert.True(_h.Engine.IsLoggedIn);
        }

        [Fact]
        public void EachFurtherLockoutLastsTwiceAsLong()
        {
            long[] expectedMs = { 30000, 60000, 120000, 240000 };
            foreach (long lockMs in expectedMs)
            {
                for (int i = 0; i < 5; i++)
                {
                    WrongPassword();
                }

                Assert.Equal(lockMs, _h.Engine.Guard.LastLockoutMs);
                _h.Run(lockMs - 2000);
                Assert.StartsWith("login: locked for ", _h.Command("login"));
                _h.Run(2500);
            }

            Assert.Equal(4, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceLoginLockedOut));
            Assert.Equal(20, _h.Events.Count(ConsoleSecurityEventTypes.MaintenanceLoginFailed));
        }

        [Fact]
        public void TheLockoutGrowthIsCapped()
        {
            var guard = new LoginGuard(5, 30000, 3600000);
            Assert.Equal(30000, guard.LockoutLengthMs(1));
            Assert.Equal(1920000, guard.LockoutLengthMs(7));
            Assert.Equal(3600000, guard.LockoutLengthMs(8));
            Assert.Equal(3600000, guard.LockoutLengthMs(1000));
        }

        [Fact]
        public void ACorrectPasswordResetsTheFailureCountAndTheGrowth()
        {
            for (int i = 0; i < 5; i++)
            {
                WrongPassword();
            }

            _h.Run(31000);
            _h.Login();
            _h.Command("logout");
            for (int i = 0; i < 5; i++)
            {
                WrongPassword();
            }

            Assert.Equal(30000, _h.Engine.Guard.LastLockoutMs);
        }

        [Fact]
        public void FourWrongThenRightDoesNotLock()
        {
            for (int i = 0; i < 4; i++)
            {
                WrongPassword();
            }

            _h.Login();
            Assert.Equal(0, _h.Engine.Guard.ConsecutiveFailures);
        }

        [Fact]
        public void CtrlCAtThePasswordPromptCancelsWithoutCountingAFailure()
        {
            _h.Type("login\r");
            string text = _h.Type("abc\x03");
            Assert.Contains("login cancelled", text);
            Assert.Equal(ConsoleMode.Command, _h.Engine.Mode);
            Assert.Equal(0, _h.Engine.Guard.TotalFailures);
        }

        [Fact]
        public void AnEmptyPasswordCancelsWithoutCountingAFailure()
        {
            _h.Type("login\r");
            Assert.Contains("login cancelled (empty password)", _h.Type("\r"));
            Assert.Equal(0, _h.Engine.Guard.TotalFailures);
        }

        [Fact]
        public void AnOverlongPasswordIsRefusedAndNeverVerified()
        {
            _h.Type("login\r");
            string text = _h.Type(new string('p', 500) + "\r");
            Assert.Contains("error: line longer than 120 characters; ignored, nothing was run", text);
            Assert.Contains("login line too long", text);
            Assert.Empty(_h.Verifier.Attempts);
            Assert.DoesNotContain("ppp", text);
        }

        [Fact]
        public void AnUnansweredPasswordPromptTimesOut()
        {
            _h.Type("login\r");
            _h.Run(31000);
            Assert.Contains("login timed out", _h.Port.TakeText());
            Assert.Equal(ConsoleMode.Command, _h.Engine.Mode);
        }

        [Fact]
        public void WithoutAProvisionedPasswordNobodyCanLogIn()
        {
            var h = new ConsoleHarness(withServices: false);
            Assert.Equal("login: no maintenance password is set on this charger; provision one from the CSMS first\r\n", h.Command("login"));
            Assert.Equal(ConsoleMode.Command, h.Engine.Mode);
        }

        [Fact]
        public void LoginTwiceSaysAlreadyLoggedIn()
        {
            _h.Login();
            Assert.Equal("login: already logged in\r\n", _h.Command("login"));
        }

        [Fact]
        public void LogoutEndsTheSessionAndIsAudited()
        {
            _h.Login();
            Assert.Equal("logged out\r\n", _h.Command("logout"));
            Assert.False(_h.Engine.IsLoggedIn);
            Assert.Contains("privileged command: logout", _h.LogText());
            Assert.Equal("config set: needs login first (type 'login')\r\n", _h.Command("config set OCPPCommCtrlr.HeartbeatInterval 60"));
        }

        [Fact]
        public void AnIdleSessionLogsItselfOut()
        {
            _h.Login();
            _h.Run(599000);
            Assert.True(_h.Engine.IsLoggedIn);
            _h.Run(2000);
            Assert.False(_h.Engine.IsLoggedIn);
            Assert.Contains("logged out after 10 min without input", _h.Port.TakeText());
            Assert.Contains("maintenance session ended: idle for 10 min", _h.LogText());
        }

        [Fact]
        public void TypingKeepsTheSessionAlive()
        {
            _h.Login();
            for (int i = 0; i < 5; i++)
            {
                _h.Run(300000);
                _h.Type("\r");
            }

            Assert.True(_h.Engine.IsLoggedIn);
        }
    }
}
