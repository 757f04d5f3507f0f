using System;
using System.Text;
using Charger.Hal;
using Charger.Hal.Sim;

namespace Charger.Foundation.Tests;

public class MemoryFileStoreTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static string S(byte[] b) => b == null ? null : Encoding.UTF8.GetString(b);

    [Fact]
    public void ARecordRewrittenAfterAnotherWasDeletedIsListedOnce()
    {
        // Guards the remove-then-add replacement: on nanoFramework the Hashtable indexer listed
        // such a record twice (SimulatedHalOnTargetTests on nanoCLR).
        var store = new MemoryFileStore();
        store.WriteAtomic("txq.000000000000", B("a"), 1);
        store.WriteAtomic("txq.000000000001", B("b"), 1);
        store.WriteAtomic("txq.000000000002", B("c"), 1);
        store.Delete("txq.000000000000");
        store.WriteAtomic("txq.000000000001", B("bb"), 2);

        Assert.Equal(new[] { "txq.000000000001", "txq.000000000002" }, store.List("txq."));
        Assert.Equal(3, store.UsedBytes);
        store.Delete("txq.000000000001");
        Assert.False(store.Exists("txq.000000000001"));
    }

    [Fact]
    public void WritesReadsListsAndDeletes()
    {
        var store = new MemoryFileStore();
        store.WriteAtomic("txq.0002", B("second"), 6);
        store.WriteAtomic("txq.0001", B("first-and-more"), 5);
        store.WriteAtomic("config", B("x"), 1);

        Assert.Equal("first", S(store.Read("txq.0001")));
        Assert.Equal(new[] { "txq.0001", "txq.0002" }, store.List("txq."));
        Assert.Equal(new[] { "config", "txq.0001", "txq.0002" }, store.List(""));
        Assert.True(store.Delete("txq.0001"));
        Assert.False(store.Delete("txq.0001"));
        Assert.False(store.Exists("txq.0001"));
        Assert.Null(store.Read("txq.0001"));
        Assert.Equal(7, store.UsedBytes);
    }

    [Fact]
    public void ReadReturnsACopyThatCallersCannotCorrupt()
    {
        var store = new MemoryFileStore();
        var data = B("abc");
        store.WriteAtomic("k", data, 3);
        data[0] = (byte)'z';
        store.Read("k")[1] = (byte)'z';
        Assert.Equal("abc", S(store.Read("k")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("tab\there")]
    public void RefusesNamesThatAreNotFlatPrintableAscii(string name)
    {
        var store = new MemoryFileStore();
        Assert.Throws<ArgumentException>(() => store.WriteAtomic(name, B("x"), 1));
    }

    [Fact]
    public void FullStoreRefusesTheWriteAndKeepsTheOldRecord()
    {
        var store = new MemoryFileStore(10);
        store.WriteAtomic("a", B("12345678"), 8);
        var e = Assert.Throws<StorageFullException>(() => store.WriteAtomic("b", B("xyz"), 3));
        Assert.Contains("b needs 3 bytes, 2 free", e.Message);
        store.WriteAtomic("a", B("1234567890"), 10);
        Assert.Equal("1234567890", S(store.Read("a")));
        Assert.False(store.Exists("b"));
    }

    [Theory]
    [InlineData(false, "old")]
    [InlineData(true, "new")]
    public void PowerCutDuringAWriteLeavesOldOrNewContentNeverAMix(bool keepNew, string expected)
    {
        var store = new MemoryFileStore();
        store.WriteAtomic("tx", B("old"), 3);
        store.CutPowerAtWrite(1, keepNew);

        Assert.Throws<PowerCutException>(() => store.WriteAtomic("tx", B("new"), 3));
        Assert.True(store.PowerIsCut);

        store.RestorePower();
        Assert.Equal(expected, S(store.Read("tx")));
    }

    [Fact]
    public void AfterACutNothingIsWrittenUntilPowerReturns()
    {
        var store = new MemoryFileStore();
        store.CutPowerAtWrite(2, keepNewContent: true);
        store.WriteAtomic("a", B("1"), 1);
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("b", B("2"), 1));
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("c", B("3"), 1));
        Assert.Throws<PowerCutException>(() => store.Read("a"));
        Assert.Throws<PowerCutException>(() => store.List(""));

        store.RestorePower();
        Assert.Equal(new[] { "a", "b" }, store.List(""));
    }

    [Fact]
    public void PowerCutCanHitADelete()
    {
        var store = new MemoryFileStore();
        store.WriteAtomic("q1", B("event"), 5);
        store.CutPowerAtWrite(1, keepNewContent: false);
        Assert.Throws<PowerCutException>(() => store.Delete("q1"));
        store.RestorePower();
        Assert.True(store.Exists("q1"));
    }

    [Fact]
    public void CutPowerNowFailsTheNextOperation()
    {
        var store = new MemoryFileStore();
        store.CutPowerNow();
        Assert.Throws<PowerCutException>(() => store.Exists("x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.CutPowerAtWrite(0, true));
    }
}
