using System;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

public class StoreRecordTests
{
    private static byte[] Record(out int length)
    {
        var w = new StoreRecordWriter(0x51, 1, 4);
        w.WriteInt32(-123456789);
        w.WriteInt64(long.MinValue + 7);
        w.WriteString(null);
        w.WriteString("");
        w.WriteString("Grüße ⚡ 04A1");
        w.WriteBool(true);
        w.WriteByte(200);
        byte[] data = w.Finish();
        length = w.Length;
        var exact = new byte[length];
        Array.Copy(data, exact, length);
        return exact;
    }

    [Fact]
    public void EveryFieldTypeRoundTripsAndTheBufferGrowsAsNeeded()
    {
        var r = new StoreRecordReader("x", Record(out _), 0x51, 1);
        Assert.Equal(-123456789, r.ReadInt32());
        Assert.Equal(long.MinValue + 7, r.ReadInt64());
        Assert.Null(r.ReadString());
        Assert.Equal("", r.ReadString());
        Assert.Equal("Grüße ⚡ 04A1", r.ReadString());
        Assert.True(r.ReadBool());
        Assert.Equal(200, r.ReadByte());
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void ABitFlipAnywhereIsCaughtByTheChecksum()
    {
        var data = Record(out int length);
        for (int i = 0; i < length; i++)
        {
            var copy = (byte[])data.Clone();
            copy[i] ^= 0x01;
            Assert.Throws<CorruptRecordException>(() => new StoreRecordReader("x", copy, 0x51, 1));
        }
    }

    [Fact]
    public void WrongKindVersionOrLengthIsRefusedWithTheRecordName()
    {
        var data = Record(out _);
        Assert.Contains("kind", Assert.Throws<CorruptRecordException>(() => new StoreRecordReader("txq.1", data, 0x52, 1)).Message);
        Assert.Contains("format version", Assert.Throws<CorruptRecordException>(() => new StoreRecordReader("txq.1", data, 0x51, 2)).Message);
        Assert.Contains("txq.1", Assert.Throws<CorruptRecordException>(() => new StoreRecordReader("txq.1", new byte[3], 0x51, 1)).Message);
        Assert.Throws<CorruptRecordException>(() => new StoreRecordReader("txq.1", null, 0x51, 1));
    }

    [Fact]
    public void ReadingPastTheLastFieldIsCorruptionNotAnIndexError()
    {
        var w = new StoreRecordWriter(1, 1, 16);
        w.WriteInt32(5);
        var data = w.Finish();
        var exact = new byte[w.Length];
        Array.Copy(data, exact, w.Length);
        var r = new StoreRecordReader("short", exact, 1, 1);
        r.ReadInt32();
        Assert.Throws<CorruptRecordException>(() => r.ReadInt64());
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        // The CRC-32/IEEE check value of "123456789" is 0xCBF43926.
        var bytes = System.Text.Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(bytes, 0, bytes.Length));
    }
}
