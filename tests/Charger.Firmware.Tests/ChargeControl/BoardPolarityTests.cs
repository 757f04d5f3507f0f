using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// Issue 12 item 11: in both board maps the RCD and e-stop inputs have a pull-up (normally-closed
/// contacts to ground, high = tripped), so a broken wire reads tripped. The board files run only on
/// the device, so this reads their source.
/// </summary>
public class BoardPolarityTests
{
    private static string RepoRoot()
    {
        string dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "ChargerFirmware.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        return dir;
    }

    [Theory]
    [InlineData("Esp32DevKitCBoard.cs")]
    [InlineData("Stm32F769DiscoveryBoard.cs")]
    public void SafetyInputsArePulledUpSoABrokenWireReadsTripped(string board)
    {
        string source = File.ReadAllText(Path.Combine(RepoRoot(), "firmware", "Charger.Device", "Boards", board));
        foreach (string input in new[] { "ResidualCurrentTrip", "EmergencyStop", "ConnectorLockFeedback" })
        {
            Match m = Regex.Match(source, @"hal\." + input + @"\s*=\s*new NanoDigitalInput\([^;]*PinMode\.(\w+)\)");
            Assert.True(m.Success, $"{board}: {input} is not opened as a NanoDigitalInput");
            Assert.Equal("InputPullUp", m.Groups[1].Value);
        }

        Assert.Contains("SafeOutputs", source);
    }

    [Fact]
    public void ProductSettingsReadHighAsTrippedAndLowAsLocked()
    {
        string source = File.ReadAllText(Path.Combine(RepoRoot(), "firmware", "Charger.Device", "Composition", "ProductSettings.cs"));
        Assert.Contains("RcdTrippedWhenHigh = true", source);
        Assert.Contains("EmergencyStopPressedWhenHigh = true", source);
        Assert.Contains("LockFeedbackLockedWhenHigh = false", source);
    }
}
