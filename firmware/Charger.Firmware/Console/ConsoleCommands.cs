using Charger.Firmware.Diagnostics;
using Charger.Hal;

namespace Charger.Firmware.Console
{
    /// <summary>
    /// What each console command does. Every wrong use gets exactly one line saying what was
    /// expected; privileged commands check the login first and leave an audit trail (log line
    /// and security event) that never contains a secret value.
    /// </summary>
    internal sealed class ConsoleCommands
    {
        private const string ComponentName = ConsoleEngine.ComponentName;

        /// <summary>Width of the usage column in help: the longest usage plus two spaces.</summary>
        private const int HelpUsageWidth = 44;

        private readonly ConsoleEngine _engine;
        private readonly OutputBuffer _out;
        private readonly ILog _log;
        private readonly LogRing _logRing;
        private readonly ConsoleServices _services;
        private readonly ConsoleSettings _settings;
        private readonly string[] _lines;
        private readonly FaultRecord[] _faults;

        public ConsoleCommands(ConsoleEngine engine, OutputBuffer output, ILog log, LogRing logRing, ConsoleServices services, ConsoleSettings settings)
        {
            _engine = engine;
            _out = output;
            _log = log;
            _logRing = logRing;
            _services = services;
            _settings = settings;
            _lines = new string[settings.MaxTopicLines];
            _faults = new FaultRecord[settings.MaxFaults];
        }

        public void Run(CommandLine cmd, long nowMs)
        {
            // An if-chain rather than a switch on strings: with this many cases the compiler emits a
            // hash helper the nanoFramework metadata processor is not known to handle.
            string name = cmd.Name;
            if (name == "help" || name == "?")
            {
                Help(cmd);
            }
            else if (name == "status")
            {
                if (NoArguments(cmd, "status"))
                {
                    Status(nowMs);
                }
            }
            else if (name == "pilot")
            {
                ShowTopic(cmd, ConsoleTopic.Pilot, "pilot");
            }
            else if (name == "meter")
            {
                ShowTopic(cmd, ConsoleTopic.Meter, "meter");
            }
            else if (name == "temps")
            {
                ShowTopic(cmd, ConsoleTopic.Temps, "temps");
            }
            else if (name == "slots")
            {
                ShowTopic(cmd, ConsoleTopic.Slots, "slots");
            }
            else if (name == "crls")
            {
                ShowTopic(cmd, ConsoleTopic.Crls, "crls");
            }
            else if (name == "version")
            {
                ShowTopic(cmd, ConsoleTopic.Version, "version");
            }
            else if (name == "faults")
            {
                if (NoArguments(cmd, "faults"))
                {
                    Faults(nowMs);
                }
            }
            else if (name == "log")
            {
                Log(cmd);
            }
            else if (name == "ocpp")
            {
                Ocpp(cmd, nowMs);
            }
            else if (name == "config")
            {
                Config(cmd, nowMs);
            }
            else if (name == "login")
            {
                if (cmd.Count > 1)
                {
                    // A password on the command line would be echoed and kept in the history.
                    _out.WriteLine("usage: login (no arguments; the password is asked for without echo)");
                    return;
                }

                _engine.BeginLogin(nowMs);
            }
            else if (name == "logout")
            {
                if (Authorized("logout") && NoArguments(cmd, "logout"))
                {
                    Audit("logout", nowMs);
                    _engine.Logout("logout command");
                    _out.WriteLine("logged out");
                }
            }
            else if (name == "fault")
            {
                FaultClear(cmd, nowMs);
            }
            else if (name == "contactor")
            {
                ContactorTest(cmd, nowMs);
            }
            else if (name == "reboot")
            {
                if (Authorized("reboot") && NoArguments(cmd, "reboot"))
                {
                    Reboot(nowMs);
                }
            }
            else if (name == "factory-reset")
            {
                if (Authorized("factory-reset") && NoArguments(cmd, "factory-reset"))
                {
                    FactoryReset(nowMs);
                }
            }
            else
            {
                _out.WriteLine("unknown command '" + Clip(cmd.Word(0)) + "'; type 'help' for the list");
            }
        }

