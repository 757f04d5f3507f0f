using System.Globalization;

namespace Charger.Ota.Tests;

/// <summary>The ESP32 tables in bootloader-config hold what the A/B design needs, without overlaps.</summary>
public class PartitionTableTests
{
    // firmware/Charger.Boot/BootSettings.cs SlotCapacityBytes: one 250 KB bundle with room to grow.
    private const long SlotBytes = 320 * 1024;

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ChargerFirmware.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    private static List<(string Name, long Offset, long Size)> Read(string file) =>
        File.ReadAllLines(RepoFile(file))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split(',').Select(p => p.Trim()).ToArray())
            .Select(p => (p[0], long.Parse(p[3][2..], NumberStyles.HexNumber), long.Parse(p[4][2..], NumberStyles.HexNumber)))
            .ToList();

    [Theory]
    [InlineData("bootloader-config/esp32/partitions-4mb-ab.csv", 4 * 1024 * 1024)]
    [InlineData("bootloader-config/esp32/partitions-8mb-ab.csv", 8 * 1024 * 1024)]
    public void TheTableFitsTheFlashAndHoldsTheBootSetTwoSlotsAndTheRecords(string file, long flashBytes)
    {
        var parts = Read(file);
        for (int i = 1; i < parts.Count; i++)
        {
            Assert.True(parts[i].Offset >= parts[i - 1].Offset + parts[i - 1].Size, $"{parts[i].Name} overlaps {parts[i - 1].Name}");
        }

        var last = parts[^1];
        Assert.True(last.Offset + last.Size <= flashBytes, "the table runs past the flash");
        var deploy = parts.Single(p => p.Name == "deploy");
        var config = parts.Single(p => p.Name == "config");
        Assert.True(deploy.Size >= 256 * 1024, "the boot set (about 170 KB) needs its deployment region");
        Assert.True(config.Size >= (2 * SlotBytes) + (512 * 1024), "two slots and at least 512 KB of records on I:");
        Assert.DoesNotContain(parts, p => p.Name is "deploy_a" or "deploy_b" or "slotmeta");
    }
}
