using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Sim.Firmware;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Firmware;

/// <summary>
/// Secure firmware update (OCPP 2.0.1 L01) end to end in virtual time: the whole station on the
/// simulated board, its A/B slots booted by the board's BootSequence, real RSA signature and
/// certificate-chain checks in the managed crypto, bundles served by the built-in CSMS's HTTP
/// server. Every bad case must end with the old image running.
/// </summary>
public class SecureFirmwareUpdateTests
{
    private static readonly string Id = new SimOptions().StationId;

    private static SimulatedStation Booted()
    {
        var sim = new SimulatedStation(new SimOptions(), new EventLog());
        sim.AdvanceTo(5_000);
        return sim;
    }

    private static void Do(SimulatedStation sim, string line) => sim.Apply(ScenarioParser.Parse("t", "0s " + line).Steps[0]);

    private static void Run(SimulatedStation sim, long ms) => sim.AdvanceTo(sim.NowMs + ms);

    private static CsmsCall Send(SimulatedStation sim, CsmsRequest request)
    {
        var call = sim.Csms.Send(Id, request);
        Run(sim, 300);
        return call;
    }

    private static string Status(CsmsCall call) => call.Result?["status"]?.GetValue<string>() ?? "no answer: " + call.State + " " + call.ErrorCode;

    private static string InstallRoot(SimulatedStation sim) =>
        Status(Send(sim, CsmsRequests.InstallCertificate("ManufacturerRootCertificate", SimFirmwarePki.ManufacturerRootPem)));

