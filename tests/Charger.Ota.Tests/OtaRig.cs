using System.Text;
using Charger.Hal.Sim;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota.Tests;

/// <summary>Bundles, a simulated flash and a loader that maps entry names to test applications.</summary>
internal static class OtaRig
{
    public const string Board = "ESP32";
    public const int BootVersion = 2;
    public const long SlotBytes = 300 * 1024;

    public static byte[] MakeBundle(string version, string board = Board, int minBoot = 1, string entry = "Test.App", int fileBytes = 700, int files = 2)
    {
        var manifest = new BundleManifest
        {
            FormatVersion = 1,
            FirmwareVersion = version,
            Board = board,
            MinBootVersion = minBoot,
            EntryType = entry,
        };
        var names = new string[files];
        var contents = new byte[files][];
        for (int i = 0; i < files; i++)
        {
            names[i] = "Part" + i + ".pe";
            contents[i] = new byte[fileBytes + i];
            var seed = Encoding.ASCII.GetBytes(version + "/" + i);
            for (int j = 0; j < contents[i].Length; j++)
            {
                contents[i][j] = (byte)(seed[j % seed.Length] ^ j);
            }
        }

        return BundleWriter.Build(manifest, names, contents);
    }

    public static DigestAllowListSignatureCheck AllowListFor(params byte[][] bundles)
    {
        var check = new DigestAllowListSignatureCheck();
        foreach (var bundle in bundles)
        {
            check.Allow(BundleReader.Open(new ByteArrayBundleSource(bundle)).ManifestDigest);
        }

        return check;
    }

    public static SlotManager Slots(MemoryFileStore store) => new SlotManager(new FileSlotBackend(store, SlotBytes));

    /// <summary>Installs and confirms <paramref name="bundle"/> as if a boot had run it and its self-test passed.</summary>
    public static void InstallConfirmed(MemoryFileStore store, byte[] bundle)
    {
        var slots = Slots(store);
        new BundleInstaller(slots, Board, BootVersion, AllowListFor(bundle)).Install(new ByteArrayBundleSource(bundle));
        slots.ChooseBootSlot();
        slots.ConfirmTrial();
    }
}

/// <summary>
/// The desktop stand-in for Assembly.Load: records the files handed to it and creates the
/// application the manifest names from a table. The real loader runs on nanoCLR (OtaBootProof).
/// </summary>
internal sealed class TableLoader : IApplicationLoader
{
    private readonly Func<string, IFirmwareApplication> _create;

    public TableLoader(Func<string, IFirmwareApplication> create) => _create = create;

    public List<string> Loaded { get; } = new();

    public void Load(string name, byte[] image) => Loaded.Add(name + ":" + image.Length);

    public IFirmwareApplication Create(string entryType) => _create(entryType) ?? throw new InvalidOperationException("no type " + entryType);
}

internal sealed class RecordingApp : IFirmwareApplication
{
    private readonly Action<IBootContext> _onStart;

    public RecordingApp(Action<IBootContext> onStart = null) => _onStart = onStart;

    public IBootContext Context { get; private set; }

    public void Start(IBootContext context)
    {
        Context = context;
        _onStart?.Invoke(context);
    }
}
