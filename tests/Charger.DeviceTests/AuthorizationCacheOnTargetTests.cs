using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The authorization cache (C10, C11) and the local authorization list (D01) on the board's CLR,
    /// on the simulated file store: case-folded lookup, lifetime and expiry in epoch milliseconds,
    /// the eviction policies, persistence and power cuts. Mirrors
    /// tests/Charger.Ocpp.Tests/Authorization (AuthorizationCacheTests, AuthStoragePowerCutTests).
    /// </summary>
    [TestClass]
    public class AuthorizationCacheOnTargetTests
    {
        private const long T0 = 1700000000000; // a wall-clock instant, Unix epoch ms

        private static MemoryFileStore _store;
        private static ListLog _log;

        private static void NewStore()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
        }

        private static AuthorizationCache Cache(AuthCacheConfig config)
        {
            AuthorizationCache cache = new AuthorizationCache(_store, _log, config != null ? config : new AuthCacheConfig());
            cache.Load();
            return cache;
        }

        private static IdToken Rfid(string value)
        {
            return new IdToken(value, IdTokenType.ISO14443);
        }

        private static IdTokenInfo Info(AuthorizationStatus status)
        {
            return new IdTokenInfo(status, null, 0);
        }

        private static int StatusOf(AuthorizationCache cache, string token, long nowMs)
        {
            AuthCacheEntry entry = cache.Lookup(Rfid(token), nowMs);
            return entry == null ? -1 : (int)entry.Info.Status;
        }

        /// <summary>Room for three 8-character tokens of 42 bytes each.</summary>
        private static AuthCacheConfig SmallCache(AuthCachePolicy policy)
        {
            AuthCacheConfig config = new AuthCacheConfig();
            config.Policy = policy;
            config.StorageBytes = 10 + 3 * 42;
            config.LifeTimeS = 0;
            return config;
        }

        private static AuthorizationCache FilledSmallCache(AuthCachePolicy policy)
        {
            AuthorizationCache cache = Cache(SmallCache(policy));
            cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
            cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
            cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Accepted), T0 + 2);
            Assert.AreEqual(3, cache.Count);
            return cache;
        }

        [TestMethod]
        public void StoresTheCsmsAnswerAndFindsTheTokenIgnoringCaseButNotAcrossTypes_C10_FR_04()
        {
            NewStore();
            AuthorizationCache cache = Cache(null);
            Assert.IsTrue(cache.Store(Rfid("04a1b2c3"), new IdTokenInfo(AuthorizationStatus.Accepted, new IdToken("FLEET-7", IdTokenType.Central), 0), T0));

            AuthCacheEntry hit = cache.Lookup(Rfid("04A1B2C3"), T0 + 1);
            Assert.AreEqual((int)AuthorizationStatus.Accepted, (int)hit.Info.Status);
            Assert.AreEqual("FLEET-7", hit.Info.GroupIdToken.Value);
            Assert.IsNull(cache.Lookup(new IdToken("04A1B2C3", IdTokenType.ISO15693), T0 + 1));
        }

        [TestMethod]
        public void ANewAnswerReplacesTheOldOneAndTheCacheSurvivesAReboot_C10_FR_05()
        {
            NewStore();
            AuthorizationCache cache = Cache(null);
            cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
            cache.Store(Rfid("aa"), Info(AuthorizationStatus.Blocked), T0 + 10);
            cache.Store(Rfid("BB"), Info(AuthorizationStatus.Invalid), T0 + 20);
            Assert.AreEqual(2, cache.Count);

            AuthorizationCache rebooted = Cache(null);
            Assert.AreEqual(2, rebooted.Count);
            Assert.AreEqual((int)AuthorizationStatus.Blocked, StatusOf(rebooted, "AA", T0 + 30));
            Assert.AreEqual((int)AuthorizationStatus.Invalid, StatusOf(rebooted, "BB", T0 + 30));
        }

        [TestMethod]
        public void AnEntryExpiresLifeTimeSecondsAfterItWasLastUpdatedAndStaysExpiredAfterReboot_C10_FR_10()
        {
            NewStore();
            AuthCacheConfig config = new AuthCacheConfig();
            config.LifeTimeS = 3600;
            AuthorizationCache cache = Cache(config);
            cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);

            Assert.AreEqual((int)AuthorizationStatus.Accepted, StatusOf(cache, "AA", T0 + 3600000));
            Assert.AreEqual((int)AuthorizationStatus.Expired, StatusOf(cache, "AA", T0 + 3600001));
            Assert.AreEqual((int)AuthorizationStatus.Expired, StatusOf(Cache(config), "AA", T0));

            // Using an entry does not extend its life; a new answer does.
            cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0 + 4000000);
            Assert.AreEqual((int)AuthorizationStatus.Accepted, StatusOf(cache, "AA", T0 + 4000000 + 3500000));
        }

        [TestMethod]
        public void AnEntryExpiresAtItsCacheExpiryDateTimeAndAPastExpiryKeepsItOut_C10_FR_13()
        {
            NewStore();
            AuthCacheConfig config = new AuthCacheConfig();
            config.LifeTimeS = 0;
            AuthorizationCache cache = Cache(config);
            cache.Store(Rfid("AA"), new IdTokenInfo(AuthorizationStatus.Accepted, null, T0 + 5000), T0);
            Assert.AreEqual((int)AuthorizationStatus.Accepted, StatusOf(cache, "AA", T0 + 5000));
            Assert.AreEqual((int)AuthorizationStatus.Expired, StatusOf(cache, "AA", T0 + 5001));

            cache.Store(Rfid("PREPAID"), Info(AuthorizationStatus.Accepted), T0);
            Assert.IsFalse(cache.Store(Rfid("PREPAID"), new IdTokenInfo(AuthorizationStatus.Accepted, null, T0 + 5), T0 + 5));
            Assert.IsNull(cache.Lookup(Rfid("PREPAID"), T0 + 6));
        }

        [TestMethod]
        public void WhenFullTheLeastRecentlyUsedEntryMakesRoom_C10_FR_07()
        {
            NewStore();
            AuthorizationCache cache = FilledSmallCache(AuthCachePolicy.LRU);
            cache.Lookup(Rfid("TOKEN-01"), T0 + 10);

            cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);

            Assert.IsNull(cache.Lookup(Rfid("TOKEN-02"), T0 + 30));
            Assert.IsNotNull(cache.Lookup(Rfid("TOKEN-01"), T0 + 30));
            Assert.AreEqual(1L, cache.EvictedCount);
            Assert.IsTrue(_store.UsedBytes <= cache.Config.StorageBytes);
            Assert.IsTrue(_log.Has(LogLevel.Info, "evicted ISO14443:TOKEN-02"));
        }

        [TestMethod]
        public void WhenFullTheLeastFrequentlyUsedOrTheFirstStoredEntryMakesRoom()
        {
            NewStore();
            AuthorizationCache lfu = FilledSmallCache(AuthCachePolicy.LFU);
            lfu.Lookup(Rfid("TOKEN-01"), T0 + 10);
            lfu.Lookup(Rfid("TOKEN-01"), T0 + 11);
            lfu.Lookup(Rfid("TOKEN-02"), T0 + 12);
            lfu.Lookup(Rfid("TOKEN-03"), T0 + 13);
            lfu.Lookup(Rfid("TOKEN-03"), T0 + 14);
            lfu.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);
            Assert.IsNull(lfu.Lookup(Rfid("TOKEN-02"), T0 + 30), "LFU");
            Assert.AreEqual(3, lfu.Count);

            NewStore();
            AuthorizationCache fifo = FilledSmallCache(AuthCachePolicy.FIFO);
            fifo.Lookup(Rfid("TOKEN-01"), T0 + 10);
            fifo.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);
            Assert.IsNull(fifo.Lookup(Rfid("TOKEN-01"), T0 + 30), "FIFO");
        }

        [TestMethod]
        public void EntriesThatAreNotAcceptedMakeRoomBeforeAcceptedOnes_C10_FR_07()
        {
            NewStore();
            AuthorizationCache cache = Cache(SmallCache(AuthCachePolicy.LRU));
            cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
            cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
            cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Blocked), T0 + 2);
            cache.Lookup(Rfid("TOKEN-03"), T0 + 50); // most recently used, still the first to go

            cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 60);

            Assert.IsNull(cache.Lookup(Rfid("TOKEN-03"), T0 + 70));
            Assert.IsNotNull(cache.Lookup(Rfid("TOKEN-01"), T0 + 70));
        }

        [TestMethod]
        public void ClearCacheEmptiesTheStoreAndIsRejectedWhileTheCacheIsDisabled_C11()
        {
            NewStore();
            AuthCacheConfig config = new AuthCacheConfig();
            AuthorizationCache cache = Cache(config);
            cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);

            config.Enabled = false;
            Assert.AreEqual((int)ClearCacheStatus.Rejected, (int)cache.Clear());
            Assert.IsTrue(_store.Exists(AuthorizationCache.RecordName));
            Assert.IsNull(cache.Lookup(Rfid("AA"), T0), "a disabled cache does not answer");

            config.Enabled = true;
            Assert.AreEqual((int)ClearCacheStatus.Accepted, (int)cache.Clear());
            Assert.IsFalse(_store.Exists(AuthorizationCache.RecordName));
            Assert.AreEqual(0, Cache(null).Count);
        }

        [TestMethod]
        public void ADamagedCacheRecordStartsEmptyAndIsLogged()
        {
            NewStore();
            Cache(null).Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
            byte[] bytes = _store.Read(AuthorizationCache.RecordName);
            bytes[7] ^= 1;
            _store.WriteAtomic(AuthorizationCache.RecordName, bytes, bytes.Length);

            Assert.AreEqual(0, Cache(null).Count);
            Assert.IsTrue(_log.Has(LogLevel.Error, "authorization cache unreadable"));
        }

        [TestMethod]
        public void APowerCutWhileStoringLeavesTheOldOrTheNewCacheNeverAMix()
        {
            bool[] committed = { false, true };
            for (int c = 0; c < committed.Length; c++)
            {
                NewStore();
                AuthorizationCache cache = Cache(null);
                cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
                _store.CutPowerAtWrite(1, committed[c]);
                Assert.ThrowsException(typeof(PowerCutException), () => cache.Store(Rfid("BB"), Info(AuthorizationStatus.Blocked), T0 + 1));
                _store.RestorePower();

                AuthorizationCache rebooted = Cache(null);
                Assert.AreEqual(committed[c] ? 2 : 1, rebooted.Count);
                Assert.AreEqual((int)AuthorizationStatus.Accepted, StatusOf(rebooted, "AA", T0 + 2));
                Assert.IsFalse(_log.Has(LogLevel.Error, "unreadable"));
            }
        }

        private static string Token(int i)
        {
            return "TOKEN-" + (i < 10 ? "0" : "") + i;
        }

        [TestMethod]
        public void ADifferentialLocalListUpdateThatRemovesAndReplacesKeepsOneEntryPerToken_D01()
        {
            NewStore();
            LocalAuthorizationList list = new LocalAuthorizationList(_store, _log, new LocalAuthListConfig());
            list.Load();
            AuthorizationData[] full = new AuthorizationData[12];
            for (int i = 0; i < full.Length; i++)
            {
                full[i] = new AuthorizationData(Rfid(Token(i)), Info(AuthorizationStatus.Accepted));
            }

            Assert.AreEqual((int)SendLocalListStatus.Accepted, (int)list.Apply(1, LocalListUpdateType.Full, full, 10).Status);

            // Remove the first token (D01.FR.17), then change every other one (D01.FR.16).
            AuthorizationData[] diff = new AuthorizationData[12];
            diff[0] = new AuthorizationData(Rfid(Token(0)), null);
            for (int i = 1; i < diff.Length; i++)
            {
                diff[i] = new AuthorizationData(Rfid(Token(i)), Info(AuthorizationStatus.Blocked));
            }

            Assert.AreEqual((int)SendLocalListStatus.Accepted, (int)list.Apply(2, LocalListUpdateType.Differential, diff, 10).Status);
            Assert.AreEqual(11, list.Count);

            LocalAuthorizationList rebooted = new LocalAuthorizationList(_store, _log, new LocalAuthListConfig());
            rebooted.Load();
            Assert.AreEqual(2, rebooted.GetVersion());
            Assert.AreEqual(11, rebooted.Count);
            Assert.IsNull(rebooted.Lookup(Rfid(Token(0))));
            for (int i = 1; i < diff.Length; i++)
            {
                Assert.AreEqual((int)AuthorizationStatus.Blocked, (int)rebooted.Lookup(Rfid(Token(i))).Status, Token(i));
            }
        }
    }
}
