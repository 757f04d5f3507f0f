using System;
using System.Collections.Generic;
using System.Text;

namespace Charger.Sim.Tests.Hostile;

/// <summary>
/// Seeded mutations of OCPP-J frames: a corpus of valid CSMS calls (every action the station
/// handles) and answers to the station's own calls, then text-level damage of the kinds the issue 13
/// fuzzer found bugs with: hostile numbers (int overflow, huge, non-canonical integers), hostile
/// strings (long, surrogates, control characters), duplicate keys, deep nesting, lone surrogate
/// escapes, cut or spliced text and odd message types.
/// </summary>
public sealed class OcppFrameMutator
{
    private static readonly string[] HostileNumbers =
    {
        "4294967298", "-4294967294", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400",
        "2.0", "1e0", "2E+0", "0.5", "-0", "-1", "0", "1", "2", "3", "4", "2147483648", "1e-400", "4e18", "123456789012345678901234567890",
    };

    private static readonly string[] HostileStrings =
    {
        "", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\u0000", "\\u001b[2J", "\uD83D\uDD0C", "\uD83D", "\uDC00", "\\\"", "\\\\",
        "Immediate", "OnIdle", "Accepted", "Rejected", "Pending", "Heartbeat", "BootNotification", "TransactionEvent", "MeterValues",
        "StatusNotification", "MaintenancePassword", "SecurityCtrlr", "OCPPCommCtrlr", "HeartbeatInterval", "EVSE", "FullInventory",
        "Inoperative", "Operative", "ISO14443", "Central",
    };

    private static readonly string Alphabet = "{}[]\",:\\0123456789eE.-+ tfnul\u00e9\uD83D\uDD0C\u0000\u007f";

    private readonly Random _random;

    public OcppFrameMutator(Random random)
    {
        _random = random;
    }

    /// <summary>CSMS-initiated calls: action and a valid payload.</summary>
    public static readonly (string Action, string Payload)[] Calls =
    {
        ("Reset", "{\"type\":\"OnIdle\"}"),
        ("Reset", "{\"type\":\"Immediate\",\"evseId\":1}"),
        ("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"30\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}"),
        ("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"fuzz-maintenance-1\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}},{\"attributeValue\":\"fuzz-maintenance-2\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}]}"),
        ("SetVariables", "{\"setVariableData\":[{\"attributeType\":\"Actual\",\"attributeValue\":\"Energy.Active.Import.Register,Current.Import,Power.Active.Import,Voltage\",\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedMeasurands\"}},{\"attributeValue\":\"1\",\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}}]}"),
        ("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"x\",\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":1}},\"variable\":{\"name\":\"AvailabilityState\"}}]}"),
        ("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},{\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":1,\"connectorId\":1}},\"variable\":{\"name\":\"AvailabilityState\"}}]}"),
        ("GetBaseReport", "{\"requestId\":7,\"reportBase\":\"SummaryInventory\"}"),
        ("GetBaseReport", "{\"requestId\":8,\"reportBase\":\"ConfigurationInventory\"}"),
        ("TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}"),
        ("TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":1,\"connectorId\":1}}"),
        ("TriggerMessage", "{\"requestedMessage\":\"MeterValues\",\"evse\":{\"id\":1}}"),
        ("TriggerMessage", "{\"requestedMessage\":\"TransactionEvent\",\"evse\":{\"id\":1}}"),
        ("TriggerMessage", "{\"requestedMessage\":\"BootNotification\"}"),
        ("RequestStartTransaction", "{\"idToken\":{\"idToken\":\"FUZZ-0001\",\"type\":\"ISO14443\"},\"remoteStartId\":42,\"evseId\":1}"),
        ("RequestStopTransaction", "{\"transactionId\":\"T1-00000000\"}"),
        ("GetTransactionStatus", "{}"),
        ("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":1}}"),
        ("ChangeAvailability", "{\"operationalStatus\":\"Operative\"}"),
        ("ClearCache", "{}"),
        ("GetLocalListVersion", "{}"),
        ("SendLocalList", "{\"versionNumber\":3,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idToken\":{\"idToken\":\"FUZZ-0002\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\"}}]}"),
        ("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}"),
        ("DataTransfer", "{\"vendorId\":\"org.fuzz\",\"messageId\":\"m\",\"data\":\"d\"}"),
        ("NoSuchAction", "{}"),
    };

    /// <summary>A valid CALLRESULT payload the CSMS gives for a station call.</summary>
    public static string AnswerFor(string action)
    {
        switch (action)
        {
            case "BootNotification": return "{\"currentTime\":\"2026-03-02T08:00:00.000Z\",\"interval\":300,\"status\":\"Accepted\"}";
            case "Heartbeat": return "{\"currentTime\":\"2026-03-02T08:00:00.000Z\"}";
            case "Authorize": return "{\"idTokenInfo\":{\"status\":\"Accepted\"}}";
            case "TransactionEvent": return "{\"idTokenInfo\":{\"status\":\"Accepted\"}}";
            case "DataTransfer": return "{\"status\":\"Accepted\"}";
            default: return "{}";
        }
    }

    /// <summary>Applies 1 to 3 random mutations, or none (a share of frames stays valid to reach deep code).</summary>
    public string Mutate(string frame)
    {
        if (_random.Next(4) == 0)
        {
            return frame;
        }

        int n = 1 + _random.Next(3);
        for (int i = 0; i < n; i++)
        {
            frame = MutateOnce(frame);
        }

        return frame.Length > 15000 ? frame.Substring(0, 15000) : frame;
    }

    private string MutateOnce(string f)
    {
        switch (_random.Next(12))
        {
            case 0: return ReplaceToken(f, isNumber: true, HostileNumbers[_random.Next(HostileNumbers.Length)]);
            case 1: return ReplaceToken(f, isNumber: false, HostileString());
            case 2: return Insert(f, Alphabet[_random.Next(Alphabet.Length)].ToString());
            case 3: return Delete(f);
            case 4: return f.Substring(0, _random.Next(f.Length + 1));
            case 5: return DuplicateKey(f);
            case 6: return Nest(f, 1 + _random.Next(24));
            case 7: return ReplaceMessageType(f);
            case 8: return Splice(f);
            case 9: return ReplaceToken(f, isNumber: true, "\"" + HostileString() + "\"");
            case 10: return ReplaceToken(f, isNumber: false, HostileNumbers[_random.Next(HostileNumbers.Length)], keepQuotes: false);
            default: return Insert(f, " ");
        }
    }

    private string HostileString()
    {
        int k = _random.Next(10);
        if (k == 0)
        {
            return new string('x', _random.Next(30, 6000));
        }

        if (k == 1)
        {
            var sb = new StringBuilder();
            int count = _random.Next(1, 200);
            for (int i = 0; i < count; i++)
            {
                sb.Append("\uD83D\uDD0C");
            }

            return sb.ToString();
        }

        return HostileStrings[_random.Next(HostileStrings.Length)];
    }

    private string ReplaceToken(string f, bool isNumber, string replacement, bool keepQuotes = true)
    {
        var spans = new List<(int Start, int End)>();
        for (int i = 0; i < f.Length; i++)
        {
            if (isNumber && (char.IsDigit(f[i]) || f[i] == '-') && (i == 0 || ",[:".IndexOf(f[i - 1]) >= 0))
            {
                int j = i + 1;
                while (j < f.Length && "0123456789.eE+-".IndexOf(f[j]) >= 0)
                {
                    j++;
                }

                spans.Add((i, j));
                i = j - 1;
            }
            else if (!isNumber && f[i] == '"')
            {
                int j = i + 1;
                while (j < f.Length && f[j] != '"')
                {
                    j += f[j] == '\\' ? 2 : 1;
                }

                if (j < f.Length)
                {
                    spans.Add(keepQuotes ? (i + 1, j) : (i, j + 1));
                }

                i = j;
            }
        }

        if (spans.Count == 0)
        {
            return f;
        }

        var (start, end) = spans[_random.Next(spans.Count)];
        return f.Substring(0, start) + replacement + f.Substring(Math.Min(end, f.Length));
    }

    private string Insert(string f, string what)
    {
        int at = _random.Next(f.Length + 1);
        return f.Substring(0, at) + what + f.Substring(at);
    }

    private string Delete(string f)
    {
        if (f.Length == 0)
        {
            return f;
        }

        int at = _random.Next(f.Length);
        int len = 1 + _random.Next(Math.Min(8, f.Length - at));
        return f.Remove(at, len);
    }

    private string Splice(string f)
    {
        if (f.Length < 2)
        {
            return f;
        }

        int a = _random.Next(f.Length);
        int len = 1 + _random.Next(Math.Min(40, f.Length - a));
        return Insert(f, f.Substring(a, len));
    }

    private string DuplicateKey(string f)
    {
        var starts = new List<int>();
        for (int i = 0; i + 1 < f.Length; i++)
        {
            if (f[i] == '{' && f[i + 1] == '"')
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return f;
        }

        int brace = starts[_random.Next(starts.Count)];
        int close = f.IndexOf('"', brace + 2);
        if (close < 0)
        {
            return f;
        }

        string key = f.Substring(brace + 1, close - brace);
        return f.Substring(0, brace + 1) + key + ":1," + f.Substring(brace + 1);
    }

    private static string Nest(string f, int depth)
    {
        int payload = f.LastIndexOf('{');
        if (payload < 0)
        {
            return f;
        }

        return f.Substring(0, payload) + "{\"n\":" + new string('[', depth) + "1" + new string(']', depth) + "," + f.Substring(payload + 1);
    }

    private string ReplaceMessageType(string f)
    {
        if (!f.StartsWith("[") || f.IndexOf(',') < 0)
        {
            return f;
        }

        string[] types = { "4294967298", "4294967299", "4294967300", "-4294967294", "2.0", "\"2\"", "5", "0", "-2", "3", "4", "2" };
        return "[" + types[_random.Next(types.Length)] + f.Substring(f.IndexOf(','));
    }
}
