using System.Globalization;
using System.Text.RegularExpressions;

namespace Charger.Sim.Scenarios;

/// <summary>
/// Reads the plain-text scenario format (README, "Scenario scripts"): one step per line,
/// <c>&lt;time&gt; &lt;verb&gt; [args]</c>, time absolute (<c>90s</c>, <c>1m30s</c>) or relative to the
/// previous step (<c>+5s</c>), <c>#</c> starts a comment. Every mistake names its line and what
/// was expected there, before anything runs.
/// </summary>
public static partial class ScenarioParser
{
    public static readonly string[] Verbs =
    {
        "plug", "unplug", "ev", "swipe", "temp", "ambient", "rcd", "estop", "weld", "stick-open", "lock",
        "contactor-ok", "meter", "network", "power-cut", "csms", "expect", "wait", "firmware",
    };

    public static readonly string[] CsmsCommands =
    {
        "remote-start", "remote-stop", "reset", "set", "get", "local-list", "clear-cache",
        "availability", "trigger", "unlock", "boot", "accept", "block",
        "profile", "clear-profile", "composite", "get-profiles", "network-profile", "address",
        "update-firmware", "install-root",
    };

    /// <summary>
    /// Periods of <c>csms profile</c>: <c>32A</c> or <c>32A,1m:10A,5m:16A</c> (limit from the step's
    /// time, then at each offset), all in A or all in W.
    /// </summary>
    public static (string Unit, List<(int StartS, double Limit)> Periods) ParseProfilePeriods(int line, string text)
    {
        var periods = new List<(int, double)>();
        string unit = null;
        foreach (string part in text.Split(','))
        {
            int colon = part.IndexOf(':');
            long startMs = colon < 0 ? 0 : ParseDuration(line, part[..colon], "a period start like 1m before ':'");
            string limitText = colon < 0 ? part : part[(colon + 1)..];
            string u = limitText.EndsWith('W') ? "W" : limitText.EndsWith('A') ? "A" : null;
            if (u == null || !double.TryParse(limitText[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double limit) || limit < 0)
            {
                throw new ScenarioException(line, $"expected a limit like 16A or 11000W, got '{limitText}'");
            }

            if (unit != null && u != unit)
            {
                throw new ScenarioException(line, "all periods of a profile use one unit");
            }

            if (startMs % 1000 != 0 || (periods.Count == 0 && startMs != 0) || (periods.Count > 0 && startMs / 1000 <= periods[^1].Item1))
            {
                throw new ScenarioException(line, "period starts are whole seconds, the first is the step's time, each later than the one before");
            }

            unit = u;
            periods.Add(((int)(startMs / 1000), limit));
        }

        return (unit, periods);
    }

    public static Scenario ParseFile(string path) =>
        Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    public static Scenario Parse(string name, string text)
    {
        var steps = new List<ScenarioStep>();
        long previousMs = 0;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] words = WhiteSpace().Split(line);
            if (words.Length < 2)
            {
                throw new ScenarioException(lineNumber, $"expected '<time> <verb> ...', got '{line}'");
            }

            string timeWord = words[0];
            bool relative = timeWord.StartsWith('+');
            long offsetMs = ParseDuration(lineNumber, relative ? timeWord[1..] : timeWord, "a step time like 0s, +5s or 1m30s");
            long atMs = relative ? previousMs + offsetMs : offsetMs;
            if (atMs < previousMs)
            {
                throw new ScenarioException(lineNumber,
                    $"steps must not go back in time: {FormatMs(atMs)} is before the previous step at {FormatMs(previousMs)}");
            }

            string verb = words[1].ToLowerInvariant();
            string[] args = words[2..];
            Expectation expect = ValidateVerb(lineNumber, verb, args);
            steps.Add(new ScenarioStep(lineNumber, atMs, verb, args, line, expect));
            previousMs = atMs;
        }

