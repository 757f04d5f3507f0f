using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Transactions;

namespace Charger.Ocpp.Tests.Authorization;

public class AuthorizationCacheTests
{
    private const long T0 = 1_700_000_000_000; // a wall-clock instant, Unix epoch ms
    private readonly MemoryFileStore _store = new();
    private readonly RecordingLog _log = new();

    private AuthorizationCache NewCache(AuthCacheConfig config = null)
    {
        var cache = new AuthorizationCache(_store, _log, config ?? new AuthCacheConfig());
        cache.Load();
        return cache;
    }

    private static IdToken Rfid(string value) => new(value, IdTokenType.ISO14443);

    private static IdTokenInfo Info(AuthorizationStatus status, long expiryUtcMs = 0, IdToken group = null) => new(status, group, expiryUtcMs);

    [Fact]
    public void StoresTheCsmsAnswerAndFindsTheTokenIgnoringCaseButNotAcrossTypes_C10_FR_04()
    {
        var cache = NewCache();
        Assert.True(cache.Store(Rfid("04a1b2c3"), Info(AuthorizationStatus.Accepted, group: new IdToken("FLEET-7", IdTokenType.Central)), T0));

        var hit = cache.Lookup(Rfid("04A1B2C3"), T0 + 1);
        Assert.Equal(AuthorizationStatus.Accepted, hit.Info.Status);
        Assert.Equal("FLEET-7", hit.Info.GroupIdToken.Value);
        Assert.Null(cache.Lookup(new IdToken("04A1B2C3", IdTokenType.ISO15693), T0 + 1));
    }

