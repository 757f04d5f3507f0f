using System.Collections.Generic;
using System.Linq;
using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Transactions;

namespace Charger.Ocpp.Tests.Authorization;

/// <summary>
/// Cuts power at every write of a series of local-list updates and cache changes: after reload
/// the list's version and content, and the cache's content, are always one state that existed,
/// never a mix of two.
/// </summary>
public class AuthStoragePowerCutTests
{
    private const long T0 = 1_700_000_000_000;

    private static IdToken Rfid(string value) => new(value, IdTokenType.ISO14443);

    private static AuthorizationData Item(string value) => new(Rfid(value), new IdTokenInfo(AuthorizationStatus.Accepted, null, 0));

    private static string ListState(LocalAuthorizationList list) =>
        list.GetVersion() + ":" + string.Join(",", new[] { "A", "B", "C", "D", "E" }.Where(v => list.Lookup(Rfid(v)) != null));

    private static string CacheState(AuthorizationCache cache) =>
        string.Join(",", new[] { "A", "B", "C", "D" }.Select(v => v + "=" + (cache.Lookup(Rfid(v), T0)?.Info.Status.ToString() ?? "-")));

    private static readonly string[] ListTargets = { "1:A,B", "2:B,C", "3:D,E" };
    private static readonly string[] CacheTargets = { "A=-,B=-,C=Accepted,D=-", "A=-,B=-,C=Accepted,D=Blocked", "A=-,B=-,C=-,D=-" };

    /// <summary>What the scenario knows to be durable, and which store it was writing when power went.</summary>
    private sealed class Progress
    {
        public int ListOpsDone;
        public int CacheOpsDone;
        public string Writing;
    }

    private static void Scenario(LocalAuthorizationList list, AuthorizationCache cache, Progress p)
    {
        p.Writing = "list";
        list.Apply(1, LocalListUpdateType.Full, new[] { Item("A"), Item("B") }, 10);
        p.ListOpsDone++;
        p.Writing = "cache";
        cache.Store(Rfid("C"), new IdTokenInfo(AuthorizationStatus.Accepted, null, 0), T0);
        p.CacheOpsDone++;
        p.Writing = "list";
        list.Apply(2, LocalListUpdateType.Differential, new[] { Item("C"), new AuthorizationData(Rfid("A"), null) }, 10);
        p.ListOpsDone++;
        p.Writing = "cache";
        cache.Store(Rfid("D"), new IdTokenInfo(AuthorizationStatus.Blocked, null, 0), T0);
        p.CacheOpsDone++;
        p.Writing = "list";
        list.Apply(3, LocalListUpdateType.Full, new[] { Item("D"), Item("E") }, 10);
        p.ListOpsDone++;
        p.Writing = "cache";
        cache.Clear();
        p.CacheOpsDone++;
        p.Writing = null;
    }

    public static IEnumerable<object[]> Cuts()
    {
        var store = new MemoryFileStore();
        var log = new RecordingLog();
        Scenario(new LocalAuthorizationList(store, log, new LocalAuthListConfig()), new AuthorizationCache(store, log, new AuthCacheConfig()), new Progress());
        for (int write = 1; write <= store.WriteCount; write++)
        {
            yield return new object[] { write, false };
            yield return new object[] { write, true };
        }
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void AfterACutAtAnyWriteListAndCacheAreEachAStateThatExisted(int cutAtWrite, bool committed)
    {
        var store = new MemoryFileStore();
        var log = new RecordingLog();
        var config = new AuthCacheConfig();
        var progress = new Progress();
        store.CutPowerAtWrite(cutAtWrite, committed);
        Assert.Throws<PowerCutException>(() =>
            Scenario(new LocalAuthorizationList(store, log, new LocalAuthListConfig()), new AuthorizationCache(store, log, config), progress));
        store.RestorePower();

        var list = new LocalAuthorizationList(store, log, new LocalAuthListConfig());
        list.Load();
        var cache = new AuthorizationCache(store, log, config);
        cache.Load();

        // The last completed state, or the one being written when that write committed before the cut.
        string listBefore = progress.ListOpsDone == 0 ? "0:" : ListTargets[progress.ListOpsDone - 1];
        string cacheBefore = progress.CacheOpsDone == 0 ? "A=-,B=-,C=-,D=-" : CacheTargets[progress.CacheOpsDone - 1];
        string expectedList = committed && progress.Writing == "list" ? ListTargets[progress.ListOpsDone] : listBefore;
        string expectedCache = committed && progress.Writing == "cache" ? CacheTargets[progress.CacheOpsDone] : cacheBefore;
        Assert.Equal(expectedList, ListState(list));
        Assert.Equal(expectedCache, CacheState(cache));
        Assert.False(log.Has(Charger.Hal.LogLevel.Error, "unreadable"));
    }
}
