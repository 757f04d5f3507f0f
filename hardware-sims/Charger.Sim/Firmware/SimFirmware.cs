using System;
using System.Security.Cryptography;
using System.Text;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Sim.Firmware;

/// <summary>
/// The simulated station's A/B slots and boot (issue 14): slots live on the simulated flash with
/// the same <see cref="FileSlotBackend"/> and <see cref="SlotManager"/> the board uses, and every
/// power-up runs the same <see cref="BootSequence"/> (pick the slot, check the bundle's layout,
/// board, every file's size and SHA-256, trial bookkeeping, rollback). The desktop cannot
/// Assembly.Load a .pe, so the loader maps the bundle's entry type to the firmware the simulator
/// links; the booted image's version is what the station reports.
/// </summary>
public static class SimFirmware
{
    public const string Board = "sim-ac22";
    public const int BootVersion = 1;

    /// <summary>The entry type of a working image: the simulator builds the station it links.</summary>
    public const string StationEntry = "Charger.Sim.Firmware.StationImage";

    /// <summary>The entry type of an image that throws on start (a broken build): it is rolled back.</summary>
    public const string FailingEntry = "Charger.Sim.Firmware.FailingImage";

    /// <summary>Bytes a slot holds on the simulated flash.</summary>
    public const long SlotCapacityBytes = 96 * 1024;

    /// <summary>A bundle for the simulated board: manifest plus two stand-in files of <paramref name="payloadBytes"/> in all.</summary>
    public static byte[] BuildBundle(string version, string entry = StationEntry, int payloadBytes = 12_000)
    {
        var manifest = new BundleManifest
        {
            FormatVersion = BundleReader.FormatVersion,
            FirmwareVersion = version,
            Board = Board,
            MinBootVersion = BootVersion,
            EntryType = entry,
        };
        var names = new[] { "Charger.Firmware.pe", "Charger.Device.pe" };
        var files = new byte[2][];
        for (int i = 0; i < files.Length; i++)
        {
            files[i] = new byte[payloadBytes / 2 + i];
            byte[] seed = Encoding.ASCII.GetBytes(version + "/" + names[i]);
            for (int j = 0; j < files[i].Length; j++)
            {
                files[i][j] = (byte)(seed[j % seed.Length] ^ (j * 31));
            }
        }

        return BundleWriter.Build(manifest, names, files);
    }

    /// <summary>The manifest's bytes: what a bundle signature signs (as tools/BundleTool signs).</summary>
    public static byte[] ManifestOf(byte[] bundle)
    {
        int length = BitConverter.ToInt32(bundle, 8);
        return bundle.AsSpan(BundleReader.HeaderBytes, length).ToArray();
    }

    /// <summary>RSASSA-PKCS1-v1_5 over SHA-256 of the manifest, base64: the UpdateFirmware request's signature.</summary>
    public static string Sign(byte[] bundle, string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return Convert.ToBase64String(rsa.SignData(ManifestOf(bundle), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>
    /// One power-up: a blank flash gets the factory image (confirmed), then the boot sequence runs;
    /// a trial image that fails is rolled back and the board boots again at once, as the boot
    /// assembly's reboot would. Returns the started image's context.
    /// </summary>
    public static IBootContext Boot(IFileStore store, ILog log)
    {
        var slots = new SlotManager(new FileSlotBackend(store, SlotCapacityBytes));
        if (slots.ActiveSlot == SlotState.NoSlot && !slots.TrialPending)
        {
            InstallFactoryImage(slots, log);
        }

        for (int boot = 0; boot < 4; boot++)
        {
            var sequence = new BootSequence(slots, Board, BootVersion, null, log);
            switch (sequence.Boot(new Loader()))
            {
                case BootOutcome.Started:
                    return sequence.Context;
                case BootOutcome.RolledBackRebootRequired:
                    log.Write(LogLevel.Warning, "boot", "rebooting after the rollback: " + sequence.FailureReason);
                    continue;
                default:
                    throw new InvalidOperationException("the simulated board has nothing to boot: " + sequence.FailureReason);
            }
        }

        throw new InvalidOperationException("the simulated board kept rebooting");
    }

    private static void InstallFactoryImage(SlotManager slots, ILog log)
    {
        byte[] bundle = BuildBundle(StationSettings.FirmwareVersion);
        slots.BeginInstall();
        slots.AppendInstall(bundle, 0, bundle.Length);
        slots.FinishInstall(StationSettings.FirmwareVersion);
        slots.ConfirmTrial();
        log.Write(LogLevel.Info, "boot", "factory image " + StationSettings.FirmwareVersion + " written to slot " + SlotManager.SlotName(slots.ActiveSlot));
    }

    private sealed class Loader : IApplicationLoader
    {
        public void Load(string name, byte[] image)
        {
            // Checked by the boot sequence; the desktop runs the firmware it links.
        }

        public IFirmwareApplication Create(string entryType) => entryType switch
        {
            StationEntry => new StationImage(),
            FailingEntry => new FailingImage(),
            _ => throw new InvalidOperationException("no simulated image type " + entryType),
        };
    }

    private sealed class StationImage : IFirmwareApplication
    {
        public void Start(IBootContext context)
        {
            // The simulator builds the station on the context after Start returns.
        }
    }

    private sealed class FailingImage : IFirmwareApplication
    {
        public void Start(IBootContext context) => throw new InvalidOperationException("simulated image fails on start");
    }
}