    private static CsmsRequest Update(SimulatedStation sim, string kind, string version, int requestId, TimeSpan? installIn = null,
        int retries = 2, int retryInterval = 30) =>
        SimFirmwareUpdates.Prepare(kind, version, requestId, SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs),
            (file, bytes) =>
            {
                string url = SimFirmwareUpdates.BaseUrl + file;
                sim.Csms.HttpServer.Publish(url, bytes);
                return url;
            },
            bytes => sim.Csms.HttpServer.InterruptNextDownloadAfter(bytes), installIn, retries, retryInterval);

    private static IEnumerable<JsonElement> CallsFromStation(SimulatedStation sim, string action, long afterMs = 0) => sim.Csms.FrameLog
        .Where(f => f.Direction == FrameDirection.In && f.MessageTypeId == 2 && f.Action == action && f.TimeMs >= afterMs)
        .Select(f => JsonDocument.Parse(f.Frame).RootElement[3].Clone());

    private static List<string> Statuses(SimulatedStation sim) => CallsFromStation(sim, "FirmwareStatusNotification")
        .Select(p => p.GetProperty("status").GetString() + (p.TryGetProperty("requestId", out var id) ? "/" + id.GetInt32() : ""))
        .ToList();

    private static List<string> SecurityEvents(SimulatedStation sim) => CallsFromStation(sim, "SecurityEventNotification")
        .Select(p => p.GetProperty("type").GetString()).ToList();

    private static List<(string Reason, string Version)> Boots(SimulatedStation sim) => CallsFromStation(sim, "BootNotification")
        .Select(p => (p.GetProperty("reason").GetString(), p.GetProperty("chargingStation").GetProperty("firmwareVersion").GetString()))
        .ToList();

    private static void AssertOldImageRuns(SimulatedStation sim)
    {
        Assert.Equal("0.1.0", sim.Boot.RunningVersion);
        Assert.Equal("A", sim.Boot.RunningSlot);
        Assert.False(sim.Boot.Context.IsTrial);
        Assert.False(sim.Station.Ocpp.FirmwareUpdates.IsUpdating);
    }

    [Fact]
    public void SignedUpdateGoesThroughEveryStatusRebootsAsFirmwareUpdateAndIsInstalledAfterItsSelfTest_L01_FR_01_FR_15_FR_20()
    {
        var sim = Booted();
        Assert.Equal("Accepted", InstallRoot(sim));
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "good", "0.2.0", 7))));
        Run(sim, 20_000);

        // Rebooted onto the new image on trial, announced with reason FirmwareUpdate and the new version.
        Assert.Equal(new[] { "Downloading/7", "Downloaded/7", "SignatureVerified/7", "Installing/7", "InstallRebooting/7" }, Statuses(sim));
        Assert.Equal(("FirmwareUpdate", "0.2.0"), Boots(sim).Last());
        Assert.Equal("0.2.0", sim.Csms.Station(Id).FirmwareVersion);
        Assert.Equal("B", sim.Boot.RunningSlot);
        Assert.True(sim.Boot.Context.IsTrial);

        // Installed only once the self-test (healthy and Accepted for 2 minutes) confirmed the image.
        Run(sim, 100_000);
        Assert.DoesNotContain("Installed/7", Statuses(sim));
        Run(sim, 30_000);
        Assert.Equal("Installed/7", Statuses(sim).Last());
        Assert.False(sim.Boot.Context.IsTrial);
        Assert.Contains("FirmwareUpdated", SecurityEvents(sim));

        // The confirmed image survives a power cut.
        Do(sim, "power-cut for 2s");
        Run(sim, 10_000);
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
        Assert.Equal("B", sim.Boot.RunningSlot);
        Assert.Equal(("PowerUp", "0.2.0"), Boots(sim).Last());
        Assert.Equal(6, Statuses(sim).Count);
    }

    [Fact]
    public void OnABoardTheImageChecksRunOffTheTickWhichGoesOnUntilTheyAnswerAndTheUpdateCompletes()
    {
        var sim = Booted();
        var target = sim.Station.FirmwareTarget;
        target.CheckInBackground = true; // what the board composition sets (the board's 500 ms watchdog)
        Assert.Equal("Accepted", InstallRoot(sim));
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "good", "0.2.0", 8))));

        var until = DateTime.UtcNow.AddSeconds(60);
        while (!Statuses(sim).Contains("InstallRebooting/8") && DateTime.UtcNow < until)
        {
            Run(sim, 50);
            System.Threading.Thread.Sleep(1); // real time for the worker threads
        }

        Assert.Equal(new[] { "Downloading/8", "Downloaded/8", "SignatureVerified/8", "Installing/8", "InstallRebooting/8" }, Statuses(sim));
        // One check after the download and one at install, each started once and answered InProgress
        // at least on the tick that started it: the tick never waited for the whole image to be read.
        Assert.Equal(2, target.ChecksStarted);
        Assert.True(target.InProgressAnswers >= 2, "InProgress answers: " + target.InProgressAnswers);

        Run(sim, 20_000);
        Assert.Equal("B", sim.Boot.RunningSlot);
        Assert.Equal("0.2.0", sim.Csms.Station(Id).FirmwareVersion);
    }

    [Fact]
    public void ABadSignatureFoundOffTheTickIsInvalidSignatureWithItsEventAndTheOldImageRunning()
    {
        var sim = Booted();
        sim.Station.FirmwareTarget.CheckInBackground = true;
        InstallRoot(sim);
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "bad-signature", "0.2.0", 9))));
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!Statuses(sim).Contains("InvalidSignature/9") && DateTime.UtcNow < until)
        {
            Run(sim, 50);
            System.Threading.Thread.Sleep(1);
        }

        Assert.Equal("InvalidSignature/9", Statuses(sim).Last());
        Run(sim, 10_000);
        Assert.Contains("InvalidFirmwareSignature", SecurityEvents(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void AnHttpsLocationIsFetchedOnlyOnceTheStationTrustsARootAndUntilThenTheOldImageRuns()
    {
        var sim = Booted();
        InstallRoot(sim);
        byte[] bundle = SimFirmware.BuildBundle("0.2.0", payloadBytes: 20_000);
        const string url = "https://files.sim/firmware/charger-0.2.0.cfwb";
        sim.Csms.HttpServer.Publish(url, bundle);
        CsmsRequest Request(int id) => CsmsRequests.UpdateFirmware(id, url, SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs),
            SimFirmwarePki.SignerCertificatePem, SimFirmware.Sign(bundle, SimFirmwarePki.SignerKeyPem), retries: 0);

        // No CSMS root: the transfer trusts nothing, so nothing is fetched from the https server.
        Assert.Equal("Accepted", Status(Send(sim, Request(21))));
        Run(sim, 10_000);
        Assert.Equal(new[] { "Downloading/21", "DownloadFailed/21" }, Statuses(sim));
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        AssertOldImageRuns(sim);

        // With a root installed as CSMSRootCertificate the same location is used.
        Assert.Equal("Accepted", Status(Send(sim, CsmsRequests.InstallCertificate("CSMSRootCertificate", SimFirmwarePki.ManufacturerRootPem))));
        Assert.Equal("Accepted", Status(Send(sim, Request(22))));
        Run(sim, 20_000);
        Assert.Equal(1, sim.Csms.HttpServer.DownloadCount);
        Assert.Contains("InstallRebooting/22", Statuses(sim));
        Assert.Equal("B", sim.Boot.RunningSlot);
    }

    [Fact]
    public void AnUntrustedSigningCertificateIsAnsweredInvalidCertificateWithItsSecurityEventAndNothingIsDownloaded_L01_FR_02()
    {
        var sim = Booted();
        InstallRoot(sim);
        Assert.Equal("InvalidCertificate", Status(Send(sim, Update(sim, "untrusted", "0.2.0", 3))));
        Run(sim, 60_000);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        Assert.Empty(Statuses(sim));
        Assert.Contains("InvalidFirmwareSigningCertificate", SecurityEvents(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void WithoutAnInstalledManufacturerRootEverySigningCertificateIsInvalid_L01_FR_02()
    {
        var sim = Booted();
        Assert.Equal("InvalidCertificate", Status(Send(sim, Update(sim, "good", "0.2.0", 4))));
        Run(sim, 30_000);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void AnUnsignedRequestIsRejectedBecauseOnlySignedImagesAreInstalled()
    {
        var sim = Booted();
        InstallRoot(sim);
        var request = Update(sim, "good", "0.2.0", 5);
        request.Payload["firmware"]!.AsObject().Remove("signature");
        var call = Send(sim, request);
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("SignatureRequired", call.Result!["statusInfo"]!["reasonCode"]!.GetValue<string>());

        var garbled = Update(sim, "good", "0.2.0", 6);
        garbled.Payload["firmware"]!["signature"] = "not base64 at all!";
        call = Send(sim, garbled);
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("BadSignatureFormat", call.Result!["statusInfo"]!["reasonCode"]!.GetValue<string>());
        Run(sim, 30_000);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        Assert.Empty(sim.Csms.Station(Id).ProtocolAnomalies);
    }

    [Fact]
    public void ABadSignatureEndsInInvalidSignatureWithItsSecurityEventAndTheOldImageKeepsRunning_L01_FR_03_FR_04()
    {
        var sim = Booted();
        InstallRoot(sim);
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "bad-signature", "0.2.0", 8))));
        Run(sim, 30_000);
        Assert.Equal(new[] { "Downloading/8", "Downloaded/8", "InvalidSignature/8" }, Statuses(sim));
        Assert.Contains("InvalidFirmwareSignature", SecurityEvents(sim));
        Assert.Single(Boots(sim));
        AssertOldImageRuns(sim);

        Do(sim, "power-cut for 2s");
        Run(sim, 10_000);
        AssertOldImageRuns(sim);
    }

    public static TheoryData<string> TamperedOutsideTheManifest => new() { "payload byte", "trailing bytes", "last byte" };

    /// <summary>
    /// The signature covers every byte of the downloaded file (L01.FR.04), not only the manifest: a
    /// byte changed in a .pe payload (which the manifest's per-file SHA-256 would catch only at
    /// install) or bytes added after the end (a layout error before) is InvalidSignature with its
    /// security event, before anything is parsed, and the old image keeps running.
    /// </summary>
    [Theory]
    [MemberData(nameof(TamperedOutsideTheManifest))]
    public void AnyByteChangedOutsideTheManifestFailsTheSignatureOverTheWholeFile_L01_FR_03_FR_04(string tampering)
    {
        var sim = Booted();
        InstallRoot(sim);
        byte[] signed = SimFirmware.BuildBundle("0.2.0");
        string signature = SimFirmware.Sign(signed, SimFirmwarePki.SignerKeyPem);
        var reader = Charger.Ota.Bundle.BundleReader.Open(new Charger.Ota.Bundle.ByteArrayBundleSource(signed));
        byte[] served = (byte[])signed.Clone();
        switch (tampering)
        {
            case "payload byte":
                served[reader.PayloadOffset + 100] ^= 0x01;
                break;
            case "trailing bytes":
                served = signed.Concat(new byte[] { 0x0A, 0x00 }).ToArray();
                break;
            default:
                served[^1] ^= 0x80;
                break;
        }

        string url = SimFirmwareUpdates.BaseUrl + "tampered.cfwb";
        sim.Csms.HttpServer.Publish(url, served);
        var request = CsmsRequests.UpdateFirmware(30, url, SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs),
            SimFirmwarePki.SignerCertificatePem, signature);
        Assert.Equal("Accepted", Status(Send(sim, request)));
        Run(sim, 30_000);

        Assert.Equal(new[] { "Downloading/30", "Downloaded/30", "InvalidSignature/30" }, Statuses(sim));
        Assert.Contains("InvalidFirmwareSignature", SecurityEvents(sim));
        Assert.Single(Boots(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void ABrokenUrlIsTriedOncePlusItsRetriesRetryIntervalApartThenDownloadFailed()
    {
        var sim = Booted();
        InstallRoot(sim);
        Assert.Equal("Accepted", Status(Send(sim, Update(sim, "broken-url", "0.2.0", 9, retries: 2, retryInterval: 40))));
        Run(sim, 30_000);
        Assert.Equal(1, sim.Csms.HttpServer.DownloadCount);
        Run(sim, 20_000);
        Assert.Equal(2, sim.Csms.HttpServer.DownloadCount);
        Run(sim, 60_000);
        Assert.Equal(3, sim.Csms.HttpServer.DownloadCount);
        Assert.Equal(new[] { "Downloading/9", "DownloadFailed/9" }, Statuses(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void ATruncatedFileFailsItsVerificationAndIsNeverBooted()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "truncated", "0.2.0", 10));
        Run(sim, 30_000);
        Assert.Equal(new[] { "Downloading/10", "Downloaded/10", "InstallVerificationFailed/10" }, Statuses(sim));
        AssertOldImageRuns(sim);
        Do(sim, "power-cut for 2s");
        Run(sim, 10_000);
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void AnImageLargerThanTheFreeSlotFailsTheDownloadWithoutRetries()
    {
        var sim = Booted();
        InstallRoot(sim);
        byte[] huge = SimFirmware.BuildBundle("0.9.0", payloadBytes: (int)SimFirmware.SlotCapacityBytes + 4096);
        string url = SimFirmwareUpdates.BaseUrl + "huge.cfwb";
        sim.Csms.HttpServer.Publish(url, huge);
        var request = CsmsRequests.UpdateFirmware(11, url, SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs),
            SimFirmwarePki.SignerCertificatePem, SimFirmware.Sign(huge, SimFirmwarePki.SignerKeyPem), retries: 3, retryInterval: 10);
        Assert.Equal("Accepted", Status(Send(sim, request)));
        Run(sim, 60_000);
        Assert.Equal(1, sim.Csms.HttpServer.DownloadCount);
        Assert.Equal(new[] { "Downloading/11", "DownloadFailed/11" }, Statuses(sim));
        AssertOldImageRuns(sim);
    }

    [Fact]
    public void AnInterruptedDownloadResumesWithARangeRequestFromTheBytesAlreadyStored()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "interrupted", "0.2.0", 12, retries: 2, retryInterval: 20));
        Run(sim, 5_000);
        Assert.Equal(1, sim.Csms.HttpServer.DownloadCount);
        Assert.Equal("DownloadPaused/12", Statuses(sim).Last()); // half the image kept for the retry
        Run(sim, 30_000);
        Assert.Equal(2, sim.Csms.HttpServer.DownloadCount);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadStartAt(0));
        long half = SimFirmware.BuildBundle("0.2.0").Length / 2;
        Assert.Equal(half, sim.Csms.HttpServer.DownloadStartAt(1));
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
        Assert.Equal(new[] { "Downloading/12", "DownloadPaused/12", "Downloading/12", "Downloaded/12", "SignatureVerified/12", "Installing/12",
            "InstallRebooting/12" }, Statuses(sim));
        Run(sim, 150_000);
        Assert.Equal("Installed/12", Statuses(sim).Last());
    }

    [Fact]
    public void APowerCutWhileTheDownloadWaitsToRetryResumesAfterTheBootFromTheStoredBytes()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "interrupted", "0.2.0", 13, retries: 2, retryInterval: 300));
        Run(sim, 5_000);
        Do(sim, "power-cut for 3s");
        Run(sim, 30_000);
        long half = SimFirmware.BuildBundle("0.2.0").Length / 2;
        Assert.Equal(2, sim.Csms.HttpServer.DownloadCount);
        Assert.Equal(half, sim.Csms.HttpServer.DownloadStartAt(1));
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
        Run(sim, 150_000);
        Assert.Equal("Installed/13", Statuses(sim).Last());
    }

    [Fact]
    public void AnImageThatFailsOnStartIsRolledBackAndInstallationFailedIsReportedAfterTheReconnect()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "failing", "0.2.0", 14));
        Run(sim, 30_000);
        AssertOldImageRuns(sim);
        Assert.Equal("InstallationFailed/14", Statuses(sim).Last());
        var boots = Boots(sim);
        Assert.Equal(2, boots.Count);
        Assert.Equal("0.1.0", boots[1].Version);
        long reboot = sim.Csms.FrameLog.Last(f => f.Action == "BootNotification" && f.MessageTypeId == 2).TimeMs;
        Assert.Contains("InstallationFailed", CallsFromStation(sim, "FirmwareStatusNotification", reboot).Select(p => p.GetProperty("status").GetString()));
        Assert.Equal(Charger.Ota.Slots.RollbackReason.None, sim.Boot.Context.UnreportedRollback);
        Assert.Equal(Charger.Ota.Slots.RollbackReason.StartThrew, sim.Boot.State.LastRollback);
    }

    [Fact]
    public void AnUpdateDuringATransactionWaitsForItsEndWithTheFreeEvseUnavailableAndLosesNoTransactionEvent_L01_FR_06_FR_07()
    {
        var sim = Booted();
        InstallRoot(sim);
        Do(sim, "plug 32A");
        Run(sim, 1_000);
        Do(sim, "ev charge");
        Run(sim, 1_000);
        Do(sim, "swipe RFID-0001");
        Run(sim, 5_000);
        Assert.False(sim.Csms.LatestTransaction(Id)!.Ended);

        Send(sim, Update(sim, "good", "0.2.0", 15));
        Run(sim, 120_000);
        Assert.Equal(new[] { "Downloading/15", "Downloaded/15", "SignatureVerified/15" }, Statuses(sim));
        Assert.Equal("0.1.0", sim.Boot.RunningVersion);
        Assert.True(sim.Station.Controller.ContactorCommandedClosed);

        long stoppedAt = sim.NowMs;
        Do(sim, "swipe RFID-0001");
        Run(sim, 3_000);
        Do(sim, "unplug");
        Run(sim, 20_000);
        Assert.True(sim.Csms.LatestTransaction(Id)!.Ended);
        Assert.Equal(1, sim.Csms.CountTransactionEvents(Id, "Ended"));
        var unavailable = CallsFromStation(sim, "StatusNotification", stoppedAt)
            .Select(p => p.GetProperty("connectorStatus").GetString()).ToList();
        Assert.Contains("Unavailable", unavailable);
        Assert.Equal("InstallRebooting/15", Statuses(sim).Last());
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
        Assert.Equal(0, sim.Station.Ocpp.Transactions.Queue.Count);
    }

    [Fact]
    public void ASecondRequestCancelsAScheduledUpdateAndIsAnsweredAcceptedCanceled_L01_FR_24()
    {
        var sim = Booted();
        InstallRoot(sim);
        var first = Update(sim, "good", "0.2.0", 16);
        first.Payload["firmware"]!["retrieveDateTime"] = SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        Assert.Equal("Accepted", Status(Send(sim, first)));
        Run(sim, 10_000);
        Assert.Equal(new[] { "DownloadScheduled/16" }, Statuses(sim));
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);

        Assert.Equal("AcceptedCanceled", Status(Send(sim, Update(sim, "good", "0.3.0", 17))));
        Run(sim, 20_000);
        Assert.Equal("0.3.0", sim.Boot.RunningVersion);
        Assert.DoesNotContain(Statuses(sim).Skip(1), s => s.EndsWith("/16"));
        Run(sim, 3_600_000);
        Assert.Equal(1, sim.Csms.HttpServer.DownloadCount);
    }

    [Fact]
    public void AnInstallDateTimeInTheFutureIsInstallScheduledAndInstalledAtThatTime_L01_FR_16()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "good", "0.2.0", 18, installIn: TimeSpan.FromMinutes(10)));
        Run(sim, 60_000);
        Assert.Equal(new[] { "Downloading/18", "Downloaded/18", "SignatureVerified/18", "InstallScheduled/18" }, Statuses(sim));
        Run(sim, 8 * 60_000);
        Assert.Equal("0.1.0", sim.Boot.RunningVersion);
        Run(sim, 2 * 60_000);
        Assert.Equal("0.2.0", sim.Boot.RunningVersion);
        Assert.Equal("InstallRebooting/18", Statuses(sim).Last());
    }

    [Fact]
    public void TriggeredFirmwareStatusNotificationIsIdleWithoutAnUpdateAndTheCurrentStatusDuringOne_F06()
    {
        var sim = Booted();
        InstallRoot(sim);
        Assert.Equal("Accepted", Status(Send(sim, CsmsRequests.TriggerMessage("FirmwareStatusNotification"))));
        Run(sim, 1_000);
        Assert.Equal(new[] { "Idle" }, Statuses(sim));

        var request = Update(sim, "good", "0.2.0", 19);
        request.Payload["firmware"]!["retrieveDateTime"] = SimulatedStation.EpochUtc.AddMilliseconds(sim.NowMs).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        Send(sim, request);
        Send(sim, CsmsRequests.TriggerMessage("FirmwareStatusNotification"));
        Run(sim, 1_000);
        Assert.Equal(new[] { "Idle", "DownloadScheduled/19", "DownloadScheduled/19" }, Statuses(sim));
    }

    [Fact]
    public void ANewRequestWhileTheInstalledImageWaitsForItsSelfTestIsRejected_L01_FR_27()
    {
        var sim = Booted();
        InstallRoot(sim);
        Send(sim, Update(sim, "good", "0.2.0", 20));
        Run(sim, 20_000);
        Assert.True(sim.Boot.Context.IsTrial);
        var call = Send(sim, Update(sim, "good", "0.3.0", 21));
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("InstallInProgress", call.Result!["statusInfo"]!["reasonCode"]!.GetValue<string>());
        Run(sim, 150_000);
        Assert.Equal("Installed/20", Statuses(sim).Last());
    }

    [Fact]
    public void AnUpdateFirmwareWithoutItsFirmwareIsACallErrorAndANonHttpLocationIsRejected()
    {
        var sim = Booted();
        InstallRoot(sim);
        var call = Send(sim, new CsmsRequest("UpdateFirmware", new JsonObject { ["requestId"] = 1 }));
        Assert.Contains(call.ErrorCode, new[] { "OccurrenceConstraintViolation", "FormatViolation" });

        var ftp = Update(sim, "good", "0.2.0", 2);
        ftp.Payload["firmware"]!["location"] = "ftp://csms.sim/firmware/charger.cfwb";
        call = Send(sim, ftp);
        Assert.Equal("Rejected", Status(call));
        Assert.Equal("InvalidURL", call.Result!["statusInfo"]!["reasonCode"]!.GetValue<string>());
        Run(sim, 10_000);
        Assert.Equal(0, sim.Csms.HttpServer.DownloadCount);
        AssertOldImageRuns(sim);
    }

    [Theory]
    [InlineData("csms update-firmware sideways")]
    [InlineData("csms update-firmware good 0.2.0 install-in")]
    [InlineData("csms update-firmware good has space")]
    [InlineData("csms update-firmware good 0.2.0 install-in soon")]
    public void AMalformedUpdateFirmwareStepIsRefusedBeforeTheRunNamingItsLine(string step)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("t", "0s wait\n+1s " + step));
        Assert.Contains("line 2", e.Message);
    }

    [Theory]
    [InlineData("expect firmware")]
    [InlineData("expect slot C")]
    [InlineData("expect firmware-status")]
    public void AMalformedFirmwareExpectationIsRefusedBeforeTheRun(string step)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("t", "0s " + step));
        Assert.Contains("line 1", e.Message);
    }
}