        /// <summary>Runs an action the technician has just confirmed with "yes".</summary>
        public void RunConfirmed(ConfirmAction action, string argument, long nowMs)
        {
            if (action == ConfirmAction.ClearFault)
            {
                Audit("fault clear " + argument + " (confirmed)", nowMs);
                ConsoleResult result = _services.Faults.Clear(argument, true);
                ReportClear(argument, result);
            }
            else if (action == ConfirmAction.FactoryReset)
            {
                Audit("factory-reset (confirmed)", nowMs);
                ConsoleResult result = _services.FactoryReset.Erase();
                if (!result.Succeeded)
                {
                    _out.WriteLine("factory-reset failed: " + result.Message);
                    _log.Write(LogLevel.Error, ComponentName, "factory reset failed: " + result.Message);
                    return;
                }

                _log.Write(LogLevel.Warning, ComponentName, "factory reset done: " + result.Message);
                _out.WriteLine("factory reset done; rebooting");
                _engine.ScheduleReboot("console: factory reset", nowMs);
            }
        }

        // ---- read-only ------------------------------------------------------------------------

        private void Help(CommandLine cmd)
        {
            if (cmd.Count > 3)
            {
                _out.WriteLine("usage: help [command]");
                return;
            }

            if (cmd.Count == 1)
            {
                _out.WriteLine("commands (* needs login):");
                for (int i = 0; i < CommandTable.Count; i++)
                {
                    ConsoleCommand c = CommandTable.Get(i);
                    _out.WriteLine((c.Privileged ? "* " : "  ") + PadRight(c.Usage, HelpUsageWidth) + c.Summary);
                }

                return;
            }

            string name = cmd.Word(1).ToLower();
            string sub = cmd.Count == 3 ? cmd.Word(2).ToLower() : "";
            if (!CommandTable.Exists(name) || (sub.Length > 0 && CommandTable.Find(name, sub) == null))
            {
                _out.WriteLine("help: no command '" + Clip(cmd.Word(1)) + (sub.Length > 0 ? " " + Clip(cmd.Word(2)) : "") + "'; type 'help' for the list");
                return;
            }

            for (int i = 0; i < CommandTable.Count; i++)
            {
                ConsoleCommand c = CommandTable.Get(i);
                if (c.Name != name || (sub.Length > 0 && CommandTable.Find(name, sub) != c))
                {
                    continue;
                }

                _out.WriteLine("usage: " + c.Usage + (c.Privileged ? "   (needs login)" : ""));
                _out.WriteLine("  " + c.Summary);
                if (c.Detail.Length > 0)
                {
                    _out.WriteLine("  " + c.Detail);
                }
            }
        }

        private void Status(long nowMs)
        {
            _out.WriteLine("status at " + LogFormat.FormatTimestamp(nowMs) + " since boot" + (_engine.IsLoggedIn ? " (logged in)" : ""));
            Headline(ConsoleTopic.Pilot, "pilot");
            Headline(ConsoleTopic.Contactor, "contactor");
            Headline(ConsoleTopic.Meter, "meter");
            Headline(ConsoleTopic.Temps, "temps");
            FaultHeadline();
            Headline(ConsoleTopic.Ocpp, "ocpp");
            Headline(ConsoleTopic.Transaction, "transaction");
        }

        private void Headline(ConsoleTopic topic, string label)
        {
            int count = ReadTopic(topic);
            _out.WriteLine(count > 0 ? _lines[0] : label + ": not available on this build");
        }

        private void FaultHeadline()
        {
            IFaultControl faults = _services.Faults;
            if (faults == null)
            {
                _out.WriteLine("faults: not available on this build");
                return;
            }

            int count = faults.ReadFaults(_faults);
            int active = 0;
            string names = "";
            for (int i = 0; i < count; i++)
            {
                if (_faults[i].Active)
                {
                    active++;
                    names = names + " " + _faults[i].Code;
                }
            }

            _out.WriteLine(active == 0 ? "faults: none active (" + count + " recent)" : "faults: " + active + " ACTIVE:" + names);
        }