    [Fact]
    public void ANewAnswerReplacesTheOldOneForTheSameToken_C10_FR_05()
    {
        var cache = NewCache();
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("aa"), Info(AuthorizationStatus.Blocked), T0 + 10);
        Assert.Equal(1, cache.Count);
        Assert.Equal(AuthorizationStatus.Blocked, cache.Lookup(Rfid("AA"), T0 + 20).Info.Status);
    }

    [Fact]
    public void TheCacheSurvivesAReboot()
    {
        var cache = NewCache();
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("BB"), Info(AuthorizationStatus.Invalid), T0);

        var rebooted = NewCache();
        Assert.Equal(2, rebooted.Count);
        Assert.Equal(AuthorizationStatus.Invalid, rebooted.Lookup(Rfid("BB"), T0).Info.Status);
    }

    [Fact]
    public void AnEntryExpiresLifeTimeSecondsAfterItWasLastUpdatedAndStaysExpiredAfterReboot_C10_FR_10()
    {
        var cache = NewCache(new AuthCacheConfig { LifeTimeS = 3600 });
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);

        Assert.Equal(AuthorizationStatus.Accepted, cache.Lookup(Rfid("AA"), T0 + 3_600_000).Info.Status);
        Assert.Equal(AuthorizationStatus.Expired, cache.Lookup(Rfid("AA"), T0 + 3_600_001).Info.Status);
        Assert.Equal(AuthorizationStatus.Expired, NewCache(new AuthCacheConfig { LifeTimeS = 3600 }).Lookup(Rfid("AA"), T0).Info.Status);
    }

    [Fact]
    public void UsingAnEntryDoesNotExtendItsLifeTimeButANewAnswerDoes_C10_FR_10()
    {
        var cache = NewCache(new AuthCacheConfig { LifeTimeS = 100 });
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
        cache.Lookup(Rfid("AA"), T0 + 90_000);
        Assert.Equal(AuthorizationStatus.Expired, cache.Lookup(Rfid("AA"), T0 + 100_001).Info.Status);

        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0 + 200_000);
        Assert.Equal(AuthorizationStatus.Accepted, cache.Lookup(Rfid("AA"), T0 + 290_000).Info.Status);
    }

    [Fact]
    public void AnEntryExpiresAtItsCacheExpiryDateTime_C10_FR_13()
    {
        var cache = NewCache(new AuthCacheConfig { LifeTimeS = 0 });
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted, expiryUtcMs: T0 + 5_000), T0);
        Assert.Equal(AuthorizationStatus.Accepted, cache.Lookup(Rfid("AA"), T0 + 5_000).Info.Status);
        Assert.Equal(AuthorizationStatus.Expired, cache.Lookup(Rfid("AA"), T0 + 5_001).Info.Status);
    }

    [Fact]
    public void ACacheExpiryAlreadyPastKeepsThePrepaidTokenOutAndRemovesItsOldEntry_C10_FR_13()
    {
        var cache = NewCache();
        cache.Store(Rfid("PREPAID"), Info(AuthorizationStatus.Accepted), T0);
        Assert.False(cache.Store(Rfid("PREPAID"), Info(AuthorizationStatus.Accepted, expiryUtcMs: T0 + 5), T0 + 5));
        Assert.Null(cache.Lookup(Rfid("PREPAID"), T0 + 6));
        Assert.Equal(0, NewCache().Count);
    }

    private static AuthCacheConfig SmallCache(AuthCachePolicy policy) =>
        new() { Policy = policy, StorageBytes = 10 + 3 * 42, LifeTimeS = 0 }; // room for three 8-character tokens of 42 bytes each

    [Fact]
    public void WhenFullTheLeastRecentlyUsedEntryMakesRoom_C10_FR_07_LRU()
    {
        var cache = NewCache(SmallCache(AuthCachePolicy.LRU));
        cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
        cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Accepted), T0 + 2);
        Assert.Equal(3, cache.Count);
        cache.Lookup(Rfid("TOKEN-01"), T0 + 10);

        cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);

        Assert.Null(cache.Lookup(Rfid("TOKEN-02"), T0 + 30));
        Assert.NotNull(cache.Lookup(Rfid("TOKEN-01"), T0 + 30));
        Assert.Equal(1, cache.EvictedCount);
        Assert.True(_store.UsedBytes <= cache.Config.StorageBytes);
        Assert.True(_log.Has(LogLevel.Info, "evicted ISO14443:TOKEN-02"));
    }

    [Fact]
    public void WhenFullTheLeastFrequentlyUsedEntryMakesRoom_LFU()
    {
        var cache = NewCache(SmallCache(AuthCachePolicy.LFU));
        cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
        cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Accepted), T0 + 2);
        cache.Lookup(Rfid("TOKEN-01"), T0 + 10);
        cache.Lookup(Rfid("TOKEN-01"), T0 + 11);
        cache.Lookup(Rfid("TOKEN-02"), T0 + 12);
        cache.Lookup(Rfid("TOKEN-03"), T0 + 13);
        cache.Lookup(Rfid("TOKEN-03"), T0 + 14);

        cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);
        Assert.Null(cache.Lookup(Rfid("TOKEN-02"), T0 + 30));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void WhenFullTheFirstStoredEntryMakesRoom_FIFO()
    {
        var cache = NewCache(SmallCache(AuthCachePolicy.FIFO));
        cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
        cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Accepted), T0 + 2);
        cache.Lookup(Rfid("TOKEN-01"), T0 + 10);

        cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);
        Assert.Null(cache.Lookup(Rfid("TOKEN-01"), T0 + 30));
    }

    [Fact]
    public void EntriesThatAreNotAcceptedMakeRoomBeforeAcceptedOnes_C10_FR_07()
    {
        var cache = NewCache(SmallCache(AuthCachePolicy.LRU));
        cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
        cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Blocked), T0 + 2);
        cache.Lookup(Rfid("TOKEN-03"), T0 + 50); // most recently used, still the first to go

        cache.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 60);
        Assert.Null(cache.Lookup(Rfid("TOKEN-03"), T0 + 70));
        Assert.NotNull(cache.Lookup(Rfid("TOKEN-01"), T0 + 70));
    }

    [Fact]
    public void ShrinkingStorageEvictsDownToTheNewBound()
    {
        var config = new AuthCacheConfig { StorageBytes = 1000, LifeTimeS = 0 };
        var cache = NewCache(config);
        for (int i = 0; i < 10; i++)
        {
            cache.Store(Rfid("TOKEN-" + i.ToString("00")), Info(AuthorizationStatus.Accepted), T0 + i);
        }

        config.StorageBytes = 10 + 2 * 42;
        cache.ApplyConfig(T0 + 100);
        Assert.Equal(2, cache.Count);
        Assert.True(_store.UsedBytes <= config.StorageBytes);
        Assert.Equal(2, NewCache(config).Count);
    }

    [Fact]
    public void ATokenLargerThanTheWholeCacheIsNotCachedAndSaysSo()
    {
        var cache = NewCache(new AuthCacheConfig { StorageBytes = 40 });
        Assert.False(cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0));
        Assert.Equal(0, cache.Count);
        Assert.True(_log.Has(LogLevel.Warning, "does not fit"));
    }

    [Fact]
    public void ClearCacheEmptiesTheStoreAndIsRejectedWhileTheCacheIsDisabled_C11()
    {
        var config = new AuthCacheConfig();
        var cache = NewCache(config);
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);

        config.Enabled = false;
        Assert.Equal(ClearCacheStatus.Rejected, cache.Clear());
        Assert.True(_store.Exists(AuthorizationCache.RecordName));

        config.Enabled = true;
        Assert.Equal(ClearCacheStatus.Accepted, cache.Clear());
        Assert.False(_store.Exists(AuthorizationCache.RecordName));
        Assert.Equal(0, NewCache().Count);
    }

    [Fact]
    public void ADisabledCacheNeitherStoresNorAnswers()
    {
        var config = new AuthCacheConfig { Enabled = false };
        var cache = NewCache(config);
        Assert.False(cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0));
        Assert.Null(cache.Lookup(Rfid("AA"), T0));
        Assert.False(_store.Exists(AuthorizationCache.RecordName));
    }

    [Fact]
    public void UseStatisticsAreWrittenByFlushSoLruSurvivesAReboot()
    {
        var config = SmallCache(AuthCachePolicy.LRU);
        var cache = NewCache(config);
        cache.Store(Rfid("TOKEN-01"), Info(AuthorizationStatus.Accepted), T0);
        cache.Store(Rfid("TOKEN-02"), Info(AuthorizationStatus.Accepted), T0 + 1);
        cache.Store(Rfid("TOKEN-03"), Info(AuthorizationStatus.Accepted), T0 + 2);
        cache.Lookup(Rfid("TOKEN-01"), T0 + 10);
        long writes = _store.WriteCount;
        cache.Flush();
        Assert.Equal(writes + 1, _store.WriteCount);
        cache.Flush();
        Assert.Equal(writes + 1, _store.WriteCount);

        var rebooted = NewCache(config);
        rebooted.Store(Rfid("TOKEN-04"), Info(AuthorizationStatus.Accepted), T0 + 20);
        Assert.Null(rebooted.Lookup(Rfid("TOKEN-02"), T0 + 30));
        Assert.NotNull(rebooted.Lookup(Rfid("TOKEN-01"), T0 + 30));
    }

    [Fact]
    public void ADamagedCacheRecordStartsEmptyAndIsLogged()
    {
        var cache = NewCache();
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
        var bytes = _store.Read(AuthorizationCache.RecordName);
        bytes[7] ^= 1;
        _store.WriteAtomic(AuthorizationCache.RecordName, bytes, bytes.Length);

        Assert.Equal(0, NewCache().Count);
        Assert.True(_log.Has(LogLevel.Error, "authorization cache unreadable"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutWhileStoringLeavesTheOldOrTheNewCacheNeverAMix(bool cutWriteCommitted)
    {
        var cache = NewCache();
        cache.Store(Rfid("AA"), Info(AuthorizationStatus.Accepted), T0);
        _store.CutPowerAtWrite(1, cutWriteCommitted);
        Assert.Throws<PowerCutException>(() => cache.Store(Rfid("BB"), Info(AuthorizationStatus.Blocked), T0 + 1));
        _store.RestorePower();

        var rebooted = NewCache();
        Assert.Equal(cutWriteCommitted ? 2 : 1, rebooted.Count);
        Assert.Equal(AuthorizationStatus.Accepted, rebooted.Lookup(Rfid("AA"), T0 + 2).Info.Status);
        Assert.False(_log.Has(LogLevel.Error, "unreadable"));
    }
}
