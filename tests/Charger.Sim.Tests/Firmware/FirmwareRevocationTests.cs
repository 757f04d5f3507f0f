using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Charger.Firmware.Console;
using Charger.Sim.Firmware;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Firmware;

/// <summary>
/// Revocation of firmware signing certificates end to end in virtual time: a manufacturer root, two
/// signers and CRLs made by `openssl ca` / `openssl ca -gencrl` / `openssl crl`, the CRL sent by the
/// built-in CSMS as DataTransfer (org.chargerfirmware, InstallCrl), the bundle signed over the whole
/// file by `openssl dgst -sha256 -sign`. A revoked signer is RevokedCertificate (L01) with the
/// InvalidFirmwareSigningCertificate event; a CRL that arrives while an update waits to install
/// stops it as InvalidSignature; every bad CRL is Rejected with a reason and changes nothing.
/// </summary>
public sealed class FirmwareRevocationTests : IDisposable
{
    private static readonly string Id = new SimOptions().StationId;
    private readonly string _dir = Directory.CreateTempSubdirectory("fw-crl-").FullName;
    private readonly EventLog _events = new();

    public FirmwareRevocationTests()
    {
        File.WriteAllText(Path.Combine(_dir, "ca.cnf"),
            "[ ca ]\ndefault_ca = c\n[ c ]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ncrlnumber = crlnumber\npolicy = p\n"
            + "unique_subject = no\ndefault_md = sha256\n[ p ]\ncommonName = supplied\n"
            + "[ root ]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n"
            + "[ signer ]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\n");
        File.WriteAllText(Path.Combine(_dir, "index.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "serial"), "1001\n");
        File.WriteAllText(Path.Combine(_dir, "crlnumber"), "01\n");
        MakeCa("root");
        MakeCa("other");
        Issue("signer", "root");
        Issue("spare", "root");
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Stamp(DateTime t) => t.ToString("yyyyMMddHHmmss") + "Z";

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

    private void MakeCa(string name)
    {
        Openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name + ".key");
        Openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=Revocation " + name, "-out", name + ".csr");
        Openssl("ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile", name + ".key", "-in", name + ".csr", "-out", name + ".pem", "-notext",
            "-startdate", Stamp(SimulatedStation.EpochUtc.AddYears(-1)), "-enddate", Stamp(SimulatedStation.EpochUtc.AddYears(10)), "-extensions", "root", "-extfile", "ca.cnf");
    }

    private void Issue(string name, string ca)
    {
        Openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name + ".key");
        Openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=Revocation " + name, "-out", name + ".csr");
        Openssl("ca", "-batch", "-config", "ca.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key", "-in", name + ".csr", "-out", name + ".pem", "-notext",
            "-startdate", Stamp(SimulatedStation.EpochUtc.AddYears(-1)), "-enddate", Stamp(SimulatedStation.EpochUtc.AddYears(5)), "-extensions", "signer", "-extfile", "ca.cnf");
    }

    /// <summary>`openssl ca -revoke` then `openssl ca -gencrl` by <paramref name="ca"/>, as PEM text from `openssl crl`.</summary>
    private string Crl(string ca, string revoke = null, DateTime? nextUpdate = null)
    {
        if (revoke != null)
        {
            Openssl("ca", "-config", "ca.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key", "-revoke", revoke + ".pem");
        }

        Openssl("ca", "-gencrl", "-config", "ca.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key",
            "-crl_lastupdate", Stamp(SimulatedStation.EpochUtc.AddDays(-2)),
            "-crl_nextupdate", Stamp(nextUpdate ?? SimulatedStation.EpochUtc.AddDays(30)), "-out", "crl.pem");
        return Openssl("crl", "-in", "crl.pem");
    }

    private string Pem(string name) => File.ReadAllText(Path.Combine(_dir, name + ".pem"));

    private SimulatedStation Booted()
    {
        var sim = new SimulatedStation(new SimOptions(), _events);
        sim.AdvanceTo(5_000);
        Assert.Equal("Accepted", Status(Send(sim, CsmsRequests.InstallCertificate("ManufacturerRootCertificate", Pem("root")))));
        return sim;
    }

    private static void Run(SimulatedStation sim, long ms) => sim.AdvanceTo(sim.NowMs + ms);

    private static CsmsCall Send(SimulatedStation sim, CsmsRequest request)
    {
        var call = sim.Csms.Send(Id, request);
        Run(sim, 300);
        return call;
    }

    private static string Status(CsmsCall call) => call.Result?["status"]?.GetValue<string>() ?? "no answer: " + call.State + " " + call.ErrorCode;

    private static string ReasonCode(CsmsCall call) => call.Result?["statusInfo"]?["reasonCode"]?.GetValue<string>();

    private static CsmsCall InstallCrl(SimulatedStation sim, string pem) => Send(sim, CsmsRequests.DataTransfer("org.chargerfirmware", "InstallCrl", pem));

    /// <summary>Publishes a bundle of <paramref name="version"/> signed by <paramref name="signer"/> with openssl over the whole file.</summary>
    private CsmsRequest Update(SimulatedStation sim, string signer, string version, int requestId, TimeSpan? installIn = null)
    {
        byte[] bundle = SimFirmware.BuildBundle(version);
        File.WriteAllBytes(Path.Combine(_dir, "bundle.bin"), bundle);
        Openssl("dgst", "-sha256", "-sign", signer + ".key", "-out", "bundle.sig", "bundle.bin");
        string url = SimFirmwareUpdates.BaseUrl + "crl-test-" + version + ".cfwb";
        sim.Csms.HttpServer.Publish(url, bundle);
        DateTime now = SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs);
        return CsmsRequests.UpdateFirmware(requestId, url, now, Pem(signer), Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_dir, "bundle.sig"))),
            installIn == null ? null : now + installIn.Value);
    }

    private static IEnumerable<JsonElement> CallsFromStation(SimulatedStation sim, string action) => sim.Csms.FrameLog
        .Where(f => f.Direction == FrameDirection.In && f.MessageTypeId == 2 && f.Action == action)
        .Select(f => JsonDocument.Parse(f.Frame).RootElement[3].Clone());

    private static List<string> Statuses(SimulatedStation sim) => CallsFromStation(sim, "FirmwareStatusNotification")
        .Select(p => p.GetProperty("status").GetString() + "/" + p.GetProperty("requestId").GetInt32()).ToList();

    private static List<string> SecurityEvents(SimulatedStation sim) => CallsFromStation(sim, "SecurityEventNotification")
        .Select(p => p.GetProperty("type").GetString()).ToList();

    private static void AssertOldImageRuns(SimulatedStation sim)
    {
        Assert.Equal("0.1.0", sim.Boot.RunningVersion);
        Assert.Equal("A", sim.Boot.RunningSlot);
        Assert.False(sim.Station.Ocpp.FirmwareUpdates.IsUpdating);
    }

    [Fact]
    public void ASignerListedInAnInstalledCrlOfItsIssuerIsRevokedCertificateWithItsSecurityEventAndNothingIsDownloaded()
    {
        var sim = Booted();
        var installed = InstallCrl(sim, Crl("root", revoke: "signer"));
        Assert.Equal("Accepted", Status(installed));
        Assert.Contains("1 revoked", installed.Result!["data"]!.GetValue<string>());

        var call = Send(sim, Update(sim, "signer", "0.2.0", 40));
        Assert.Equal("RevokedCertificate", Status(call));
        Assert.Contains("revoked by the CRL of 'CN=Revocation root'", call.Result!["statusInfo"]!["additionalInfo"]!.GetValue<string>());
        Run(sim, 30_000);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        Assert.Empty(Statuses(sim));
        Assert.Contains("InvalidFirmwareSigningCertificate", SecurityEvents(sim));
        AssertOldImageRuns(sim);
        Assert.Empty(sim.Csms.Station(Id).ProtocolAnomalies);

        // The CRL is kept across a power cut, and a signer it does not list still updates the station.
        sim.Apply(ScenarioParser.Parse("t", "0s power-cut for 2s").Steps[0]);
        Run(sim, 10_000);
        Assert.Equal("RevokedCertificate", Status(Send(sim, Update(sim, "signer", "0.2.0", 41))));
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "spare", "0.2.0", 42))));
        Run(sim, 20_000);
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
    }

    [Fact]
    public void ACertificateRevokedWhileTheUpdateWaitsToInstallStopsItAsInvalidSignatureAndTheOldImageKeepsRunning()
    {
        var sim = Booted();
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "signer", "0.2.0", 43, installIn: TimeSpan.FromMinutes(10)))));
        Run(sim, 30_000);
        Assert.Equal(new[] { "Downloading/43", "Downloaded/43", "SignatureVerified/43", "InstallScheduled/43" }, Statuses(sim));

        Assert.Equal("Accepted", Status(InstallCrl(sim, Crl("root", revoke: "signer"))));
        Run(sim, 11 * 60_000);

        Assert.Equal("InvalidSignature/43", Statuses(sim).Last());
        Assert.Contains("InvalidFirmwareSignature", SecurityEvents(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void AnExpiredCrlStillRevokesAndTheLogSaysItIsExpired()
    {
        var sim = Booted();
        Assert.Equal("Accepted", Status(InstallCrl(sim, Crl("root", revoke: "signer", nextUpdate: SimulatedStation.EpochUtc.AddDays(-1)))));
        Assert.Equal("RevokedCertificate", Status(Send(sim, Update(sim, "signer", "0.2.0", 44))));
        Assert.Contains(_events.Events, e => e.Kind == SimEventKinds.Log && e.Text.Contains("past its nextUpdate"));

        var lines = new string[8];
        int n = sim.Station.Status.ReadLines(ConsoleTopic.Crls, lines);
        Assert.Equal("crls: 1 installed (at most 4 issuers)", lines[0]);
        Assert.Contains("CRL of 'CN=Revocation root', 1 revoked", lines[1]);
        Assert.EndsWith("EXPIRED (still used)", lines[1]);
        Assert.Equal(2, n);
    }

    [Fact]
    public void BadCrlsAreRejectedWithAReasonAndChangeNothing()
    {
        var sim = Booted();
        string good = Crl("root", revoke: "signer");

        // Signature broken: one byte of the DER changed, re-armoured.
        byte[] der = Convert.FromBase64String(string.Concat(good.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----"))));
        der[^3] ^= 0x01;
        string forged = "-----BEGIN X509 CRL-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END X509 CRL-----\n";
        var call = InstallCrl(sim, forged);
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("UntrustedIssuer", ReasonCode(call));
        Assert.Contains("does not verify", call.Result!["statusInfo"]!["additionalInfo"]!.GetValue<string>());

        // Another issuer (not an installed ManufacturerRootCertificate) listing the same serial (the ca database is shared).
        call = InstallCrl(sim, Crl("other"));
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("UntrustedIssuer", ReasonCode(call));

        call = InstallCrl(sim, "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("Malformed", ReasonCode(call));
        call = InstallCrl(sim, "not a crl");
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("NotPem", ReasonCode(call));
        call = Send(sim, CsmsRequests.DataTransfer("org.chargerfirmware", "FormatDisk", "x"));
        Assert.Equal("UnknownMessageId", Status(call));
        Assert.Empty(sim.Csms.Station(Id).ProtocolAnomalies);

        Assert.Equal(0, sim.Station.Ocpp.Crls.Count);
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "signer", "0.2.0", 45))));
    }
}