        private void ShowTopic(CommandLine cmd, ConsoleTopic topic, string name)
        {
            if (!NoArguments(cmd, name))
            {
                return;
            }

            int count = ReadTopic(topic);
            if (count == 0)
            {
                _out.WriteLine(name + ": not available on this build");
                return;
            }

            for (int i = 0; i < count; i++)
            {
                _out.WriteLine(_lines[i]);
            }
        }

        private int ReadTopic(ConsoleTopic topic)
        {
            IConsoleStatusSource source = _services.Status;
            if (source == null)
            {
                return 0;
            }

            int count = source.ReadLines(topic, _lines);
            int usable = 0;
            while (usable < count && usable < _lines.Length && _lines[usable] != null)
            {
                usable++;
            }

            return usable;
        }

        private void Faults(long nowMs)
        {
            IFaultControl faults = _services.Faults;
            if (faults == null)
            {
                _out.WriteLine("faults: not available on this build");
                return;
            }

            int count = faults.ReadFaults(_faults);
            if (count == 0)
            {
                _out.WriteLine("faults: none active, none recent");
                return;
            }

            for (int i = 0; i < count; i++)
            {
                FaultRecord f = _faults[i];
                string when = f.Active
                    ? "ACTIVE  since " + LogFormat.FormatTimestamp(f.RaisedAtMs)
                    : "cleared " + LogFormat.FormatTimestamp(f.ClearedAtMs) + " (raised " + LogFormat.FormatTimestamp(f.RaisedAtMs) + ")";
                _out.WriteLine(f.Code + "  " + when + (f.ConfirmBeforeClear && f.Active ? "  [clear needs confirmation]" : ""));
                _out.WriteLine("    reason:   " + f.Reason);
                _out.WriteLine("    recovery: " + f.RecoveryRule);
            }
        }

        private void Log(CommandLine cmd)
        {
            if (_logRing == null)
            {
                _out.WriteLine("log: not available on this build");
                return;
            }

            if (cmd.Word(1).ToLower() == "follow")
            {
                if (cmd.Count > 2)
                {
                    _out.WriteLine("usage: log follow (no more arguments; any key stops it)");
                    return;
                }

                _out.WriteLine("[following the log; press any key to stop]");
                _engine.BeginFollow();
                return;
            }

            int lines = _settings.DefaultLogLines;
            LogLevel level = LogLevel.Debug;
            string component = null;
            bool haveCount = false;
            bool haveLevel = false;
            for (int i = 1; i < cmd.Count; i++)
            {
                string word = cmd.Word(i);
                int number;
                LogLevel parsedLevel;
                if (TryParseCount(word, out number))
                {
                    if (haveCount || number < 1 || number > _settings.MaxLogLines)
                    {
                        _out.WriteLine("log: n must be one number from 1 to " + _settings.MaxLogLines + "; usage: log [n] [level] [component]");
                        return;
                    }

                    lines = number;
                    haveCount = true;
                }
                else if (TryParseLevel(word, out parsedLevel))
                {
                    if (haveLevel)
                    {
                        _out.WriteLine("log: give one level (error, warn, info or debug); usage: log [n] [level] [component]");
                        return;
                    }

                    level = parsedLevel;
                    haveLevel = true;
                }
                else if (component == null && IsComponentName(word))
                {
                    component = word;
                }
                else
                {
                    _out.WriteLine("log: unexpected '" + Clip(word) + "'; usage: log [n] [level] [component], level is error, warn, info or debug");
                    return;
                }
            }

            // Allocated per command, not per tick: the ring copies exactly as many as asked for.
            LogEntry[] entries = new LogEntry[lines];
            int found = _logRing.CopyNewest(entries, level, component);
            if (found == 0)
            {
                _out.WriteLine("log: no lines match");
                return;
            }

            _engine.BeginDump(entries, found);
        }

