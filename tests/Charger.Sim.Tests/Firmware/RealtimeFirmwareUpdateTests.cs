using System;
using System.IO;
using Charger.Sim.Tests.SerialConsole;

namespace Charger.Sim.Tests.Firmware;

/// <summary>
/// --realtime with the built-in CSMS: the bundle comes over real HTTP from the CSMS's
/// <see cref="Charger.Sim.Firmware.BundleHttpServer"/> through the station's desktop HTTP transfer,
/// and the station reboots onto it at wall-clock pace.
/// </summary>
public sealed class RealtimeFirmwareUpdateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "charger-fw-realtime-" + Guid.NewGuid().ToString("N"));

    public RealtimeFirmwareUpdateTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void TheBuiltInCsmsServesTheBundleOverRealHttpAndTheStationRebootsOntoIt()
    {
        string scenario = Path.Combine(_dir, "update.scn");
        File.WriteAllText(scenario, string.Join("\n",
            "0s      expect firmware 0.1.0 within 3s",
            "+2s     csms update-firmware good 0.2.0",
            "+0s     expect firmware 0.2.0 within 20s",
            "+20s    expect slot A",
            "+0s     expect firmware-status InstallRebooting"));
        using var sim = new RealtimeSimulator(new[] { "--realtime", "--scenario", scenario });
        int exit = sim.WaitForExit(60_000);
        Assert.True(exit == 0, sim.Output);
        Assert.Contains("firmware reboot: firmware 0.2.0 installed", sim.Output);
    }
}
