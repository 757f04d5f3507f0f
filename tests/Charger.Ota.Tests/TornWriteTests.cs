using System.Text;
using Charger.Hal.Sim;

namespace Charger.Ota.Tests;

/// <summary>The simulated flash's torn write (MemoryFileStore.CutPowerInsideWrite), which the slot power-cut proofs rely on.</summary>
public class TornWriteTests
{
    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void ACutInsideAWriteKeepsTheNewPrefixOverTheOldContentAndCutsPower()
    {
        var store = new MemoryFileStore();
        store.WriteAtomic("r", B("oldoldold"), 9);
        store.CutPowerInsideWrite(1, 4);

        Assert.Throws<PowerCutException>(() => store.WriteAtomic("r", B("NEWNEWNEW"), 9));
        Assert.True(store.PowerIsCut);
        store.RestorePower();
        Assert.Equal("NEWNldold", Encoding.ASCII.GetString(store.Read("r")));
        Assert.Equal(9, store.UsedBytes);
    }

    [Fact]
    public void ATornFirstWriteLeavesOnlyThePrefixAndAFullOneTheWholeRecord()
    {
        var store = new MemoryFileStore();
        store.CutPowerInsideWrite(1, 3);
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("r", B("abcdef"), 6));
        store.RestorePower();
        Assert.Equal("abc", Encoding.ASCII.GetString(store.Read("r")));

        store.CutPowerInsideWrite(1, 100);
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("r", B("xyz"), 3));
        store.RestorePower();
        Assert.Equal("xyz", Encoding.ASCII.GetString(store.Read("r"))); // every byte written before the cut: the new record
    }

    [Fact]
    public void TheCutHitsTheChosenWriteOnlyAndAnOrdinaryCutStillWorksAfterwards()
    {
        var store = new MemoryFileStore();
        store.CutPowerInsideWrite(2, 1);
        store.WriteAtomic("a", B("first"), 5);
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("b", B("second"), 6));
        store.RestorePower();
        Assert.Equal("first", Encoding.ASCII.GetString(store.Read("a")));
        Assert.Equal("s", Encoding.ASCII.GetString(store.Read("b")));

        store.CutPowerAtWrite(1, keepNewContent: false);
        Assert.Throws<PowerCutException>(() => store.WriteAtomic("a", B("again"), 5));
        store.RestorePower();
        Assert.Equal("first", Encoding.ASCII.GetString(store.Read("a")));
    }
}
