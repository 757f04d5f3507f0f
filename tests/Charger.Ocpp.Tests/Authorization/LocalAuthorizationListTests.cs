using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Transactions;

namespace Charger.Ocpp.Tests.Authorization;

public class LocalAuthorizationListTests
{
    private readonly MemoryFileStore _store = new();
    private readonly RecordingLog _log = new();

    private LocalAuthorizationList NewList(LocalAuthListConfig config = null)
    {
        var list = new LocalAuthorizationList(_store, _log, config ?? new LocalAuthListConfig());
        list.Load();
        return list;
    }

    private static IdToken Rfid(string value) => new(value, IdTokenType.ISO14443);

    private static AuthorizationData Item(string value, AuthorizationStatus status) => new(Rfid(value), new IdTokenInfo(status, null, 0));

    private static AuthorizationData Removal(string value) => new(Rfid(value), null);

    private static SendLocalListStatus Apply(LocalAuthorizationList list, int version, LocalListUpdateType type, params AuthorizationData[] items)
        => list.Apply(version, type, items, 100).Status;

    [Fact]
    public void ADifferentialUpdateThatRemovesOneTokenAndReplacesTheOthersKeepsOneEntryEach_D01_FR_16_D01_FR_17()
    {
        // Guards the remove-then-add replacement: nanoFramework's Hashtable indexer kept a second
        // entry for a replaced token after a removal (AuthorizationCacheOnTargetTests on nanoCLR).
        var list = NewList();
        var full = Enumerable.Range(0, 12).Select(i => Item("TOKEN-" + i.ToString("00"), AuthorizationStatus.Accepted)).ToArray();
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 1, LocalListUpdateType.Full, full));
        var diff = new[] { Removal("TOKEN-00") }
            .Concat(Enumerable.Range(1, 11).Select(i => Item("TOKEN-" + i.ToString("00"), AuthorizationStatus.Blocked))).ToArray();

        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 2, LocalListUpdateType.Differential, diff));

        Assert.Equal(11, list.Count);
        var rebooted = NewList();
        Assert.Equal(11, rebooted.Count);
        Assert.Null(rebooted.Lookup(Rfid("TOKEN-00")));
        Assert.All(Enumerable.Range(1, 11), i => Assert.Equal(AuthorizationStatus.Blocked, rebooted.Lookup(Rfid("TOKEN-" + i.ToString("00"))).Status));
    }

    [Fact]
    public void AFullUpdateReplacesTheListAndSetsTheVersion_D01_FR_04_D02_FR_01()
    {
        var list = NewList();
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 3, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted), Item("BB", AuthorizationStatus.Blocked)));
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 4, LocalListUpdateType.Full, Item("CC", AuthorizationStatus.Accepted)));

        Assert.Equal(4, list.GetVersion());
        Assert.Null(list.Lookup(Rfid("AA")));
        Assert.Equal(AuthorizationStatus.Accepted, list.Lookup(Rfid("cc")).Status);
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void TheListAndItsVersionSurviveAReboot()
    {
        var list = NewList();
        var group = new IdToken("FLEET", IdTokenType.Central);
        list.Apply(7, LocalListUpdateType.Full, new[] { new AuthorizationData(Rfid("AA"), new IdTokenInfo(AuthorizationStatus.Accepted, group, 0)) }, 100);

        var rebooted = NewList();
        Assert.Equal(7, rebooted.GetVersion());
        Assert.Equal("FLEET", rebooted.Lookup(Rfid("AA")).GroupIdToken.Value);
    }

    [Fact]
    public void AnEmptyFullUpdateEmptiesTheList_D01_FR_15()
    {
        var list = NewList();
        Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 2, LocalListUpdateType.Full));
        Assert.Equal(0, list.Count);
        Assert.Equal(2, list.GetVersion());
    }

    [Fact]
    public void ADifferentialUpdateAddsUpdatesAndRemoves_D01_FR_16_17()
    {
        var list = NewList();
        Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted), Item("BB", AuthorizationStatus.Accepted));

        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 2, LocalListUpdateType.Differential,
            Item("CC", AuthorizationStatus.Accepted), Item("aa", AuthorizationStatus.Blocked), Removal("BB")));

        Assert.Equal(AuthorizationStatus.Blocked, list.Lookup(Rfid("AA")).Status);
        Assert.Null(list.Lookup(Rfid("BB")));
        Assert.NotNull(list.Lookup(Rfid("CC")));
        Assert.Equal(2, list.Count);
        Assert.Equal(2, NewList().Count);
    }

    [Fact]
    public void AnEmptyDifferentialUpdateOnlyChangesTheVersion_D01_FR_05()
    {
        var list = NewList();
        Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 5, LocalListUpdateType.Differential));
        Assert.Equal(5, list.GetVersion());
        Assert.Equal(1, list.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void ADifferentialUpdateNotAboveTheInstalledVersionIsAVersionMismatch_D01_FR_19(int version)
    {
        var list = NewList();
        Apply(list, 3, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        var result = list.Apply(version, LocalListUpdateType.Differential, new[] { Removal("AA") }, 100);
        Assert.Equal(SendLocalListStatus.VersionMismatch, result.Status);
        Assert.Contains("D01.FR.19", result.Reason);
        Assert.NotNull(list.Lookup(Rfid("AA")));
        Assert.Equal(3, list.GetVersion());
    }

    [Theory]
    [InlineData(0, LocalListUpdateType.Full)]
    [InlineData(-1, LocalListUpdateType.Full)]
    [InlineData(0, LocalListUpdateType.Differential)]
    public void AVersionOfZeroOrLessFails_D01_FR_18(int version, LocalListUpdateType type)
    {
        var list = NewList();
        Assert.Equal(SendLocalListStatus.Failed, Apply(list, version, type, Item("AA", AuthorizationStatus.Accepted)));
        Assert.Equal(0, list.GetVersion());
        Assert.False(_store.Exists(LocalAuthorizationList.RecordName));
    }

    [Fact]
    public void DuplicateTokensInOneUpdateFailEvenWhenTheyDifferOnlyInCase_D01_FR_06()
    {
        var list = NewList();
        var result = list.Apply(1, LocalListUpdateType.Full, new[] { Item("ab12", AuthorizationStatus.Accepted), Item("AB12", AuthorizationStatus.Blocked) }, 100);
        Assert.Equal(SendLocalListStatus.Failed, result.Status);
        Assert.Contains("appears twice", result.Reason);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void AFullUpdateItemWithoutIdTokenInfoFails()
    {
        Assert.Equal(SendLocalListStatus.Failed, Apply(NewList(), 1, LocalListUpdateType.Full, Removal("AA")));
    }

    [Fact]
    public void AnUpdateBeyondEntriesOrStorageFailsAndLeavesTheOldListAndVersion()
    {
        var list = NewList(new LocalAuthListConfig { MaxEntries = 2, StorageBytes = 10_000 });
        Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        var result = list.Apply(2, LocalListUpdateType.Differential, new[] { Item("BB", AuthorizationStatus.Accepted), Item("CC", AuthorizationStatus.Accepted) }, 100);
        Assert.Equal(SendLocalListStatus.Failed, result.Status);
        Assert.Contains("LocalAuthListCtrlr.Entries allows 2", result.Reason);
        Assert.Equal(1, list.GetVersion());
        Assert.Equal(1, list.Count);

        var small = NewList(new LocalAuthListConfig { StorageBytes = 40 });
        var tooBig = small.Apply(9, LocalListUpdateType.Full, new[] { Item("AA", AuthorizationStatus.Accepted), Item("BB", AuthorizationStatus.Accepted) }, 100);
        Assert.Equal(SendLocalListStatus.Failed, tooBig.Status);
        Assert.Contains("LocalAuthListCtrlr.Storage allows 40", tooBig.Reason);
        Assert.Equal(1, small.GetVersion());
    }

    [Fact]
    public void AFullFileStoreFailsTheUpdateAndKeepsTheOldList()
    {
        var store = new MemoryFileStore(capacityBytes: 60);
        var list = new LocalAuthorizationList(store, _log, new LocalAuthListConfig());
        list.Load();
        Assert.Equal(SendLocalListStatus.Accepted, Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted)));
        var result = list.Apply(2, LocalListUpdateType.Full, Enumerable.Range(0, 5).Select(i => Item("TOKEN-" + i, AuthorizationStatus.Accepted)).ToArray(), 100);
        Assert.Equal(SendLocalListStatus.Failed, result.Status);
        Assert.Contains("file store full", result.Reason);
        Assert.Equal(1, list.GetVersion());
    }

    [Fact]
    public void MessagesBeyondItemsPerMessageOrBytesPerMessageFail()
    {
        var list = NewList(new LocalAuthListConfig { ItemsPerMessage = 2, BytesPerMessage = 500 });
        var items = new[] { Item("AA", AuthorizationStatus.Accepted), Item("BB", AuthorizationStatus.Accepted), Item("CC", AuthorizationStatus.Accepted) };
        Assert.Contains("ItemsPerMessage", list.Apply(1, LocalListUpdateType.Full, items, 100).Reason);
        Assert.Contains("BytesPerMessage", list.Apply(1, LocalListUpdateType.Full, items.Take(2).ToArray(), 501).Reason);
        Assert.Equal(SendLocalListStatus.Accepted, list.Apply(1, LocalListUpdateType.Full, items.Take(2).ToArray(), 500).Status);
    }

    [Fact]
    public void VersionIsZeroWithoutAListAndWhileDisabled_D02_FR_02_03()
    {
        var config = new LocalAuthListConfig();
        var list = NewList(config);
        Assert.Equal(0, list.GetVersion());
        Apply(list, 4, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));

        config.Enabled = false;
        Assert.Equal(0, list.GetVersion());
        Assert.Null(list.Lookup(Rfid("AA")));
        Assert.Equal(SendLocalListStatus.Failed, Apply(list, 5, LocalListUpdateType.Full));
        config.Enabled = true;
        Assert.Equal(4, list.GetVersion());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutDuringAnUpdateLeavesTheOldListWithTheOldVersionOrTheNewWithTheNew(bool cutWriteCommitted)
    {
        var list = NewList();
        Apply(list, 1, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        _store.CutPowerAtWrite(1, cutWriteCommitted);
        Assert.Throws<PowerCutException>(() => Apply(list, 2, LocalListUpdateType.Differential, Removal("AA"), Item("BB", AuthorizationStatus.Accepted)));
        _store.RestorePower();

        var rebooted = NewList();
        Assert.Equal(cutWriteCommitted ? 2 : 1, rebooted.GetVersion());
        Assert.Equal(cutWriteCommitted, rebooted.Lookup(Rfid("BB")) != null);
        Assert.Equal(!cutWriteCommitted, rebooted.Lookup(Rfid("AA")) != null);
    }

    [Fact]
    public void ADamagedListReportsVersionZeroSoTheCsmsResendsIt()
    {
        var list = NewList();
        Apply(list, 8, LocalListUpdateType.Full, Item("AA", AuthorizationStatus.Accepted));
        var bytes = _store.Read(LocalAuthorizationList.RecordName);
        bytes[3] ^= 0x10;
        _store.WriteAtomic(LocalAuthorizationList.RecordName, bytes, bytes.Length);

        var rebooted = NewList();
        Assert.Equal(0, rebooted.GetVersion());
        Assert.Equal(0, rebooted.Count);
        Assert.True(_log.Has(LogLevel.Error, "local authorization list unreadable"));
    }
}
