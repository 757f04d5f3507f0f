using System.Text;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ota;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Sim.Simulation;

/// <summary>
/// The simulated station's boot assembly: slots A and B live on the station's simulated flash,
/// and every power-up runs the same <see cref="BootSequence"/> the board runs (slot choice, trial
/// attempts, size and SHA-256 of every file, rollback). Only the loader differs: the desktop
/// cannot load .pe images, so the bundle's entry type name picks what the simulated image does
/// (run the firmware, throw on start, or run and never pass its self-test). The firmware then
/// reports the booted bundle's version in BootNotification. A new flash gets a factory image of
/// <see cref="StationSettings.FirmwareVersion"/>, confirmed, as a freshly flashed board would have.
/// </summary>
public sealed class SimulatedBoot
{
    public const string Board = "SIM";
    public const int BootVersion = 1;
    public const string RunsFirmware = "Charger.Firmware.Station.ChargingStation";
    public const string ThrowsOnStart = "Charger.Sim.Images.ThrowsOnStart";
    public const string FailsSelfTest = "Charger.Sim.Images.FailsSelfTest";
    public const long SlotCapacityBytes = 64 * 1024;

    private readonly MemoryFileStore _store;
    private readonly ILog _log;
    private readonly DigestAllowListSignatureCheck _allowed = new();
    private BootContext _context;
    private TrialConfirmation _confirmation;
    private bool _imageFailsSelfTest;

    public SimulatedBoot(MemoryFileStore store, ILog log)
    {
        _store = store;
        _log = log;
        var slots = Slots();
        if (slots.ActiveSlot == SlotState.NoSlot && !slots.TrialPending)
        {
            Install(StationSettings.FirmwareVersion, RunsFirmware);
            Slots().ChooseBootSlot();
            Slots().ConfirmTrial();
        }
    }

    /// <summary>The running image's boot context (its slots, version, trial); null while nothing runs.</summary>
    public IBootContext Context => _context;

    /// <summary>The version the running image reported; null while nothing runs.</summary>
    public string RunningVersion => _context?.FirmwareVersion;

    /// <summary>The slot the running image came from.</summary>
    public string RunningSlot => _context?.SlotName;

    /// <summary>The last confirmed slot ("A", "B").</summary>
    public string ActiveSlot => SlotManager.SlotName((_context?.Slots ?? Slots()).ActiveSlot);

    public SlotState State => (_context?.Slots ?? Slots()).State;

    /// <summary>True once a trial failed its self-test and was rolled back: the station must reboot.</summary>
    public bool RebootRequested => _confirmation != null && _confirmation.RebootRequested;

    /// <summary>A bundle as the simulator builds it: one small file standing for the application image.</summary>
    public static byte[] MakeBundle(string version, string entryType)
    {
        var manifest = new BundleManifest
        {
            FormatVersion = BundleReader.FormatVersion,
            FirmwareVersion = version,
            Board = Board,
            MinBootVersion = BootVersion,
            EntryType = entryType,
        };
        var image = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("simulated application image " + version + " " + entryType + "\n", 40)));
        return BundleWriter.Build(manifest, new[] { "Charger.Firmware.pe" }, new[] { image });
    }

    /// <summary>Writes a bundle into the free slot and puts it on trial (what a finished download does); it boots at the next power-up.</summary>
    public int Install(string version, string entryType)
    {
        var bundle = MakeBundle(version, entryType);
        _allowed.Allow(BundleReader.Open(new ByteArrayBundleSource(bundle)).ManifestDigest);
        // While an image runs, its boot context's slot manager is the one that writes the state.
        return new BundleInstaller(_context?.Slots ?? Slots(), Board, BootVersion, _allowed).Install(new ByteArrayBundleSource(bundle));
    }

    /// <summary>
    /// One power-up: boots until an image starts (a trial that fails after loading is rolled back and
    /// the station "reboots" at once, as the board's boot assembly does). Returns the running version.
    /// </summary>
    public string PowerUp(SelfTestPolicy policy)
    {
        _context = null;
        _confirmation = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var boot = new BootSequence(Slots(), Board, BootVersion, null, _log);
            var loader = new SimulatedLoader();
            var outcome = boot.Boot(loader);
            if (outcome == BootOutcome.Started)
            {
                _context = boot.Context;
                _imageFailsSelfTest = loader.Entry == FailsSelfTest;
                _confirmation = new TrialConfirmation(_context, policy);
                return _context.FirmwareVersion;
            }

            if (outcome != BootOutcome.RolledBackRebootRequired)
            {
                throw new InvalidOperationException("the simulated boot found nothing to run: " + boot.FailureReason);
            }
        }

        throw new InvalidOperationException("the simulated boot kept failing");
    }

    /// <summary>Feeds the trial's self-test once per tick (a confirmed image ignores it).</summary>
    public SelfTestVerdict Tick(long nowMs, bool chargeControlHealthy, bool registrationAccepted, bool online)
    {
        if (_confirmation == null)
        {
            return SelfTestVerdict.Pending;
        }

        return _confirmation.Tick(nowMs, chargeControlHealthy && !_imageFailsSelfTest, registrationAccepted, online);
    }

    private SlotManager Slots() => new(new FileSlotBackend(_store, SlotCapacityBytes));

    /// <summary>Reads what the manifest names instead of loading .pe images.</summary>
    private sealed class SimulatedLoader : IApplicationLoader
    {
        public string Entry { get; private set; }

        public void Load(string name, byte[] image)
        {
        }

        public IFirmwareApplication Create(string entryType)
        {
            Entry = entryType;
            return entryType switch
            {
                RunsFirmware or FailsSelfTest => new SimulatedImage(false),
                ThrowsOnStart => new SimulatedImage(true),
                _ => throw new InvalidOperationException("no type " + entryType + " in the simulated image"),
            };
        }
    }

    private sealed class SimulatedImage : IFirmwareApplication
    {
        private readonly bool _throws;

        public SimulatedImage(bool throws) => _throws = throws;

        public void Start(IBootContext context)
        {
            if (_throws)
            {
                throw new InvalidOperationException("simulated image " + context.FirmwareVersion + " throws on start");
            }
        }
    }
}
