using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Firmware.Console
{
    /// <summary>
    /// The serial debug console for field technicians, driven from the control loop. Each
    /// <see cref="Tick"/> reads what the UART has (never waiting), edits the line, runs complete
    /// commands, and hands a baud-rate-sized slice of the bounded output buffer to the port, so a
    /// slow or absent terminal can never delay the loop: output that does not fit is dropped and
    /// counted. Read-only commands are always available; privileged ones need the maintenance
    /// password, with a growing lockout after repeated wrong passwords. Logins, failures,
    /// lockouts and privileged commands go to the log and to <see cref="IConsoleSecurityEvents"/>.
    /// </summary>
    public sealed class ConsoleEngine : ITickStage, IPeriodicDuty
    {
        public const string ComponentName = "console";

        public const string UserPrompt = "charger> ";

        /// <summary>A different prompt while logged in, so nobody forgets a privileged session.</summary>
        public const string PrivilegedPrompt = "charger# ";

        public const string PasswordPrompt = "password: ";

        public const string ConfirmPrompt = "type yes to confirm, anything else cancels: ";

        /// <summary>8N1 framing: start bit, 8 data bits, stop bit.</summary>
        private const int BitsPerByte = 10;

        /// <summary>Log lines fetched per step of log follow.</summary>
        private const int FollowBatch = 8;

        private readonly ISerialPort _port;
        private readonly ILog _log;
        private readonly LogRing _logRing;
        private readonly ConsoleServices _services;
        private readonly ConsoleSettings _settings;
        private readonly OutputBuffer _output;
        private readonly CommandHistory _history;
        private readonly LineEditor _editor;
        private readonly LoginGuard _guard;
        private readonly CommandLine _commandLine = new CommandLine();
        private readonly ConsoleCommands _commands;
        private readonly byte[] _input;
        private readonly byte[] _password;
        private readonly LogEntry[] _follow = new LogEntry[FollowBatch];
        private int _inputPos;
        private int _inputCount;
        private bool _started;
        private ConsoleMode _mode = ConsoleMode.Command;
        private bool _loggedIn;
        private long _lastInputMs;
        private long _promptDeadlineMs;
        private ConfirmAction _pendingAction = ConfirmAction.None;
        private string _pendingArgument;
        private long _followSequence;
        private LogEntry[] _dumpLines;
        private int _dumpIndex;
        private int _dumpCount;
        private string _rebootReason;
        private long _rebootRequestedMs;
        private bool _watchingContactorTest;
        private long _lastTickMs = -1;
        private long _creditBits;
        private bool _portFailing;
        private long _portErrors;

        public ConsoleEngine(ISerialPort port, ILog log, LogRing logRing, ConsoleServices services, ConsoleSettings settings)
        {
            if (port == null)
            {
                throw new System.ArgumentNullException("port");
            }

            if (log == null)
            {
                throw new System.ArgumentNullException("log");
            }

            _port = port;
            _log = log;
            _logRing = logRing;
            _services = services == null ? new ConsoleServices() : services;
            _settings = settings == null ? new ConsoleSettings() : settings;
            if (_settings.MaxInputBytesPerTick <= 0 || _settings.MaxOutputBytesPerTick <= 0)
            {
                throw new System.ArgumentOutOfRangeException("settings", "console byte budgets per tick must be positive");
            }

            _output = new OutputBuffer(_settings.OutputBufferBytes);
            _history = new CommandHistory(_settings.HistoryDepth);
            _editor = new LineEditor(_settings.MaxLineChars, _output, _history);
            _guard = new LoginGuard(_settings.FailedLoginsBeforeLockout, _settings.LockoutBaseMs, _settings.LockoutMaxMs);
            _input = new byte[_settings.MaxInputBytesPerTick];
            _password = new byte[_settings.MaxLineChars];
            _creditBits = (long)_settings.MaxOutputBytesPerTick * BitsPerByte;
            _commands = new ConsoleCommands(this, _output, _log, _logRing, _services, _settings);
        }

        public ConsoleEngine(ISerialPort port, ILog log, LogRing logRing, ConsoleServices services)
            : this(port, log, logRing, services, null)
        {
        }

        public string Name
        {
            get { return ComponentName; }
        }

        public ConsoleMode Mode
        {
            get { return _mode; }
        }

        public bool IsLoggedIn
        {
            get { return _loggedIn; }
        }

        public OutputBuffer Output
        {
            get { return _output; }
        }

        public LineEditor Editor
        {
            get { return _editor; }
        }

        public CommandHistory History
        {
            get { return _history; }
        }

        public LoginGuard Guard
        {
            get { return _guard; }
        }

        public ConsoleSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>Port reads or writes that threw since boot (cable pulled, driver error).</summary>
        public long PortErrors
        {
            get { return _portErrors; }
        }

        /// <summary>A reboot was asked for and waits for its message to leave the UART.</summary>
        public bool RebootPending
        {
            get { return _rebootReason != null; }
        }

        public void Run(long nowMs)
        {
            Tick(nowMs);
        }

        public void Tick(long nowMs)
        {
            if (!_started)
            {
                Start(nowMs);
            }

            ReadInput(nowMs);
            if (_mode == ConsoleMode.Follow)
            {
                PumpFollow();
            }
            else if (_mode == ConsoleMode.Dump)
            {
                PumpDump();
            }

            WatchContactorTest();
            CheckTimeouts(nowMs);
            Drain(nowMs);
            RebootWhenDrained(nowMs);
            _lastTickMs = nowMs;
        }

        // ---- called by ConsoleCommands -------------------------------------------------------

        internal void BeginLogin(long nowMs)
        {
            if (_loggedIn)
            {
                _output.WriteLine("login: already logged in");
                return;
            }

            IMaintenancePasswordVerifier verifier = _services.Password;
            if (verifier == null || !verifier.IsConfigured)
            {
                _output.WriteLine("login: no maintenance password is set on this charger; provision one from the CSMS first");
                return;
            }

            if (_guard.IsLockedOut(nowMs))
            {
                long seconds = (_guard.RemainingLockoutMs(nowMs) + 999) / 1000;
                _output.WriteLine("login: locked for " + seconds + " s more after " + _guard.FailuresBeforeLockout + " wrong passwords");
                _log.Write(LogLevel.Warning, ComponentName, "login attempt refused: locked for " + seconds + " s more");
                return;
            }

            _mode = ConsoleMode.Password;
            _editor.Masked = true;
            _editor.HistoryEnabled = false;
            _promptDeadlineMs = nowMs + _settings.ConfirmationTimeoutMs;
        }

        internal void Logout(string reason)
        {
            _loggedIn = false;
            _log.Write(LogLevel.Info, ComponentName, "maintenance session ended: " + reason);
        }

        internal void BeginConfirmation(ConfirmAction action, string argument, long nowMs)
        {
            _pendingAction = action;
            _pendingArgument = argument;
            _promptDeadlineMs = nowMs + _settings.ConfirmationTimeoutMs;
            _mode = ConsoleMode.Confirm;
            _editor.HistoryEnabled = false;
        }

        internal void BeginFollow()
        {
            _followSequence = _logRing.LastSequence;
            _mode = ConsoleMode.Follow;
        }

        internal void BeginDump(LogEntry[] lines, int count)
        {
            _dumpLines = lines;
            _dumpIndex = 0;
            _dumpCount = count;
            _mode = ConsoleMode.Dump;
        }

        private void WatchContactorTest()
        {
            IContactorTest test = _services.ContactorTest;
            if (!_watchingContactorTest || test == null)
            {
                return;
            }

            ConsoleResult result;
            try
            {
                if (test.IsRunning)
                {
                    return;
                }

                result = test.LastResult;
            }
            catch (System.Exception ex)
            {
                _watchingContactorTest = false;
                _log.Write(LogLevel.Error, ComponentName, "contactor test status failed: " + ex.Message);
                Announce("contactor test: cannot read the result: " + ex.Message);
                return;
            }

            _watchingContactorTest = false;
            string text = result == null ? "finished without a result" : (result.Succeeded ? "passed: " : "FAILED: ") + result.Message;
            _log.Write(result != null && result.Succeeded ? LogLevel.Info : LogLevel.Warning, ComponentName, "contactor test " + text);
            Announce("contactor test " + text);
        }

        internal void StartWatchingContactorTest()
        {
            _watchingContactorTest = true;
        }

        /// <summary>Reboots once the output has drained (or after a short wait), so "rebooting" reaches the technician.</summary>
        internal void ScheduleReboot(string reason, long nowMs)
        {
            _rebootReason = reason;
            _rebootRequestedMs = nowMs;
        }

        /// <summary>Writes to the log and raises the security event; <paramref name="techInfo"/> never holds a secret.</summary>
        internal void RaiseSecurityEvent(string type, string techInfo, long nowMs)
        {
            IConsoleSecurityEvents events = _services.SecurityEvents;
            if (events == null)
            {
                return;
            }

            if (techInfo.Length > ConsoleSecurityEventTypes.MaxTechInfoChars)
            {
                techInfo = techInfo.Substring(0, ConsoleSecurityEventTypes.MaxTechInfoChars);
            }

            events.Raise(type, techInfo, nowMs);
        }

        // ---- tick steps -----------------------------------------------------------------------

        private void Start(long nowMs)
        {
            _started = true;
            _lastInputMs = nowMs;
            try
            {
                if (!_port.IsOpen)
                {
                    _port.Open();
                }
            }
            catch (System.Exception ex)
            {
                PortFailed("open", ex);
            }

            _output.WriteLine("");
            _output.WriteLine("Charger service console. Type 'help' for commands; 'login' for privileged ones.");
            ShowPrompt();
        }

        private void ReadInput(long nowMs)
        {
            if (_inputPos >= _inputCount && _mode != ConsoleMode.Dump && _rebootReason == null)
            {
                _inputPos = 0;
                _inputCount = 0;
                try
                {
                    _inputCount = _port.Read(_input, 0, _input.Length, 0);
                    PortRecovered();
                }
                catch (System.Exception ex)
                {
                    PortFailed("read", ex);
                }
            }

            // Bytes already read wait while a dump prints or a reboot is pending: typed-ahead
            // commands then run in order afterwards instead of interleaving with the answer.
            while (_inputPos < _inputCount && _mode != ConsoleMode.Dump && _rebootReason == null)
            {
                HandleByte(_input[_inputPos++], nowMs);
            }
        }

        private void HandleByte(byte b, long nowMs)
        {
            _lastInputMs = nowMs;
            if (_mode == ConsoleMode.Follow)
            {
                _mode = ConsoleMode.Command;
                _output.WriteLine("[log follow stopped]");
                ShowPrompt();
                return;
            }

            LineEvent lineEvent = _editor.Feed(b);
            if (lineEvent == LineEvent.LineReady)
            {
                OnLine(nowMs);
            }
            else if (lineEvent == LineEvent.Cancelled)
            {
                CancelPrompt("cancelled");
                ShowPrompt();
            }
            else if (lineEvent == LineEvent.TooLong)
            {
                _output.WriteLine("error: line longer than " + _editor.MaxChars + " characters; ignored, nothing was run");
                CancelPrompt("line too long");
                ShowPrompt();
            }
        }

        private void OnLine(long nowMs)
        {
            if (_mode == ConsoleMode.Password || _mode == ConsoleMode.Confirm)
            {
                string what = _mode == ConsoleMode.Password ? "login" : ActionText(_pendingAction, _pendingArgument);
                try
                {
                    if (_mode == ConsoleMode.Password)
                    {
                        CompleteLogin(nowMs);
                    }
                    else
                    {
                        string answer = _editor.GetLine();
                        _editor.Reset();
                        CompleteConfirmation(answer, nowMs);
                    }
                }
                catch (System.Exception ex)
                {
                    // Same rule as for commands: a failing verifier or component is reported, the
                    // console and the control loop carry on.
                    _editor.Reset();
                    LeavePrompt();
                    _output.WriteLine("error: '" + what + "' failed: " + ex.Message);
                    _log.Write(LogLevel.Error, ComponentName, what + " failed: " + ex.Message);
                }
            }
            else
            {
                string line = _editor.GetLine();
                _editor.Reset();
                _history.Add(line);
                Execute(line, nowMs);
            }

            ShowPrompt();
        }

        private void Execute(string line, long nowMs)
        {
            if (!_commandLine.Parse(line))
            {
                _output.WriteLine("error: " + _commandLine.Error);
                return;
            }

            if (_commandLine.Count == 0)
            {
                return;
            }

            try
            {
                _commands.Run(_commandLine, nowMs);
            }
            catch (System.Exception ex)
            {
                // A failing component must not take the console (or, through the runtime, the
                // charger) down; the technician sees why and the log keeps it.
                _output.WriteLine("error: '" + _commandLine.Name + "' failed: " + ex.Message);
                _log.Write(LogLevel.Error, ComponentName, "command '" + _commandLine.Name + "' failed: " + ex.Message);
            }
        }

        private void CompleteLogin(long nowMs)
        {
            int length = _editor.CopyTo(_password);
            _editor.Reset();
            LeavePrompt();
            if (length == 0)
            {
                _output.WriteLine("login cancelled (empty password)");
                return;
            }

            bool accepted;
            try
            {
                accepted = _services.Password.Verify(_password, length);
            }
            finally
            {
                System.Array.Clear(_password, 0, _password.Length);
            }

            if (accepted)
            {
                _guard.RecordSuccess();
                _loggedIn = true;
                _lastInputMs = nowMs;
                _log.Write(LogLevel.Info, ComponentName, "maintenance login accepted");
                RaiseSecurityEvent(ConsoleSecurityEventTypes.MaintenanceLoginAccepted, "serial console login", nowMs);
                _output.WriteLine("logged in: privileged commands enabled; type 'logout' when done");
                return;
            }

            int failures = _guard.ConsecutiveFailures + 1;
            bool lockedOut = _guard.RecordFailure(nowMs);
            _log.Write(LogLevel.Warning, ComponentName, "maintenance login failed: wrong password (" + failures + " of " + _guard.FailuresBeforeLockout + ")");
            RaiseSecurityEvent(ConsoleSecurityEventTypes.MaintenanceLoginFailed, "serial console: wrong maintenance password", nowMs);
            if (lockedOut)
            {
                long seconds = _guard.LastLockoutMs / 1000;
                string what = "console login locked for " + seconds + " s after " + _guard.FailuresBeforeLockout + " wrong passwords (lockout " + _guard.LockoutCount + ")";
                _log.Write(LogLevel.Warning, ComponentName, what);
                RaiseSecurityEvent(ConsoleSecurityEventTypes.MaintenanceLoginLockedOut, "serial " + what, nowMs);
                _output.WriteLine("wrong password; login locked for " + seconds + " s");
            }
            else
            {
                int left = _guard.FailuresBeforeLockout - _guard.ConsecutiveFailures;
                _output.WriteLine("wrong password (" + left + " more before the login locks)");
            }
        }

        private void CompleteConfirmation(string answer, long nowMs)
        {
            ConfirmAction action = _pendingAction;
            string argument = _pendingArgument;
            LeavePrompt();
            if (answer != "yes")
            {
                _output.WriteLine("cancelled; nothing was done");
                _log.Write(LogLevel.Info, ComponentName, "confirmation declined: " + ActionText(action, argument));
                return;
            }

            if (!_loggedIn)
            {
                _output.WriteLine("not logged in any more; nothing was done");
                return;
            }

            _commands.RunConfirmed(action, argument, nowMs);
        }

        /// <summary>Ctrl-C or a refused line at a password or confirmation prompt abandons it.</summary>
        private void CancelPrompt(string why)
        {
            if (_mode == ConsoleMode.Password)
            {
                LeavePrompt();
                _output.WriteLine("login " + why);
            }
            else if (_mode == ConsoleMode.Confirm)
            {
                ConfirmAction action = _pendingAction;
                string argument = _pendingArgument;
                LeavePrompt();
                _output.WriteLine(why + "; nothing was done");
                _log.Write(LogLevel.Info, ComponentName, "confirmation " + why + ": " + ActionText(action, argument));
            }
        }

        private void LeavePrompt()
        {
            _mode = ConsoleMode.Command;
            _pendingAction = ConfirmAction.None;
            _pendingArgument = null;
            _editor.Masked = false;
            _editor.HistoryEnabled = true;
        }

        private void ShowPrompt()
        {
            if (_rebootReason != null)
            {
                return;
            }

            switch (_mode)
            {
                case ConsoleMode.Command:
                    _output.Write(_loggedIn ? PrivilegedPrompt : UserPrompt);
                    break;
                case ConsoleMode.Password:
                    _output.Write(PasswordPrompt);
                    break;
                case ConsoleMode.Confirm:
                    _output.Write(ConfirmPrompt);
                    break;
                default:
                    break;
            }
        }

        /// <summary>
        /// A message nobody typed a command for (test result, timeout): printed on its own line,
        /// then the prompt and the half-typed line again so the technician can carry on.
        /// </summary>
        private void Announce(string message)
        {
            bool atPrompt = _mode == ConsoleMode.Command || _mode == ConsoleMode.Password || _mode == ConsoleMode.Confirm;
            if (atPrompt && _rebootReason == null)
            {
                _output.WriteLine("");
            }

            _output.WriteLine(message);
            if (atPrompt && _rebootReason == null)
            {
                ShowPrompt();
                _editor.Redraw();
            }
        }

        private void PumpFollow()
        {
            while (_mode == ConsoleMode.Follow)
            {
                int count = _logRing.ReadSince(_followSequence, _follow);
                for (int i = 0; i < count; i++)
                {
                    long sequence = _follow[i].Sequence;
                    if (sequence > _followSequence + 1)
                    {
                        // The ring overwrote lines before we could show them; say so once.
                        if (!_output.WriteLine("[... " + (sequence - _followSequence - 1) + " log lines overwritten]"))
                        {
                            return;
                        }

                        _followSequence = sequence - 1;
                    }

                    if (!_output.TryWriteLogEntry(_follow[i]))
                    {
                        return;
                    }

                    _followSequence = sequence;
                }

                if (count < _follow.Length)
                {
                    return;
                }
            }
        }

        private void PumpDump()
        {
            while (_dumpIndex < _dumpCount)
            {
                if (!_output.TryWriteLogEntry(_dumpLines[_dumpIndex]))
                {
                    return;
                }

                _dumpIndex++;
            }

            _dumpLines = null;
            _mode = ConsoleMode.Command;
            ShowPrompt();
        }

        private void CheckTimeouts(long nowMs)
        {
            if ((_mode == ConsoleMode.Password || _mode == ConsoleMode.Confirm) && nowMs >= _promptDeadlineMs)
            {
                bool password = _mode == ConsoleMode.Password;
                ConfirmAction action = _pendingAction;
                string argument = _pendingArgument;
                _editor.Reset();
                LeavePrompt();
                if (password)
                {
                    Announce("login timed out");
                }
                else
                {
                    _log.Write(LogLevel.Info, ComponentName, "confirmation timed out: " + ActionText(action, argument));
                    Announce("confirmation timed out; nothing was done");
                }
            }

            if (_loggedIn && nowMs - _lastInputMs >= _settings.SessionIdleTimeoutMs)
            {
                if (_mode == ConsoleMode.Confirm)
                {
                    _editor.Reset();
                    LeavePrompt();
                }

                long minutes = _settings.SessionIdleTimeoutMs / 60000;
                Logout("idle for " + minutes + " min");
                Announce("logged out after " + minutes + " min without input");
            }
        }

        private void Drain(long nowMs)
        {
            int budget = _settings.MaxOutputBytesPerTick;
            int baudRate = _port.BaudRate;
            long capBits = (long)_settings.MaxOutputBytesPerTick * BitsPerByte;
            if (baudRate > 0)
            {
                // Never hand the UART more than it can send in the time that passed: its driver
                // buffer then never fills and Write never waits.
                if (_lastTickMs >= 0 && nowMs > _lastTickMs)
                {
                    _creditBits += (nowMs - _lastTickMs) * baudRate / 1000;
                }

                if (_creditBits > capBits)
                {
                    _creditBits = capBits;
                }

                budget = (int)(_creditBits / BitsPerByte);
            }

            if (_output.Count == 0 || budget <= 0)
            {
                return;
            }

            try
            {
                int written = _output.Drain(_port, budget);
                if (baudRate > 0)
                {
                    _creditBits -= (long)written * BitsPerByte;
                }

                PortRecovered();
            }
            catch (System.Exception ex)
            {
                PortFailed("write", ex);
            }
        }

        private void RebootWhenDrained(long nowMs)
        {
            if (_rebootReason == null)
            {
                return;
            }

            if (_output.Count > 0 && nowMs - _rebootRequestedMs < _settings.RebootDrainTimeoutMs)
            {
                return;
            }

            string reason = _rebootReason;
            _log.Write(LogLevel.Warning, ComponentName, "rebooting: " + reason);
            IRebootController reboot = _services.Reboot;
            _rebootReason = null;
            if (reboot != null)
            {
                try
                {
                    reboot.Reboot(reason);
                }
                catch (System.Exception ex)
                {
                    _log.Write(LogLevel.Error, ComponentName, "reboot failed: " + ex.Message);
                    _output.WriteLine("reboot failed: " + ex.Message);
                }
            }

            // On the board Reboot does not return. In the simulator it does; the console stays usable.
            ShowPrompt();
        }

        private void PortFailed(string operation, System.Exception ex)
        {
            _portErrors++;
            if (!_portFailing)
            {
                // Logged once per outage, not once per tick.
                _portFailing = true;
                _log.Write(LogLevel.Error, ComponentName, "serial port " + operation + " failed: " + ex.Message + "; console paused until it works again");
            }
        }

        private void PortRecovered()
        {
            if (_portFailing)
            {
                _portFailing = false;
                _log.Write(LogLevel.Info, ComponentName, "serial port works again after " + _portErrors + " errors");
            }
        }

        private static string ActionText(ConfirmAction action, string argument)
        {
            if (action == ConfirmAction.ClearFault)
            {
                return "fault clear " + argument;
            }

            return action == ConfirmAction.FactoryReset ? "factory-reset" : "nothing";
        }
    }
}
