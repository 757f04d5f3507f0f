using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// The strict ocpp-rpc CSMS of tests/interop/ocpp/csms.js as a child process, scripted over
/// stdin/stdout JSON lines. Shared by the interop tests; each test uses its own station identity.
/// </summary>
public sealed class NodeCsms : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly List<JsonElement> _all = new();
    private int _nextId;

    /// <param name="tlsCertAndKeyPem">Server certificate and key PEM files for a wss:// endpoint (security profile 2); null for ws://.</param>
    /// <param name="clientCaPem">A CA PEM file: the endpoint then requires a client certificate it issued (profile 3).</param>
    public NodeCsms(string[] tlsCertAndKeyPem = null, string clientCaPem = null)
    {
        Secure = tlsCertAndKeyPem != null;
        string dir = Path.GetFullPath(Path.Combine(OfficialSchemas.Directory, "..", "..", "..", "..", ".."));
        string args = "csms.js 0" + (Secure ? " --tls \"" + tlsCertAndKeyPem[0] + "\" \"" + tlsCertAndKeyPem[1] + "\"" : "") +
            (clientCaPem != null ? " --client-ca \"" + clientCaPem + "\"" : "");
        var start = new ProcessStartInfo("node", args)
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        _process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                _events.Enqueue(JsonDocument.Parse(e.Data).RootElement.Clone());
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var listening = WaitEvent(e => e.GetProperty("event").GetString() == "listening", TimeSpan.FromSeconds(15), () => { });
        Port = listening.GetProperty("port").GetInt32();
    }

    public int Port { get; }

    public bool Secure { get; }

    public string Url => (Secure ? "wss://" : "ws://") + "127.0.0.1:" + Port;

    /// <summary>All events seen so far (thread: test only).</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            Drain();
            return _all;
        }
    }

    public int Send(JsonObject command)
    {
        int id = Interlocked.Increment(ref _nextId);
        command["id"] = id;
        lock (_process)
        {
            _process.StandardInput.WriteLine(command.ToJsonString());
            _process.StandardInput.Flush();
        }

        return id;
    }

    /// <summary>Waits for an event, running <paramref name="tick"/> (the station) meanwhile.</summary>
    public JsonElement WaitEvent(Func<JsonElement, bool> match, TimeSpan timeout, Action tick, int fromIndex = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Drain();
            for (int i = fromIndex; i < _all.Count; i++)
            {
                if (match(_all[i]))
                {
                    return _all[i];
                }
            }

            tick();
            Thread.Sleep(5);
        }

        throw new TimeoutException("CSMS event not seen within " + timeout + "; events: " + string.Join("\n", _all.Select(e => e.GetRawText())));
    }

    public JsonElement WaitReply(int id, Action tick, double seconds = 15) =>
        WaitEvent(e => e.GetProperty("event").GetString() == "reply" && e.GetProperty("re").GetInt32() == id, TimeSpan.FromSeconds(seconds), tick);

    public List<JsonElement> StrictFailures(string identity) =>
        Events.Where(e => e.GetProperty("event").GetString() == "strictValidationFailure" && e.GetProperty("identity").GetString() == identity).ToList();

    public List<JsonElement> Calls(string identity, string method) =>
        Events.Where(e => e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == identity
            && e.GetProperty("method").GetString() == method).ToList();

    public List<JsonElement> Auths(string identity) =>
        Events.Where(e => e.GetProperty("event").GetString() == "auth" && e.GetProperty("identity").GetString() == identity).ToList();

    private void Drain()
    {
        while (_events.TryDequeue(out var e))
        {
            _all.Add(e);
        }
    }

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
