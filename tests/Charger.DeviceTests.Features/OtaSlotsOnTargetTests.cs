using Charger.Hal.Sim;
using Charger.Ota;
using Charger.Ota.Bundle;
using Charger.Ota.Slots;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The A/B slot state machine and the bundle checks on the board's CLR, on the simulated flash:
    /// trial, confirm, rollback after the attempts, a power cut at every byte of the state writes,
    /// and each bundle refusal. Mirrors tests/Charger.Ota.Tests (SlotManagerTests, PowerCutTests,
    /// BundleReaderTests, SelfTestPolicyTests); the boot through Assembly.Load is tools/ontarget/ota-proof.sh.
    /// </summary>
    [TestClass]
    public class OtaSlotsOnTargetTests
    {
        private const string Board = "ESP32";
        private const int BootVersion = 2;

        private static byte[] MakeBundle(string version, string board, int minBoot)
        {
            BundleManifest manifest = new BundleManifest();
            manifest.FormatVersion = 1;
            manifest.FirmwareVersion = version;
            manifest.Board = board;
            manifest.MinBootVersion = minBoot;
            manifest.EntryType = "Test.App";
            byte[] first = new byte[300];
            byte[] second = new byte[170];
            for (int i = 0; i < first.Length; i++)
            {
                first[i] = (byte)(i + version.Length);
            }

            for (int i = 0; i < second.Length; i++)
            {
                second[i] = (byte)(i * 3);
            }

            return BundleWriter.Build(manifest, new string[] { "A.pe", "B.pe" }, new byte[][] { first, second });
        }

        private static IBundleSignatureCheck Allow(byte[] a, byte[] b)
        {
            DigestAllowListSignatureCheck check = new DigestAllowListSignatureCheck();
            check.Allow(BundleReader.Open(new ByteArrayBundleSource(a)).ManifestDigest);
            if (b != null)
            {
                check.Allow(BundleReader.Open(new ByteArrayBundleSource(b)).ManifestDigest);
            }

            return check;
        }

        private static SlotManager Slots(MemoryFileStore store)
        {
            return new SlotManager(new FileSlotBackend(store, 64 * 1024));
        }

        /// <summary>v1 confirmed in slot A, v2 installed into slot B on trial.</summary>
        private static MemoryFileStore ConfirmedAndTrial(byte[] v1, byte[] v2)
        {
            MemoryFileStore store = new MemoryFileStore();
            IBundleSignatureCheck check = Allow(v1, v2);
            SlotManager slots = Slots(store);
            new BundleInstaller(slots, Board, BootVersion, check).Install(new ByteArrayBundleSource(v1));
            slots.ChooseBootSlot();
            slots.ConfirmTrial();
            new BundleInstaller(Slots(store), Board, BootVersion, check).Install(new ByteArrayBundleSource(v2));
            return store;
        }

        [TestMethod]
        public void ATrialIsConfirmedIntoTheActiveSlot()
        {
            MemoryFileStore store = ConfirmedAndTrial(MakeBundle("1.0.0", Board, 1), MakeBundle("2.0.0", Board, 1));
            SlotManager slots = Slots(store);
            Assert.AreEqual(0, slots.ActiveSlot);
            Assert.AreEqual(1, slots.TrialSlot);
            Assert.AreEqual(1, slots.ChooseBootSlot());
            slots.ConfirmTrial();

            SlotManager rebooted = Slots(store);
            Assert.AreEqual(1, rebooted.ActiveSlot);
            Assert.IsFalse(rebooted.TrialPending);
            Assert.AreEqual("2.0.0", rebooted.State.VersionOf(1));
        }

        [TestMethod]
        public void ATrialThatUsesUpItsAttemptsIsRolledBack()
        {
            MemoryFileStore store = ConfirmedAndTrial(MakeBundle("1.0.0", Board, 1), MakeBundle("2.0.0", Board, 1));
            for (int boot = 0; boot < 3; boot++)
            {
                Assert.AreEqual(1, Slots(store).ChooseBootSlot());
            }

            Assert.AreEqual(0, Slots(store).ChooseBootSlot());
            SlotState state = Slots(store).State;
            Assert.AreEqual("NotConfirmed", RollbackReasonText.Of(state.LastRollback));
            Assert.AreEqual("Failed", SlotImageStateText.Of(state.ImageOf(1)));
            Assert.AreEqual("2.0.0", state.RollbackFromVersion);
            Assert.IsFalse(state.RollbackReported);
        }

        [TestMethod]
        public void APowerCutAtEveryByteOfTheConfirmLeavesTheOldOrTheNewState()
        {
            byte[] v1 = MakeBundle("1.0.0", Board, 1);
            byte[] v2 = MakeBundle("2.0.0", Board, 1);
            MemoryFileStore reference = ConfirmedAndTrial(v1, v2);
            Slots(reference).ChooseBootSlot();
            SlotState before = Slots(reference).State;
            Slots(reference).ConfirmTrial();
            SlotState after = Slots(reference).State;

            for (int bytes = 0; bytes <= SlotState.RecordBytes; bytes++)
            {
                MemoryFileStore store = ConfirmedAndTrial(v1, v2);
                Slots(store).ChooseBootSlot();
                store.CutPowerInsideWrite(1, bytes);
                bool cut = false;
                try
                {
                    Slots(store).ConfirmTrial();
                }
                catch (PowerCutException)
                {
                    cut = true;
                }

                store.RestorePower();
                SlotState rebooted = Slots(store).State;
                Assert.IsTrue(cut, "the cut happened at byte " + bytes);
                Assert.IsTrue(rebooted.SameAs(before) || rebooted.SameAs(after), "cut at byte " + bytes + " gives a third state");
                Assert.AreEqual(bytes < SlotState.RecordBytes ? 0 : 1, rebooted.ActiveSlot, "active slot after a cut at byte " + bytes);
            }
        }

        [TestMethod]
        public void EachMalformedBundleHasItsOwnError()
        {
            byte[] good = MakeBundle("1.0.0", Board, 1);
            IBundleSignatureCheck check = Allow(good, null);
            Assert.AreEqual("None", ErrorOf(good, check));

            byte[] truncated = new byte[good.Length - 1];
            System.Array.Copy(good, truncated, truncated.Length);
            Assert.AreEqual("Truncated", ErrorOf(truncated, check));

            byte[] magic = Copy(good);
            magic[1] = (byte)'X';
            Assert.AreEqual("BadMagic", ErrorOf(magic, check));

            byte[] hash = Copy(good);
            hash[good.Length - 1] ^= 0x01;
            Assert.AreEqual("HashMismatch", ErrorOf(hash, check));

            byte[] payload = Copy(good);
            payload[12] ^= 0x01;
            Assert.AreEqual("Truncated", ErrorOf(payload, check));

            byte[] foreign = MakeBundle("1.0.0", "STM32", 1);
            Assert.AreEqual("WrongBoard", ErrorOf(foreign, Allow(foreign, null)));
            byte[] newer = MakeBundle("1.0.0", Board, 3);
            Assert.AreEqual("BootTooOld", ErrorOf(newer, Allow(newer, null)));
            Assert.AreEqual("SignatureRejected", ErrorOf(good, new DigestAllowListSignatureCheck()));
        }

        [TestMethod]
        public void TheSelfTestPassesOnlyAfterHealthyTimeAndAcceptedRegistration()
        {
            SelfTestPolicy policy = new SelfTestPolicy(10000, 60000, 120000);
            Assert.AreEqual("Pending", SelfTestVerdictText.Of(policy.Update(0, true, true, true)));
            Assert.AreEqual("Pending", SelfTestVerdictText.Of(policy.Update(5000, false, true, true)));
            Assert.AreEqual("Pending", SelfTestVerdictText.Of(policy.Update(14000, true, true, true)));

            // The unhealthy tick at 5 s restarted the healthy time at 14 s.
            Assert.AreEqual("Pending", SelfTestVerdictText.Of(policy.Update(23990, true, true, true)));
            Assert.AreEqual("Passed", SelfTestVerdictText.Of(policy.Update(24000, true, true, true)));

            SelfTestPolicy never = new SelfTestPolicy(10000, 60000, 120000);
            never.Update(0, true, false, true);
            Assert.AreEqual("Failed", SelfTestVerdictText.Of(never.Update(120000, true, false, true)));
        }

        private static byte[] Copy(byte[] source)
        {
            byte[] copy = new byte[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        private static string ErrorOf(byte[] bundle, IBundleSignatureCheck check)
        {
            try
            {
                BundleReader.OpenAndVerify(new ByteArrayBundleSource(bundle), Board, BootVersion, check);
                return "None";
            }
            catch (BundleException e)
            {
                return BundleErrorText.Of(e.Error);
            }
        }
    }
}
