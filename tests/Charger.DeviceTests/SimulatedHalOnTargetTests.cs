using Charger.Hal;
using Charger.Hal.Sim;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The simulated hardware layer is device code too: the same power-cut file store, virtual clock
    /// and seeded random must behave identically on nanoCLR, so simulations replay on a board.
    /// </summary>
    [TestClass]
    public class SimulatedHalOnTargetTests
    {
        [TestMethod]
        public void TheVirtualClockRefusesToGoBack()
        {
            VirtualClock clock = new VirtualClock(1000);

            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => clock.Set(999));
            Assert.AreEqual(1000, clock.NowMs);
        }

        [TestMethod]
        public void APowerCutDuringAReplaceKeepsTheOldRecord()
        {
            MemoryFileStore store = new MemoryFileStore();
            store.WriteAtomic("config", new byte[] { 1, 1, 1 }, 3);
            store.CutPowerAtWrite(1, false);

            Assert.ThrowsException(typeof(PowerCutException), () => store.WriteAtomic("config", new byte[] { 2, 2 }, 2));
            store.RestorePower();

            byte[] after = store.Read("config");
            Assert.AreEqual(3, after.Length);
            Assert.AreEqual((byte)1, after[0]);
        }

        [TestMethod]
        public void APowerCutAfterTheReplaceCommittedKeepsTheNewRecord()
        {
            MemoryFileStore store = new MemoryFileStore();
            store.WriteAtomic("config", new byte[] { 1, 1, 1 }, 3);
            store.CutPowerAtWrite(1, true);

            Assert.ThrowsException(typeof(PowerCutException), () => store.WriteAtomic("config", new byte[] { 2, 2 }, 2));
            store.RestorePower();

            byte[] after = store.Read("config");
            Assert.AreEqual(2, after.Length);
            Assert.AreEqual((byte)2, after[0]);
        }

        [TestMethod]
        public void RecordsAreListedInOrdinalOrder()
        {
            MemoryFileStore store = new MemoryFileStore();
            store.WriteAtomic("tx-b", new byte[1], 1);
            store.WriteAtomic("tx-a", new byte[1], 1);
            store.WriteAtomic("tx-B", new byte[1], 1);
            store.WriteAtomic("cfg", new byte[1], 1);

            string[] names = store.List("tx-");

            Assert.AreEqual(3, names.Length);
            Assert.AreEqual("tx-B", names[0]);
            Assert.AreEqual("tx-a", names[1]);
            Assert.AreEqual("tx-b", names[2]);
        }

        [TestMethod]
        public void ARecordRewrittenAfterAnotherWasDeletedIsListedOnce()
        {
            // nanoFramework's Hashtable indexer can add a second entry for a present key after a
            // removal; the store must still hold one record per name.
            MemoryFileStore store = new MemoryFileStore();
            store.WriteAtomic("txq.000000000000", new byte[] { 0 }, 1);
            store.WriteAtomic("txq.000000000001", new byte[] { 1 }, 1);
            store.WriteAtomic("txq.000000000002", new byte[] { 2 }, 1);
            store.Delete("txq.000000000000");
            store.WriteAtomic("txq.000000000001", new byte[] { 7, 7 }, 2);

            string[] names = store.List("txq.");
            Assert.AreEqual(2, names.Length);
            Assert.AreEqual("txq.000000000001", names[0]);
            Assert.AreEqual(3, store.UsedBytes);
            store.Delete("txq.000000000001");
            Assert.IsFalse(store.Exists("txq.000000000001"));
        }

        [TestMethod]
        public void AFullStoreRefusesTheWriteAndKeepsTheOldContent()
        {
            MemoryFileStore store = new MemoryFileStore(4);
            store.WriteAtomic("a", new byte[] { 7, 7, 7 }, 3);

            Assert.ThrowsException(typeof(StorageFullException), () => store.WriteAtomic("a", new byte[5], 5));
            Assert.AreEqual(3, store.Read("a").Length);
        }

        [TestMethod]
        public void TheSameSeedReplaysTheSameSequence()
        {
            SeededRandom first = new SeededRandom(42);
            SeededRandom second = new SeededRandom(42);
            SeededRandom other = new SeededRandom(43);
            bool differs = false;
            for (int i = 0; i < 16; i++)
            {
                int a = first.Next(1000000);
                Assert.AreEqual(a, second.Next(1000000));
                if (a != other.Next(1000000))
                {
                    differs = true;
                }
            }

            Assert.IsTrue(differs, "seed 43 must not replay seed 42");
        }

        [TestMethod]
        public void RandomValuesStayWithinTheirBounds()
        {
            SeededRandom random = new SeededRandom(7);
            for (int i = 0; i < 200; i++)
            {
                int v = random.Next(5, 10);
                Assert.IsTrue(v >= 5 && v < 10, "value " + v + " outside 5..9");
            }
        }
    }
}