        private void Ocpp(CommandLine cmd, long nowMs)
        {
            if (cmd.Count == 1)
            {
                int count = ReadTopic(ConsoleTopic.Ocpp);
                for (int i = 0; i < count; i++)
                {
                    _out.WriteLine(_lines[i]);
                }

                if (count == 0)
                {
                    _out.WriteLine("ocpp: not available on this build");
                }

                IOcppTrace trace = _services.OcppTrace;
                if (trace != null)
                {
                    _out.WriteLine("trace: " + (trace.Enabled ? "on" : "off"));
                }

                return;
            }

            if (cmd.Word(1).ToLower() != "trace")
            {
                _out.WriteLine("usage: ocpp   or   ocpp trace on|off");
                return;
            }

            if (!Authorized("ocpp trace"))
            {
                return;
            }

            string setting = cmd.Word(2).ToLower();
            if (cmd.Count != 3 || (setting != "on" && setting != "off"))
            {
                _out.WriteLine("usage: ocpp trace on|off");
                return;
            }

            IOcppTrace ocppTrace = _services.OcppTrace;
            if (ocppTrace == null)
            {
                _out.WriteLine("ocpp trace: not available on this build");
                return;
            }

            Audit("ocpp trace " + setting, nowMs);
            ocppTrace.SetEnabled(setting == "on");
            _out.WriteLine(setting == "on" ? "ocpp trace on: every frame goes to the log ('log follow' shows them)" : "ocpp trace off");
        }

        private void Config(CommandLine cmd, long nowMs)
        {
            string sub = cmd.Word(1).ToLower();
            if (sub == "get")
            {
                ConfigGet(cmd);
            }
            else if (sub == "set")
            {
                ConfigSet(cmd, nowMs);
            }
            else
            {
                _out.WriteLine("usage: config get <Component>.<Variable>   or   config set <Component>.<Variable> <value>");
            }
        }

        private void ConfigGet(CommandLine cmd)
        {
            const string Usage = "usage: config get <Component>.<Variable>, e.g. config get OCPPCommCtrlr.HeartbeatInterval";
            string component;
            string variable;
            if (cmd.Count != 3 || !SplitName(cmd.Word(2), out component, out variable))
            {
                _out.WriteLine(Usage);
                return;
            }

            IConfigAccess config = _services.Config;
            if (config == null)
            {
                _out.WriteLine("config: not available on this build");
                return;
            }

            ConfigResult result = config.Get(component, variable);
            if (result.Status == ConfigStatus.Accepted)
            {
                _out.WriteLine(component + "." + variable + " = " + result.Value);
            }
            else
            {
                _out.WriteLine("config get " + component + "." + variable + ": " + StatusText(result.Status) + Because(result.Reason));
            }
        }

        private void ConfigSet(CommandLine cmd, long nowMs)
        {
            if (!Authorized("config set"))
            {
                return;
            }

            string component;
            string variable;
            if (cmd.Count != 4 || !SplitName(cmd.Word(2), out component, out variable))
            {
                _out.WriteLine("usage: config set <Component>.<Variable> <value> (quote a value with spaces)");
                return;
            }

            IConfigAccess config = _services.Config;
            if (config == null)
            {
                _out.WriteLine("config: not available on this build");
                return;
            }

            string name = component + "." + variable;
            ConfigResult result = config.Set(component, variable, cmd.Word(3));
            // The audit names the variable and the outcome, never the value: it may be a secret.
            Audit("config set " + name + " -> " + StatusText(result.Status), nowMs);
            if (result.Status == ConfigStatus.Accepted)
            {
                _out.WriteLine(name + " set");
            }
            else if (result.Status == ConfigStatus.RebootRequired)
            {
                _out.WriteLine(name + " stored; takes effect after a reboot");
            }
            else
            {
                _out.WriteLine("config set " + name + " refused: " + StatusText(result.Status) + Because(result.Reason));
            }
        }

