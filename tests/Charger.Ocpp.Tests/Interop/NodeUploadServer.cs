using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>tests/interop/ocpp/upload-server.js: a Node HTTP server that reports every request body it receives.</summary>
public sealed class NodeUploadServer : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly List<JsonElement> _all = new();

    /// <param name="tlsBase">A server certificate and key from <see cref="OpensslPki"/> (base.pem, base.key): HTTPS; null: HTTP.</param>
    public NodeUploadServer(string tlsBase = null)
    {
        string dir = Path.GetFullPath(Path.Combine(OfficialSchemas.Directory, "..", "..", "..", "..", ".."));
        Scheme = tlsBase == null ? "http" : "https";
        string args = tlsBase == null ? "upload-server.js 0" : "upload-server.js 0 \"" + tlsBase + ".pem\" \"" + tlsBase + ".key\"";
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
        Port = Wait(e => e.GetProperty("event").GetString() == "listening", TimeSpan.FromSeconds(15), () => { }).GetProperty("port").GetInt32();
    }

    public int Port { get; }

    public string Scheme { get; }

    public string Url => Scheme + "://127.0.0.1:" + Port + "/logs";

    /// <summary>The server's address for a path, under a host name of the caller's choice (the certificate names it or not).</summary>
    public string At(string host, string path) => Scheme + "://" + host + ":" + Port + path;

    /// <summary>Every event the server reported so far ("get", "upload", "tlsError", ...).</summary>
    public List<JsonElement> Events
    {
        get
        {
            Drain();
            return _all.ToList();
        }
    }

    public List<JsonElement> Uploads
    {
        get
        {
            Drain();
            return _all.Where(e => e.GetProperty("event").GetString() == "upload").ToList();
        }
    }

    public void AnswerWith(int status)
    {
        _process.StandardInput.WriteLine("{\"cmd\":\"status\",\"code\":" + status + "}");
        _process.StandardInput.Flush();
        Wait(e => e.GetProperty("event").GetString() == "status" && e.GetProperty("code").GetInt32() == status, TimeSpan.FromSeconds(10), () => { });
    }

    private JsonElement Wait(Func<JsonElement, bool> match, TimeSpan timeout, Action tick)
    {
        long end = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Environment.TickCount64 < end)
        {
            Drain();
            foreach (var e in _all)
            {
                if (match(e))
                {
                    return e;
                }
            }

            tick();
            Thread.Sleep(5);
        }

        throw new TimeoutException("upload server: no matching event");
    }

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
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
