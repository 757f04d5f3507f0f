using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using Charger.Ocpp.Tests.Interop;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// Issue 16: the simulator (`--csms wss://... --ca ...`, and `--client-cert`/`--client-key` for
/// profile 3) against the strict ocpp-rpc CSMS behind a real Node TLS server, with certificates
/// made by openssl.
/// </summary>
[Collection(Charger.Sim.Tests.Conformance.WallClockCollection.Name)]
public sealed class TlsCsmsRealtimeTests : IDisposable
{
    private const int RunTimeoutMs = 30_000;
    private readonly OpensslPki _pki = new();
    private readonly string _root;
    private readonly string _server;

    public TlsCsmsRealtimeTests()
    {
        _root = _pki.Root("csms-root", "Sim CSMS Root");
        _server = _pki.Leaf("server", _root, "127.0.0.1", "IP:127.0.0.1", client: false);
    }

    private string Scenario(string text)
    {
        string path = Path.Combine(_pki.Folder, "run.scn");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void SimulatorConnectsToATlsCsmsUnderProfile2TrustingTheGivenRoot()
    {
        using var csms = new TlsNodeCsms(_server);
        string scenario = Scenario("0s expect connection online within 15s\n+0s expect csms received 1 BootNotification within 5s");
        using var sim = new RealtimeSimulator(new[] { "--csms", csms.Url, "--ca", _root + ".pem", "--id", "SIM-TLS-2", "--password", "sim-tls-password-02", "--scenario", scenario });
        Assert.Equal(0, sim.WaitForExit(RunTimeoutMs));
        Assert.Contains("(security profile 2)", sim.Output);
        Assert.Contains("\"identity\":\"SIM-TLS-2\"", csms.Output);
    }

    [Fact]
    public void SimulatorRefusesATlsCsmsSignedByAnotherRoot()
    {
        using var csms = new TlsNodeCsms(_server);
        string other = _pki.Root("other", "Other Root");
        string scenario = Scenario("0s expect connection online within 3s");
        using var sim = new RealtimeSimulator(new[] { "--csms", csms.Url, "--ca", other + ".pem", "--id", "SIM-TLS-X", "--password", "sim-tls-password-02", "--scenario", scenario });
        Assert.Equal(1, sim.WaitForExit(RunTimeoutMs));
        Assert.DoesNotContain("\"event\":\"auth\"", csms.Output); // refused before any HTTP request
    }

    [Fact]
    public void SimulatorConnectsUnderProfile3WithItsClientCertificate()
    {
        string stationCa = _pki.Root("station-ca", "Sim Station CA");
        string client = _pki.Leaf("client", stationCa, "SIM-TLS-3", null, client: true);
        using var csms = new TlsNodeCsms(_server, stationCa + ".pem");
        string scenario = Scenario("0s expect connection online within 15s");
        using var sim = new RealtimeSimulator(new[]
        {
            "--csms", csms.Url, "--ca", _root + ".pem", "--client-cert", client + ".pem", "--client-key", client + ".key",
            "--id", "SIM-TLS-3", "--scenario", scenario,
        });
        Assert.Equal(0, sim.WaitForExit(RunTimeoutMs));
        Assert.Contains("(security profile 3)", sim.Output);
        Assert.Contains("\"clientCn\":\"SIM-TLS-3\"", csms.Output);
    }

    [Fact]
    public void WssWithoutCaIsRefusedOnOneLine()
    {
        using var sim = new RealtimeSimulator(new[] { "--csms", "wss://127.0.0.1:9/ocpp" });
        Assert.Equal(2, sim.WaitForExit(RunTimeoutMs));
        Assert.Equal("error: a wss:// CSMS needs --ca <file.pem>: the station trusts only the CSMS root certificates it is given", sim.Errors.Trim());
    }

    public void Dispose() => _pki.Dispose();

    /// <summary>tests/interop/ocpp/csms.js on TLS, started directly; its stdout is kept for the checks.</summary>
    private sealed class TlsNodeCsms : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        public TlsNodeCsms(string serverBase, string clientCa = null)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ChargerFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = Path.Combine(dir ?? throw new InvalidOperationException("repository root not found"), "tests", "interop", "ocpp"),
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "csms.js", "0", "--tls", serverBase + ".pem", serverBase + ".key" })
            {
                start.ArgumentList.Add(a);
            }

            if (clientCa != null)
            {
                start.ArgumentList.Add("--client-ca");
                start.ArgumentList.Add(clientCa);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    _lines.Enqueue(e.Data);
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!Output.Contains("\"event\":\"listening\"", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > deadline || _process.HasExited)
                {
                    throw new InvalidOperationException("csms.js did not start: " + Output);
                }

                System.Threading.Thread.Sleep(20);
            }

            int at = Output.IndexOf("\"port\":", StringComparison.Ordinal) + 7;
            int end = at;
            while (end < Output.Length && char.IsDigit(Output[end]))
            {
                end++;
            }

            Url = "wss://127.0.0.1:" + Output[at..end] + "/ocpp";
        }

        public string Url { get; }

        public string Output => string.Join("\n", _lines);

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
}