        if (steps.Count == 0)
        {
            throw new ScenarioException(1, "the scenario has no steps");
        }

        return new Scenario(name, steps);
    }

    /// <summary>Parses 250ms, 5s, 1.5s, 2m, 1h, 1m30s. Zero is allowed.</summary>
    public static long ParseDuration(int lineNumber, string text, string what)
    {
        var m = Duration().Match(text);
        if (!m.Success || text.Length == 0)
        {
            throw new ScenarioException(lineNumber, $"expected {what}, got '{text}'");
        }

        double totalMs = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            double n = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            totalMs += part.Groups[2].Value switch
            {
                "ms" => n,
                "s" => n * 1000,
                "m" => n * 60_000,
                _ => n * 3_600_000,
            };
        }

        return (long)Math.Round(totalMs);
    }

    public static string FormatMs(long ms) =>
        ms % 1000 == 0 ? $"{ms / 1000}s" : $"{ms}ms";

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static Expectation ValidateVerb(int line, string verb, string[] args)
    {
        switch (verb)
        {
            case "plug":
                if (args.Length > 1 || (args.Length == 1 && !new[] { "13a", "20a", "32a", "63a", "tethered" }.Contains(args[0].ToLowerInvariant())))
                {
                    throw new ScenarioException(line, $"plug takes an optional cable rating 13A, 20A, 32A, 63A or tethered, got '{string.Join(' ', args)}'");
                }

                return null;
            case "unplug":
            case "weld":
            case "stick-open":
            case "contactor-ok":
            case "wait":
                NoArgs(line, verb, args);
                return null;
            case "ev":
                OneOf(line, "ev", args, "charge", "pause", "ventilate", "error", "diode-fault", "ok");
                return null;
            case "swipe":
                if (args.Length != 1)
                {
                    throw new ScenarioException(line, "swipe takes one idToken, e.g. 'swipe RFID-0001'");
                }

                return null;
            case "temp":
                if (args.Length != 2)
                {
                    throw new ScenarioException(line, "temp takes a sensor and a temperature, e.g. 'temp connector 70C'");
                }

                ParseNumberWithUnit(line, args[1], "C", "a temperature like 70C");
                return null;
            case "ambient":
                if (args.Length != 1)
                {
                    throw new ScenarioException(line, "ambient takes a temperature, e.g. 'ambient 35C'");
                }

                ParseNumberWithUnit(line, args[0], "C", "a temperature like 35C");
                return null;
            case "rcd":
                OneOf(line, "rcd", args, "trip", "clear");
                return null;
            case "estop":
                OneOf(line, "estop", args, "press", "release");
                return null;
            case "meter":
                OneOf(line, "meter", args, "fail", "ok");
                return null;
            case "lock":
                OneOf(line, "lock", args, "jam", "ok");
                return null;
            case "network":
                OneOf(line, "network", args, "down", "up");
                return null;
            case "power-cut":
                if (args.Length == 2 && args[0] == "for")
                {
                    ParseDuration(line, args[1], "how long power stays off, like 5s");
                    return null;
                }

                NoArgs(line, "power-cut (or 'power-cut for 5s')", args);
                return null;
            case "csms":
                if (args.Length == 0 || !CsmsCommands.Contains(args[0]))
                {
                    throw new ScenarioException(line, $"csms takes one of {string.Join(", ", CsmsCommands)}, got '{string.Join(' ', args)}'");
                }

                ValidateCsmsCommand(line, args);
                return null;
            case "firmware":
                if (args.Length < 2 || args.Length > 3 || args[0] != "install" || !Charger.Ota.Slots.SlotState.IsStorableVersion(args[1])
                    || (args.Length == 3 && args[2] is not ("good" or "throws" or "fails-selftest")))
                {
                    throw new ScenarioException(line, $"expected 'firmware install <version> [good|throws|fails-selftest]', got '{string.Join(' ', args)}'");
                }

                return null;
            case "expect":
                return ParseExpectation(line, args);
            default:
                throw new ScenarioException(line, $"unknown verb '{verb}'; expected one of {string.Join(", ", Verbs)}");
        }
    }

    /// <summary>Messages a CSMS may ask for with TriggerMessage (OCPP 2.0.1 MessageTriggerEnumType, the ones the station answers).</summary>
    public static readonly string[] TriggerableMessages =
    {
        "BootNotification", "Heartbeat", "StatusNotification", "MeterValues", "TransactionEvent",
    };

    private static void ValidateCsmsCommand(int line, string[] args)
    {
        string command = args[0];
        string[] rest = args[1..];
        string usage = command switch
        {
            "boot" => "csms boot accepted|pending|rejected",
            "accept" or "block" => $"csms {command} <idToken>",
            "reset" => "csms reset [immediate|onidle]",
            "set" => "csms set <Component>.<Variable> <value>",
            "get" => "csms get <Component>.<Variable>",
            "availability" => "csms availability operative|inoperative",
            "trigger" => $"csms trigger {string.Join("|", TriggerableMessages)}",
            "remote-start" => "csms remote-start <idToken>",
            "local-list" => "csms local-list full|diff <version> [idToken ...]",
            "profile" => "csms profile <id> station|default|tx <limit>[,<offset>:<limit>...] [stack <n>]",
            "clear-profile" => "csms clear-profile [<id>]",
            "composite" => "csms composite <duration>",
            "network-profile" => "csms network-profile <slot> ws://<host>/<path>|wss://<host>/<path>",
            "address" => "csms address <host> up|down",
            "update-firmware" => $"csms update-firmware {string.Join("|", Charger.Sim.Firmware.SimFirmwareUpdates.Kinds)} [<version>] [install-in <duration>]",
            _ => $"csms {command}",
        };

        bool ok = command switch
        {
            "boot" => rest.Length == 1 && rest[0] is "accepted" or "pending" or "rejected",
            "accept" or "block" or "remote-start" => rest.Length == 1,
            "reset" => rest.Length == 0 || (rest.Length == 1 && rest[0] is "immediate" or "onidle"),
            "set" => rest.Length == 2 && IsComponentVariable(rest[0]),
            "get" => rest.Length == 1 && IsComponentVariable(rest[0]),
            "availability" => rest.Length == 1 && rest[0] is "operative" or "inoperative",
            "trigger" => rest.Length == 1 && TriggerableMessages.Contains(rest[0]),
            "local-list" => rest.Length >= 2 && rest[0] is "full" or "diff" && int.TryParse(rest[1], out int v) && v > 0,
            "profile" => (rest.Length == 3 || (rest.Length == 5 && rest[3] == "stack" && int.TryParse(rest[4], out _)))
                         && int.TryParse(rest[0], out _) && rest[1] is "station" or "default" or "tx" && ParseProfilePeriods(line, rest[2]).Periods.Count > 0,
            "clear-profile" => rest.Length == 0 || (rest.Length == 1 && int.TryParse(rest[0], out _)),
            "composite" => rest.Length == 1 && ParseDuration(line, rest[0], "a duration like 10m") >= 0,
            "update-firmware" => IsFirmwareUpdate(line, rest),
            "network-profile" => rest.Length == 2 && int.TryParse(rest[0], out _) && (rest[1].StartsWith("ws://") || rest[1].StartsWith("wss://")),
            "address" => rest.Length == 2 && rest[0].Length > 0 && rest[1] is "up" or "down",
            _ => rest.Length == 0,
        };

        if (!ok)
        {
            throw new ScenarioException(line, $"expected '{usage}', got 'csms {string.Join(' ', args)}'");
        }
    }

    private static bool IsFirmwareUpdate(int line, string[] rest)
    {
        if (rest.Length == 0 || !Charger.Sim.Firmware.SimFirmwareUpdates.Kinds.Contains(rest[0]))
        {
            return false;
        }

        int i = 1;
        if (i < rest.Length && rest[i] != "install-in")
        {
            if (!Charger.Ota.Slots.SlotState.IsStorableVersion(rest[i]))
            {
                return false;
            }

            i++;
        }

        if (i < rest.Length)
        {
            if (rest[i] != "install-in" || i + 2 != rest.Length)
            {
                return false;
            }

            ParseDuration(line, rest[i + 1], "a duration after install-in");
            return true;
        }

        return true;
    }

    private static bool IsComponentVariable(string text)
    {
        int dot = text.IndexOf('.');
        return dot > 0 && dot < text.Length - 1;
    }

    private static Expectation ParseExpectation(int line, string[] args)
    {
        long withinMs = 0;
        int end = args.Length;
        int within = Array.IndexOf(args, "within");
        if (within >= 0)
        {
            if (within != args.Length - 2)
            {
                throw new ScenarioException(line, "'within' must end the line followed by one duration, e.g. 'within 100ms'");
            }

            withinMs = ParseDuration(line, args[within + 1], "a deadline like 100ms or 3s after 'within'");
            end = within;
        }

        string[] a = args[..end];
        if (a.Length == 0)
        {
            throw new ScenarioException(line, "expect needs a subject: contactor, pilot, offer, drawn, energy, temp, fault, transaction, csms or connection");
        }

        string subject = a[0].ToLowerInvariant();
        string[] rest = a[1..];
        switch (subject)
        {
            case "contactor":
                OneOf(line, "expect contactor", rest, "open", "closed");
                return new Expectation(ExpectSubject.Contactor, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "pilot":
                OneOf(line, "expect pilot", rest, "A", "B", "C", "D", "E", "F");
                return new Expectation(ExpectSubject.Pilot, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "offer":
            case "drawn":
            {
                var (op, value) = ParseComparison(line, rest, "A", $"expect {subject} [=|<|<=|>|>=] <amps>A, e.g. 'expect {subject} <= 16A'");
                return new Expectation(subject == "offer" ? ExpectSubject.Offer : ExpectSubject.Drawn, null, op, value, null, withinMs);
            }
            case "energy":
            {
                bool kwh = rest.Length > 0 && rest[^1].EndsWith("kWh", StringComparison.OrdinalIgnoreCase);
                var (op, value) = ParseComparison(line, rest, kwh ? "kWh" : "Wh", "expect energy [op] <n>Wh or <n>kWh, e.g. 'expect energy >= 5kWh'");
                return new Expectation(ExpectSubject.Energy, null, op, kwh ? value * 1000 : value, null, withinMs);
            }
            case "temp":
            {
                if (rest.Length < 2)
                {
                    throw new ScenarioException(line, "expect temp <sensor> [op] <n>C, e.g. 'expect temp connector < 65C'");
                }

                var (op, value) = ParseComparison(line, rest[1..], "C", "expect temp <sensor> [op] <n>C");
                return new Expectation(ExpectSubject.Temperature, rest[0], op, value, null, withinMs);
            }
            case "fault":
                if (rest.Length == 1 && rest[0].Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    return new Expectation(ExpectSubject.Fault, null, CompareOp.Equal, 0, "none", withinMs);
                }

                if (rest.Length < 1 || rest.Length > 2 || (rest.Length == 2 && rest[1] != "present" && rest[1] != "absent"))
                {
                    throw new ScenarioException(line, "expect fault <code> [present|absent] or 'expect fault none'");
                }

                return new Expectation(ExpectSubject.Fault, rest[0], CompareOp.Equal, 0, rest.Length == 2 ? rest[1] : "present", withinMs);
            case "transaction":
                OneOf(line, "expect transaction", rest, "started", "ended", "none");
                return new Expectation(ExpectSubject.Transaction, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "firmware-status":
                if (rest.Length != 1)
                {
                    throw new ScenarioException(line, "expect firmware-status <FirmwareStatus>, e.g. 'expect firmware-status Installed'");
                }

                return new Expectation(ExpectSubject.FirmwareStatus, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "connection":
                OneOf(line, "expect connection", rest, "online", "offline");
                return new Expectation(ExpectSubject.Connection, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "firmware":
                if (rest.Length != 1)
                {
                    throw new ScenarioException(line, "expect firmware <version>, e.g. 'expect firmware 0.2.0'");
                }

                return new Expectation(ExpectSubject.FirmwareVersion, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "network-profile":
                if (rest.Length != 1 || !int.TryParse(rest[0], out int profileSlot) || profileSlot < 0)
                {
                    throw new ScenarioException(line, "expect network-profile <slot>, e.g. 'expect network-profile 1' (connected with that slot)");
                }

                return new Expectation(ExpectSubject.NetworkProfile, null, CompareOp.Equal, profileSlot, rest[0], withinMs);
            case "slot":
                OneOf(line, "expect slot", rest, "A", "B");
                return new Expectation(ExpectSubject.ActiveSlot, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "rollback":
                OneOf(line, "expect rollback", rest, "none", "StartThrew", "NotConfirmed", "SelfTestFailed", "VerificationFailed");
                return new Expectation(ExpectSubject.Rollback, null, CompareOp.Equal, 0, rest[0], withinMs);
            case "csms":
            {
                if (rest.Length < 3 || rest[0] != "received")
                {
                    throw new ScenarioException(line, "expect csms received [op] <count> <Action>[:<eventType>], e.g. 'expect csms received 1 TransactionEvent:Ended'");
                }

                string action = rest[^1];
                var (op, value) = ParseComparison(line, rest[1..^1], "", "expect csms received [op] <count> <Action>");
                return new Expectation(ExpectSubject.CsmsReceived, action, op, value, null, withinMs);
            }
            default:
                throw new ScenarioException(line, $"unknown expectation '{subject}'; expected contactor, pilot, offer, drawn, energy, temp, fault, transaction, csms or connection");
        }
    }

    private static (CompareOp op, double value) ParseComparison(int line, string[] words, string unit, string usage)
    {
        string joined = string.Join("", words);
        var m = Comparison().Match(joined);
        if (!m.Success)
        {
            throw new ScenarioException(line, $"expected {usage}, got '{string.Join(' ', words)}'");
        }

        CompareOp op = m.Groups[1].Value switch
        {
            "" or "=" or "==" => CompareOp.Equal,
            "<" => CompareOp.Less,
            "<=" => CompareOp.LessOrEqual,
            ">" => CompareOp.Greater,
            _ => CompareOp.GreaterOrEqual,
        };
        double value = ParseNumberWithUnit(line, m.Groups[2].Value, unit, usage);
        return (op, value);
    }

    private static double ParseNumberWithUnit(int line, string text, string unit, string what)
    {
        string number = unit.Length > 0 && text.EndsWith(unit, StringComparison.OrdinalIgnoreCase) ? text[..^unit.Length] : text;
        if (unit.Length > 0 && number.Length == text.Length)
        {
            throw new ScenarioException(line, $"expected {what} (with unit {unit}), got '{text}'");
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new ScenarioException(line, $"expected {what}, got '{text}'");
        }

        return value;
    }

    private static void NoArgs(int line, string verb, string[] args)
    {
        if (args.Length != 0)
        {
            throw new ScenarioException(line, $"{verb} takes no arguments, got '{string.Join(' ', args)}'");
        }
    }

    private static void OneOf(int line, string verb, string[] args, params string[] allowed)
    {
        if (args.Length != 1 || !allowed.Contains(args[0]))
        {
            throw new ScenarioException(line, $"{verb} takes one of {string.Join(", ", allowed)}, got '{string.Join(' ', args)}'");
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^(==|=|<=|>=|<|>)?([0-9.]+[A-Za-z]*)$")]
    private static partial Regex Comparison();
}
