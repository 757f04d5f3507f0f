using System;
using Charger.Hal.Sim;
using Charger.Crypto;
using Charger.Ota;
using Charger.Ota.Boot;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.OtaProof
{
    /// <summary>
    /// The on-target proof of the boot side (tools/ontarget/ota-proof.sh builds and runs it on the
    /// 32-bit nanoCLR): bundles of REAL .pe files (Charger.OtaProof.App, built by the toolchain and
    /// packed by tools/BundleTool, embedded by the script as BundleData) are installed into slots on
    /// the simulated flash, checked, loaded with Assembly.Load and started through
    /// IFirmwareApplication; a bundle whose application throws is rolled back; a tampered bundle is
    /// refused; and SHA-256 over a 250 KB bundle is timed. POSIX nanoCLR has no file system, so the
    /// slots live on MemoryFileStore through the same FileSlotBackend the board uses on LittleFS.
    /// </summary>
    public static class Program
    {
        private const string Board = "ESP32";
        private const int BootVersion = 1;
        private const int LargeFileBytes = 250 * 1024;
        private static int _passed;
        private static int _failed;

        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                Check(false, "no exception escapes the proof: " + e.Message);
            }

            Console.WriteLine("ota-proof: complete, " + _passed + " passed, " + _failed + " failed");
        }

        private static void Run()
        {
            byte[] good = Convert.FromBase64String(BundleData.GoodBase64);
            byte[] throwing = Convert.FromBase64String(BundleData.ThrowingBase64);
            DigestAllowListSignatureCheck allowed = new DigestAllowListSignatureCheck();
            allowed.Allow(BundleReader.Open(new ByteArrayBundleSource(good)).ManifestDigest);
            allowed.Allow(BundleReader.Open(new ByteArrayBundleSource(throwing)).ManifestDigest);

            MemoryFileStore flash = new MemoryFileStore();
            SlotManager slots = Slots(flash);
            int slot = new BundleInstaller(slots, Board, BootVersion, allowed).Install(new ByteArrayBundleSource(good));
            Check(slot == 0 && slots.TrialPending, "good bundle (" + good.Length + " bytes) installed into slot A on trial");

            // Boot 1: the trial image is loaded with Assembly.Load, started, and confirms itself.
            ReflectionApplicationLoader loader = new ReflectionApplicationLoader();
            BootSequence boot = new BootSequence(Slots(flash), Board, BootVersion, null, null);
            BootOutcome outcome = boot.Boot(loader);
            Check(outcome == BootOutcome.Started, "boot 1: " + BootOutcomeText.Of(outcome) + (boot.FailureReason == null ? "" : " (" + boot.FailureReason + ")"));
            Check(loader.LoadedCount == 2, "boot 1: " + loader.LoadedCount + " assemblies loaded with Assembly.Load (library, then application)");
            BundleManifest manifest = BundleReader.Open(new ByteArrayBundleSource(good)).Manifest;
            Check(manifest.File(0).Name == "Charger.OtaProof.Lib.pe" && manifest.File(1).Name == "Charger.OtaProof.App.pe",
                "the bundle lists the library before the application that references it");
            Check(boot.Context != null && boot.Context.FirmwareVersion == "9.8.7-proof", "boot 1: the application got the bundle's version");
            Check(Slots(flash).ActiveSlot == 0 && !Slots(flash).TrialPending, "boot 1: the application confirmed slot A");

            // An image that throws on start goes into slot B and is rolled back.
            slot = new BundleInstaller(Slots(flash), Board, BootVersion, allowed).Install(new ByteArrayBundleSource(throwing));
            Check(slot == 1, "throwing bundle installed into slot B on trial");
            boot = new BootSequence(Slots(flash), Board, BootVersion, null, null);
            outcome = boot.Boot(new ReflectionApplicationLoader());
            Check(outcome == BootOutcome.RolledBackRebootRequired, "boot 2: " + BootOutcomeText.Of(outcome) + ": " + boot.FailureReason);
            SlotState state = Slots(flash).State;
            Check(state.LastRollback == RollbackReason.StartThrew && state.ImageOf(1) == SlotImageState.Failed && state.ActiveSlot == 0,
                "boot 2: rollback recorded (" + RollbackReasonText.Of(state.LastRollback) + "), slot B Failed, slot A active");

            // Boot 3 (after the reboot): the confirmed image again, with the rollback to report.
            boot = new BootSequence(Slots(flash), Board, BootVersion, null, null);
            outcome = boot.Boot(new ReflectionApplicationLoader());
            Check(outcome == BootOutcome.Started && boot.Context.FirmwareVersion == "9.8.7-proof" && !boot.Context.IsTrial,
                "boot 3: confirmed slot A runs again");
            Check(boot.Context.UnreportedRollback == RollbackReason.StartThrew && boot.Context.RolledBackVersion == "6.6.6-broken",
                "boot 3: the application sees the unreported rollback of " + boot.Context.RolledBackVersion);

            // A tampered bundle: one payload byte flipped.
            byte[] tampered = new byte[good.Length];
            Array.Copy(good, tampered, good.Length);
            tampered[good.Length - 3] ^= 0x20;
            try
            {
                BundleReader.OpenAndVerify(new ByteArrayBundleSource(tampered), Board, BootVersion, allowed);
                Check(false, "tampered bundle refused");
            }
            catch (BundleException e)
            {
                Check(e.Error == BundleError.HashMismatch, "tampered bundle refused: " + e.Message);
            }

            MeasureSha256();
        }

        private static void MeasureSha256()
        {
            byte[] file = new byte[LargeFileBytes];
            for (int i = 0; i < file.Length; i++)
            {
                file[i] = (byte)((i * 31) ^ (i >> 8));
            }

            // Raw SHA-256 of 250 KB in 1 KB updates, as the bundle reader feeds it.
            Sha256 hash = new Sha256();
            long start = DateTime.UtcNow.Ticks;
            for (int at = 0; at < file.Length; at += 1024)
            {
                hash.Update(file, at, 1024);
            }

            hash.Final();
            long rawMs = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            Console.WriteLine("ota-proof: measure sha256 " + LargeFileBytes + " bytes in " + rawMs + " ms");

            // The boot's whole check of a 250 KB bundle in a slot: chunk reads plus SHA-256.
            BundleManifest manifest = new BundleManifest();
            manifest.FormatVersion = 1;
            manifest.FirmwareVersion = "250k";
            manifest.Board = Board;
            manifest.MinBootVersion = 1;
            manifest.EntryType = "None.Entry";
            byte[] bundle = BundleWriter.Build(manifest, new string[] { "Large.pe" }, new byte[][] { file });
            file = null;
            MemoryFileStore flash = new MemoryFileStore();
            DigestAllowListSignatureCheck allowed = new DigestAllowListSignatureCheck();
            allowed.Allow(BundleReader.Open(new ByteArrayBundleSource(bundle)).ManifestDigest);
            SlotManager slots = Slots(flash);
            new BundleInstaller(slots, Board, BootVersion, allowed).Install(new ByteArrayBundleSource(bundle));
            bundle = null;
            start = DateTime.UtcNow.Ticks;
            BundleReader reader = BundleReader.Open(new SlotBundleSource(slots.Backend, slots.TrialSlot));
            reader.VerifyFiles();
            long slotMs = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            Console.WriteLine("ota-proof: measure boot check of a " + slots.Backend.ImageLength(slots.TrialSlot) + "-byte bundle from a slot in " + slotMs + " ms");
            Check(rawMs > 0 && slotMs > 0, "250 KB bundle hashed and checked from a slot");
        }

        private static SlotManager Slots(MemoryFileStore flash)
        {
            // A new SlotManager per boot: it reads the state back from the flash, as a reboot does.
            return new SlotManager(new FileSlotBackend(flash, 320 * 1024));
        }

        private static void Check(bool ok, string what)
        {
            if (ok)
            {
                _passed++;
                Console.WriteLine("ota-proof: PASS " + what);
            }
            else
            {
                _failed++;
                Console.WriteLine("ota-proof: FAIL " + what);
            }
        }
    }
}
