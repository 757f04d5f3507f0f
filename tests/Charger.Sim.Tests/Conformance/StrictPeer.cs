using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// The strict ocpp-rpc CSMS of tests/interop/ocpp/csms.js (official 2.0.1 schemas in strict mode)
/// as a child process, for running the whole simulated station against it over a real socket.
/// Same stdin/stdout JSON-line protocol as the OCPP suite's NodeCsms.
/// </summary>
public sealed class StrictPeer : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _incoming = new();
    private readonly List<JsonElement> _events = new();
    private int _nextId;

    public StrictPeer()
    {
        string dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "interop", "ocpp"));
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "ocpp-rpc")))
        {
            throw new InvalidOperationException("strict peer missing: run `npm install --no-package-lock` in " + dir);
        }

        _process = Process.Start(new ProcessStartInfo("node", "csms.js 0")
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node could not be started");
        _process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                _incoming.Enqueue(JsonDocument.Parse(e.Data).RootElement.Clone());
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Port = WaitEvent(e => Kind(e) == "listening", TimeSpan.FromSeconds(15), () => Thread.Sleep(5)).GetProperty("port").GetInt32();
    }

    public int Port { get; }

    public string Url => "ws://127.0.0.1:" + Port;

    public static string Kind(JsonElement e) => e.GetProperty("event").GetString();

    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            while (_incoming.TryDequeue(out var e))
            {
                _events.Add(e);
            }

            return _events;
        }
    }

    public int Send(JsonObject command)
    {
        int id = Interlocked.Increment(ref _nextId);
        command["id"] = id;
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
        return id;
    }

    public int Call(string identity, string method, string paramsJson) =>
        Send(new JsonObject { ["cmd"] = "call", ["identity"] = identity, ["method"] = method, ["params"] = JsonNode.Parse(paramsJson) });

    /// <summary>Waits for an event, running <paramref name="step"/> (the station at wall-clock pace) meanwhile.</summary>
    public JsonElement WaitEvent(Func<JsonElement, bool> match, TimeSpan timeout, Action step)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Events.FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            step();
        }

        throw new TimeoutException("strict peer event not seen within " + timeout + "; events:\n" + string.Join("\n", Events.Select(e => e.GetRawText())));
    }

    public JsonElement WaitReply(int id, Action step, double seconds = 20) =>
        WaitEvent(e => Kind(e) == "reply" && e.GetProperty("re").GetInt32() == id, TimeSpan.FromSeconds(seconds), step);

    public int CountCalls(string identity, string method) =>
        Events.Count(e => Kind(e) == "call" && e.GetProperty("identity").GetString() == identity && e.GetProperty("method").GetString() == method);

    public List<JsonElement> StrictFailures(string identity) =>
        Events.Where(e => Kind(e) == "strictValidationFailure" && e.GetProperty("identity").GetString() == identity).ToList();

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(3000))
            {
                _process.Kill(true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