        // ---- privileged -----------------------------------------------------------------------

        private void FaultClear(CommandLine cmd, long nowMs)
        {
            if (!Authorized("fault clear"))
            {
                return;
            }

            if (cmd.Count != 3 || cmd.Word(1).ToLower() != "clear")
            {
                _out.WriteLine("usage: fault clear <code> (the codes are listed by 'faults')");
                return;
            }

            IFaultControl faults = _services.Faults;
            if (faults == null)
            {
                _out.WriteLine("fault clear: not available on this build");
                return;
            }

            string code = cmd.Word(2);
            int count = faults.ReadFaults(_faults);
            int index = -1;
            string activeCodes = "";
            for (int i = 0; i < count; i++)
            {
                if (!_faults[i].Active)
                {
                    continue;
                }

                activeCodes = activeCodes + (activeCodes.Length > 0 ? ", " : "") + _faults[i].Code;
                if (index < 0 && _faults[i].Code != null && _faults[i].Code.ToLower() == code.ToLower())
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                _out.WriteLine("fault clear: no active fault '" + Clip(code) + "'" + (activeCodes.Length > 0 ? "; active: " + activeCodes : "; none is active"));
                return;
            }

            FaultRecord fault = _faults[index];
            if (fault.ConfirmBeforeClear)
            {
                _out.WriteLine("WARNING: " + fault.Code + ": " + fault.Reason);
                _out.WriteLine("Clearing lets the charger close the contactor again. Check it first: " + fault.RecoveryRule);
                _log.Write(LogLevel.Warning, ComponentName, "fault clear " + fault.Code + " waits for confirmation");
                _engine.BeginConfirmation(ConfirmAction.ClearFault, fault.Code, nowMs);
                return;
            }

            Audit("fault clear " + fault.Code, nowMs);
            ReportClear(fault.Code, faults.Clear(fault.Code, false));
        }

        private void ReportClear(string code, ConsoleResult result)
        {
            if (result.Succeeded)
            {
                _out.WriteLine("fault " + code + " cleared" + Because(result.Message));
                _log.Write(LogLevel.Warning, ComponentName, "fault " + code + " cleared by technician");
            }
            else
            {
                _out.WriteLine("fault clear " + code + " refused" + Because(result.Message));
                _log.Write(LogLevel.Info, ComponentName, "fault clear " + code + " refused: " + result.Message);
            }
        }

        private void ContactorTest(CommandLine cmd, long nowMs)
        {
            if (!Authorized("contactor test"))
            {
                return;
            }

            if (cmd.Count != 2 || cmd.Word(1).ToLower() != "test")
            {
                _out.WriteLine("usage: contactor test");
                return;
            }

            IContactorTest test = _services.ContactorTest;
            if (test == null)
            {
                _out.WriteLine("contactor test: not available on this build");
                return;
            }

            if (test.IsRunning)
            {
                _out.WriteLine("contactor test: already running; the result follows when it ends");
                return;
            }

            Audit("contactor test", nowMs);
            ConsoleResult started = test.Start(nowMs);
            if (!started.Succeeded)
            {
                _out.WriteLine("contactor test refused" + Because(started.Message));
                return;
            }

            _out.WriteLine("contactor test started" + Because(started.Message) + "; the result follows when it ends");
            _engine.StartWatchingContactorTest();
        }

        private void Reboot(long nowMs)
        {
            if (_services.Reboot == null)
            {
                _out.WriteLine("reboot: not available on this build");
                return;
            }

            Audit("reboot", nowMs);
            _out.WriteLine("rebooting");
            _engine.ScheduleReboot("console: reboot by technician", nowMs);
        }

        private void FactoryReset(long nowMs)
        {
            if (_services.FactoryReset == null || _services.Reboot == null)
            {
                _out.WriteLine("factory-reset: not available on this build");
                return;
            }

            _out.WriteLine("WARNING: factory-reset erases the configuration, CSMS address, credentials, queued transactions and logs, then reboots.");
            _log.Write(LogLevel.Warning, ComponentName, "factory-reset waits for confirmation");
            _engine.BeginConfirmation(ConfirmAction.FactoryReset, null, nowMs);
        }

