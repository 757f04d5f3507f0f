using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Charger.Ota;
using Charger.Sim.Firmware;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Secure firmware update (L01) of the whole simulated station over a real socket against the
/// strict ocpp-rpc CSMS (every message checked against the official schemas), with a
/// ManufacturerRootCertificate and an ECDSA P-256 signing certificate made by the openssl command,
/// the whole bundle file signed by `openssl dgst -sha256 -sign`, and the bundle served by a Node HTTP server
/// (tests/interop/ocpp/firmware-server.js) that honours Range requests and can cut a download.
/// </summary>
[Trait("Category", "Interop")]
public class StrictPeerFirmwareUpdateTests : IDisposable
{
    private static readonly string Id = new SimOptions().StationId;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fw-interop-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(170));
    private readonly StrictPeer _peer;
    private readonly NodeFirmwareServer _http;
    private readonly SimulatedStation _sim;
    private readonly WallClockTarget _wall;

    public StrictPeerFirmwareUpdateTests()
    {
        Directory.CreateDirectory(_dir);
        _peer = new StrictPeer();
        _http = new NodeFirmwareServer(_dir);
        _sim = new SimulatedStation(new SimOptions { CsmsUrl = _peer.Url }, new EventLog());

        // A short self-test, so the confirmation happens within the test (the product waits 2 minutes).
        _sim.Settings.SelfTest = new SelfTestPolicy(1000, 2000, 60000);
        _wall = new WallClockTarget(_sim, _stop.Token);
    }

    public void Dispose()
    {
        _sim.Dispose();
        _http.Dispose();
        _peer.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    private void Step() => _wall.AdvanceTo(_sim.NowMs + 20);

    private JsonElement Call(string method, object payload)
    {
        var reply = _peer.WaitReply(_peer.Call(Id, method, JsonSerializer.Serialize(payload)), Step);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    private string Openssl(params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "openssl " + string.Join(' ', args) + ": " + error);
        return output;
    }

    /// <summary>
    /// openssl: a P-256 manufacturer root and a P-256 signing certificate it issues (openssl ca, valid
    /// from an hour ago: the station's clock may trail the wall clock by a tick), and the whole bundle
    /// file signed with `openssl dgst`; returns (root PEM, signer PEM, signature base64).
    /// </summary>
    private (string Root, string Signer, string Signature) SignWithOpenssl(byte[] bundle)
    {
        File.WriteAllText(Path.Combine(_dir, "index.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "serial"), "1001\n");
        File.WriteAllText(Path.Combine(_dir, "crlnumber"), "01\n");
        File.WriteAllText(Path.Combine(_dir, "ca.cnf"),
            "[ ca ]\ndefault_ca = c\n[ c ]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ncrlnumber = crlnumber\npolicy = p\nunique_subject = no\n"
            + "[ p ]\ncommonName = supplied\n[ root ]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n"
            + "[ signer ]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\n");
        string start = DateTime.UtcNow.AddHours(-1).ToString("yyyyMMddHHmmss") + "Z";
        string end = DateTime.UtcNow.AddDays(30).ToString("yyyyMMddHHmmss") + "Z";
        foreach (string name in new[] { "root", "signer" })
        {
            Openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
            Openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=Interop " + name, "-out", name + ".csr");
        }

        Openssl("ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile", "root.key", "-in", "root.csr", "-out", "root.pem", "-notext",
            "-md", "sha256", "-startdate", start, "-enddate", end, "-extensions", "root", "-extfile", "ca.cnf");
        Openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "root.pem", "-keyfile", "root.key", "-in", "signer.csr", "-out", "signer.pem",
            "-notext", "-md", "sha256", "-startdate", start, "-enddate", end, "-extensions", "signer", "-extfile", "ca.cnf");
        // As a CSMS operator signs (L01.FR.04): the whole file, byte for byte as the server publishes it.
        File.WriteAllBytes(Path.Combine(_dir, "bundle.bin"), bundle);
        Openssl("dgst", "-sha256", "-sign", "signer.key", "-out", "bundle.sig", "bundle.bin");
        return (File.ReadAllText(Path.Combine(_dir, "root.pem")), File.ReadAllText(Path.Combine(_dir, "signer.pem")),
            Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_dir, "bundle.sig"))));
    }

    private List<JsonElement> Calls(string method) =>
        _peer.Events.Where(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == method).Select(e => e.GetProperty("params")).ToList();

    private List<string> Statuses() => Calls("FirmwareStatusNotification")
        .Select(p => p.GetProperty("status").GetString() + "/" + p.GetProperty("requestId").GetInt32()).ToList();

    [Fact]
    public void OpensslSignedUpdateFromANodeServerGoesThroughEveryStatusAndReconnectsWithTheNewVersion_L01()
    {
        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification", TimeSpan.FromSeconds(15), Step);
        byte[] bundle = SimFirmware.BuildBundle("0.2.0", payloadBytes: 60_000);
        File.WriteAllBytes(Path.Combine(_dir, "charger-0.2.0.cfwb"), bundle);
        var (root, signer, signature) = SignWithOpenssl(bundle);

        Assert.Equal("Accepted", Call("InstallCertificate", new { certificateType = "ManufacturerRootCertificate", certificate = root })
            .GetProperty("status").GetString());

        // The first download is cut halfway: the retry resumes with a Range request.
        _http.DropNextAfter(bundle.Length / 2);
        var answer = Call("UpdateFirmware", new
        {
            requestId = 42,
            retries = 2,
            retryInterval = 2,
            firmware = new
            {
                location = _http.Url + "/charger-0.2.0.cfwb",
                retrieveDateTime = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                signingCertificate = signer,
                signature,
            },
        });
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());

        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "FirmwareStatusNotification"
            && e.GetProperty("params").GetProperty("status").GetString() == "Installed", TimeSpan.FromSeconds(60), Step);

        // The cut attempt kept half the image: DownloadPaused until the retry resumes it (Downloading again).
        Assert.Equal(new[] { "Downloading/42", "DownloadPaused/42", "Downloading/42", "Downloaded/42", "SignatureVerified/42", "Installing/42",
            "InstallRebooting/42", "Installed/42" }, Statuses());
        var boots = Calls("BootNotification");
        Assert.Equal(2, boots.Count);
        Assert.Equal("FirmwareUpdate", boots[1].GetProperty("reason").GetString());
        Assert.Equal("0.2.0", boots[1].GetProperty("chargingStation").GetProperty("firmwareVersion").GetString());
        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "SecurityEventNotification"
            && e.GetProperty("params").GetProperty("type").GetString() == "FirmwareUpdated", TimeSpan.FromSeconds(20), Step);

        var gets = _http.Gets;
        Assert.Equal(2, gets.Count);
        Assert.True(gets[0].GetProperty("dropped").GetBoolean());
        // The retry asks from the bytes the station stored (at most what the server wrote before the cut; the rest was in flight).
        string range = gets[1].GetProperty("range").GetString()!;
        Assert.Matches("^bytes=[0-9]+-$", range);
        long from = long.Parse(range[6..^1]);
        Assert.InRange(from, 1, gets[0].GetProperty("sent").GetInt32());
        Assert.Equal(206, gets[1].GetProperty("status").GetInt32());
        Assert.Empty(_peer.StrictFailures(Id));
        Assert.Equal("0.2.0", _sim.Boot.RunningVersion);
        Assert.False(_sim.Boot.Context.IsTrial);
    }

    [Fact]
    public void ABundleSignedByAnotherKeyIsInvalidSignatureAndTheStationStaysOnItsImage_L01_FR_03()
    {
        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification", TimeSpan.FromSeconds(15), Step);
        byte[] bundle = SimFirmware.BuildBundle("0.2.0");
        File.WriteAllBytes(Path.Combine(_dir, "charger-0.2.0.cfwb"), bundle);
        var (root, signer, signature) = SignWithOpenssl(SimFirmware.BuildBundle("0.2.0-other"));
        var installed = Call("InstallCertificate", new { certificateType = "ManufacturerRootCertificate", certificate = root });
        Assert.True(installed.GetProperty("status").GetString() == "Accepted", installed.GetRawText());
        var answer = Call("UpdateFirmware", new
        {
            requestId = 43,
            firmware = new
            {
                location = _http.Url + "/charger-0.2.0.cfwb",
                retrieveDateTime = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                signingCertificate = signer,
                signature,
            },
        });
        Assert.True(answer.GetProperty("status").GetString() == "Accepted", answer.GetRawText());

        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "SecurityEventNotification"
            && e.GetProperty("params").GetProperty("type").GetString() == "InvalidFirmwareSignature", TimeSpan.FromSeconds(20), Step);
        Assert.Equal(new[] { "Downloading/43", "Downloaded/43", "InvalidSignature/43" }, Statuses());
        Assert.Single(Calls("BootNotification"));
        Assert.Empty(_peer.StrictFailures(Id));
        Assert.Equal("0.1.0", _sim.Boot.RunningVersion);
    }

    [Fact]
    public void ACrlSentByDataTransferRevokesTheSignerAndUpdateFirmwareIsRevokedCertificate()
    {
        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification", TimeSpan.FromSeconds(15), Step);
        byte[] bundle = SimFirmware.BuildBundle("0.2.0");
        File.WriteAllBytes(Path.Combine(_dir, "charger-0.2.0.cfwb"), bundle);
        var (root, signer, signature) = SignWithOpenssl(bundle);
        Assert.Equal("Accepted", Call("InstallCertificate", new { certificateType = "ManufacturerRootCertificate", certificate = root })
            .GetProperty("status").GetString());

        // The manufacturer revokes the signer: openssl ca -revoke, -gencrl, and openssl crl for the PEM the CSMS sends.
        Openssl("ca", "-config", "ca.cnf", "-md", "sha256", "-cert", "root.pem", "-keyfile", "root.key", "-revoke", "signer.pem");
        Openssl("ca", "-gencrl", "-config", "ca.cnf", "-cert", "root.pem", "-keyfile", "root.key", "-md", "sha256", "-crldays", "30", "-out", "root.crl");
        string crl = Openssl("crl", "-in", "root.crl");
        var transfer = Call("DataTransfer", new { vendorId = "org.chargerfirmware", messageId = "InstallCrl", data = crl });
        Assert.True(transfer.GetProperty("status").GetString() == "Accepted", transfer.GetRawText());

        var answer = Call("UpdateFirmware", new
        {
            requestId = 44,
            firmware = new
            {
                location = _http.Url + "/charger-0.2.0.cfwb",
                retrieveDateTime = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                signingCertificate = signer,
                signature,
            },
        });
        Assert.True(answer.GetProperty("status").GetString() == "RevokedCertificate", answer.GetRawText());
        _peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "SecurityEventNotification"
            && e.GetProperty("params").GetProperty("type").GetString() == "InvalidFirmwareSigningCertificate", TimeSpan.FromSeconds(20), Step);
        Assert.Empty(Statuses());
        Assert.Empty(_http.Gets);
        Assert.Empty(_peer.StrictFailures(Id));
        Assert.Equal("0.1.0", _sim.Boot.RunningVersion);
    }

    /// <summary>tests/interop/ocpp/firmware-server.js.</summary>
    private sealed class NodeFirmwareServer : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<JsonElement> _incoming = new();
        private readonly List<JsonElement> _events = new();

        public NodeFirmwareServer(string folder)
        {
            string dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "interop", "ocpp"));
            var psi = new ProcessStartInfo("node")
            {
                WorkingDirectory = dir,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("firmware-server.js");
            psi.ArgumentList.Add(folder);
            psi.ArgumentList.Add("0");
            _process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
            _process.OutputDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                {
                    _incoming.Enqueue(JsonDocument.Parse(e.Data).RootElement.Clone());
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Port = Wait("listening").GetProperty("port").GetInt32();
        }

        public int Port { get; }

        public string Url => "http://127.0.0.1:" + Port;

        public List<JsonElement> Gets
        {
            get
            {
                Drain();
                return _events.Where(e => e.GetProperty("event").GetString() == "get").ToList();
            }
        }

        public void DropNextAfter(int bytes)
        {
            _process.StandardInput.WriteLine("{\"cmd\":\"drop\",\"after\":" + bytes + "}");
            _process.StandardInput.Flush();
            Wait("drop");
        }

        private JsonElement Wait(string kind)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                Drain();
                var found = _events.FirstOrDefault(e => e.GetProperty("event").GetString() == kind);
                if (found.ValueKind != JsonValueKind.Undefined)
                {
                    return found;
                }

                Thread.Sleep(5);
            }

            throw new TimeoutException("firmware-server.js did not report " + kind);
        }

        private void Drain()
        {
            while (_incoming.TryDequeue(out var e))
            {
                _events.Add(e);
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
}
