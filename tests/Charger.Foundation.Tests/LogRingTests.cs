using Charger.Firmware.Diagnostics;
using Charger.Hal;
using Charger.Hal.Sim;

namespace Charger.Foundation.Tests;

public class LogRingTests
{
    [Fact]
    public void KeepsTheNewestLinesAndCountsTheOverwritten()
    {
        var clock = new VirtualClock();
        var ring = new LogRing(clock, 3);
        for (int i = 1; i <= 5; i++)
        {
            clock.Advance(10);
            ring.Write(LogLevel.Info, "pilot", "line " + i);
        }

        var lines = new LogEntry[10];
        int n = ring.CopyNewest(lines, LogLevel.Debug, null);

        Assert.Equal(3, n);
        Assert.Equal(new[] { "line 3", "line 4", "line 5" }, new[] { lines[0].Message, lines[1].Message, lines[2].Message });
        Assert.Equal(new long[] { 30, 40, 50 }, new[] { lines[0].TimestampMs, lines[1].TimestampMs, lines[2].TimestampMs });
        Assert.Equal(2, ring.Overwritten);
        Assert.Equal(5, ring.LastSequence);
    }

    [Fact]
    public void FiltersByLevelAndComponent()
    {
        var ring = new LogRing(new VirtualClock(), 16);
        ring.Write(LogLevel.Debug, "ocpp", "frame out");
        ring.Write(LogLevel.Error, "safety", "RCD tripped");
        ring.Write(LogLevel.Warning, "ocpp", "reconnecting");
        ring.Write(LogLevel.Info, "safety", "fault cleared");

        var lines = new LogEntry[8];
        Assert.Equal(2, ring.CopyNewest(lines, LogLevel.Warning, null));
        Assert.Equal("RCD tripped", lines[0].Message);
        Assert.Equal("reconnecting", lines[1].Message);

        Assert.Equal(2, ring.CopyNewest(lines, LogLevel.Debug, "safety"));
        Assert.Equal("RCD tripped", lines[0].Message);
        Assert.Equal("fault cleared", lines[1].Message);
    }

    [Fact]
    public void CopyNewestReturnsOnlyAsManyAsTheDestinationHoldsNewestLast()
    {
        var ring = new LogRing(new VirtualClock(), 16);
        for (int i = 1; i <= 6; i++)
        {
            ring.Write(LogLevel.Info, "x", i.ToString());
        }

        var lines = new LogEntry[2];
        Assert.Equal(2, ring.CopyNewest(lines, LogLevel.Debug, null));
        Assert.Equal("5", lines[0].Message);
        Assert.Equal("6", lines[1].Message);
    }

    [Fact]
    public void ReadSinceResumesAfterASequenceAndSkipsOverwrittenLines()
    {
        var ring = new LogRing(new VirtualClock(), 4);
        for (int i = 1; i <= 3; i++)
        {
            ring.Write(LogLevel.Info, "x", "m" + i);
        }

        var buffer = new LogEntry[8];
        Assert.Equal(2, ring.ReadSince(1, buffer));
        Assert.Equal("m2", buffer[0].Message);
        Assert.Equal(0, ring.ReadSince(ring.LastSequence, buffer));

        for (int i = 4; i <= 9; i++)
        {
            ring.Write(LogLevel.Info, "x", "m" + i);
        }

        int n = ring.ReadSince(3, buffer);
        Assert.Equal(4, n);
        Assert.Equal(6, buffer[0].Sequence);
        Assert.Equal("m9", buffer[3].Message);
    }

    [Fact]
    public void LinesBelowTheMinimumLevelAreNotKept()
    {
        var ring = new LogRing(new VirtualClock(), 4) { MinimumLevel = LogLevel.Info };
        ring.Write(LogLevel.Debug, "ocpp", "noise");
        ring.Write(LogLevel.Info, "ocpp", "booted");
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void WrittenEventCarriesTheStoredLine()
    {
        var clock = new VirtualClock(1234);
        var ring = new LogRing(clock, 4);
        LogEntry seen = default;
        ring.Written += e => seen = e;
        ring.Write(LogLevel.Warning, "meter", "lost");
        Assert.Equal("meter", seen.Component);
        Assert.Equal(1234, seen.TimestampMs);
        Assert.Equal("0:00:01.234 WARN  meter: lost", seen.ToString());
    }

    [Theory]
    [InlineData(0, "0:00:00.000")]
    [InlineData(61_005, "0:01:01.005")]
    [InlineData(90_061_999, "25:01:01.999")]
    public void TimestampsFormatAsHoursMinutesSecondsMillis(long ms, string expected)
    {
        Assert.Equal(expected, LogFormat.FormatTimestamp(ms));
    }

    [Fact]
    public void NullComponentAndMessageAreStoredAsEmpty()
    {
        var ring = new LogRing(new VirtualClock(), 2);
        ring.Write(LogLevel.Error, null, null);
        var lines = new LogEntry[1];
        ring.CopyNewest(lines, LogLevel.Debug, null);
        Assert.Equal("", lines[0].Component);
        Assert.Equal("", lines[0].Message);
    }
}