        // ---- helpers ----------------------------------------------------------------------

        /// <summary>True when logged in; otherwise says so on one line and logs the refused attempt.</summary>
        private bool Authorized(string what)
        {
            if (_engine.IsLoggedIn)
            {
                return true;
            }

            _out.WriteLine(what + ": needs login first (type 'login')");
            _log.Write(LogLevel.Warning, ComponentName, "refused without login: " + what);
            return false;
        }

        private void Audit(string what, long nowMs)
        {
            _log.Write(LogLevel.Info, ComponentName, "privileged command: " + what);
            _engine.RaiseSecurityEvent(ConsoleSecurityEventTypes.MaintenanceCommand, "serial console: " + what, nowMs);
        }

        private bool NoArguments(CommandLine cmd, string name)
        {
            if (cmd.Count == 1)
            {
                return true;
            }

            _out.WriteLine("usage: " + name + " (takes no arguments)");
            return false;
        }

        /// <summary>"Component.Variable" split at the first dot; both parts must be non-empty.</summary>
        private static bool SplitName(string text, out string component, out string variable)
        {
            int dot = text.IndexOf('.');
            if (dot <= 0 || dot == text.Length - 1)
            {
                component = null;
                variable = null;
                return false;
            }

            component = text.Substring(0, dot);
            variable = text.Substring(dot + 1);
            return true;
        }

        /// <summary>
        /// Decimal digits only. More than 4 digits is still a number, reported as int.MaxValue so
        /// the range check refuses it instead of it being taken for a component name.
        /// </summary>
        private static bool TryParseCount(string text, out int value)
        {
            value = 0;
            if (text.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    value = 0;
                    return false;
                }

                value = i < 4 ? value * 10 + (c - '0') : int.MaxValue;
            }

            return true;
        }

        private static bool TryParseLevel(string text, out LogLevel level)
        {
            switch (text.ToLower())
            {
                case "error":
                    level = LogLevel.Error;
                    return true;
                case "warn":
                case "warning":
                    level = LogLevel.Warning;
                    return true;
                case "info":
                    level = LogLevel.Info;
                    return true;
                case "debug":
                    level = LogLevel.Debug;
                    return true;
                default:
                    level = LogLevel.Debug;
                    return false;
            }
        }

        /// <summary>Component names in the log are short identifiers starting with a letter ("ocpp", "safety", "meter-bus").</summary>
        private static bool IsComponentName(string text)
        {
            if (text.Length == 0 || text.Length > 32 || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z')))
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static string StatusText(ConfigStatus status)
        {
            switch (status)
            {
                case ConfigStatus.Accepted:
                    return "Accepted";
                case ConfigStatus.Rejected:
                    return "Rejected";
                case ConfigStatus.UnknownComponent:
                    return "UnknownComponent";
                case ConfigStatus.UnknownVariable:
                    return "UnknownVariable";
                case ConfigStatus.NotSupportedAttributeType:
                    return "NotSupportedAttributeType";
                default:
                    return "RebootRequired";
            }
        }

        private static string Because(string reason)
        {
            return reason == null || reason.Length == 0 ? "" : ": " + reason;
        }

        /// <summary>Echoes a bad word back at most 24 characters long, so one error stays one line.</summary>
        private static string Clip(string word)
        {
            const int MaxEcho = 24;
            return word.Length <= MaxEcho ? word : word.Substring(0, MaxEcho) + "...";
        }

        private static string PadRight(string text, int width)
        {
            if (text.Length >= width)
            {
                return text + " ";
            }

            System.Text.StringBuilder sb = new System.Text.StringBuilder(width);
            sb.Append(text);
            while (sb.Length < width)
            {
                sb.Append(' ');
            }

            return sb.ToString();
        }
    }
}
