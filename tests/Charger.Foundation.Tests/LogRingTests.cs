using System;
using System.Linq;
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

    [Fact]
    public void MessageTextLivesInABoundedTextRingAndItsOldestLinesGiveWayCounted()
    {
        // 10 slots but text room for only a few 200-byte messages: text, not slots, decides.
        var ring = new LogRing(new VirtualClock(), 10, 600);
        for (int i = 0; i < 6; i++)
        {
            ring.Write(LogLevel.Info, "ocpp", i + new string('x', 199));
        }

        var lines = new LogEntry[10];
        int n = ring.CopyNewest(lines, LogLevel.Debug, null);

        Assert.Equal(3, n);
        Assert.Equal(new[] { '3', '4', '5' }, new[] { lines[0].Message[0], lines[1].Message[0], lines[2].Message[0] });
        Assert.All(lines.Take(n), l => Assert.Equal(200, l.Message.Length));
        Assert.Equal(3, ring.Overwritten);
        Assert.Equal(3, ring.Count);
    }

    [Fact]
    public void ALongMessageIsCutAtACharacterBoundaryAndMarked()
    {
        var ring = new LogRing(new VirtualClock(), 4);
        string longText = new string('a', LogRing.MaxMessageBytes - 5) + "🔌🔌🔌🔌";
        ring.Write(LogLevel.Warning, "console", longText);

        var lines = new LogEntry[1];
        ring.CopyNewest(lines, LogLevel.Debug, null);

        Assert.EndsWith("...", lines[0].Message);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(lines[0].Message) <= LogRing.MaxMessageBytes);
        Assert.DoesNotContain('\uFFFD', lines[0].Message);
        Assert.StartsWith(longText.Substring(0, LogRing.MaxMessageBytes - 5), lines[0].Message);
    }

    [Fact]
    public void NonAsciiTextRoundTripsThroughTheRing()
    {
        var ring = new LogRing(new VirtualClock(), 4);
        ring.Write(LogLevel.Info, "auth", "card Zoë 🔌 °C ok");

        var lines = new LogEntry[1];
        ring.ReadSince(0, lines);

        Assert.Equal("card Zoë 🔌 °C ok", lines[0].Message);
        Assert.Equal("auth", lines[0].Component);
    }

    [Fact]
    public void TheRingHoldsNoReferenceToTheCallersMessage()
    {
        var ring = new LogRing(new VirtualClock(), 4);
        WeakReference weak = WriteAndForget(ring);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.IsAlive, "the ring kept the caller's string alive");
        var lines = new LogEntry[1];
        ring.ReadSince(0, lines);
        Assert.Equal("built at run time 42", lines[0].Message);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WriteAndForget(LogRing ring)
    {
        string message = string.Concat("built at run time ", 42.ToString());
        ring.Write(LogLevel.Info, "x", message);
        return new WeakReference(message);
    }

    [Fact]
    public void ComponentsBeyondTheTableAreKeptAsUnknownNotDropped()
    {
        var ring = new LogRing(new VirtualClock(), LogRing.MaxComponents + 2);
        for (int i = 0; i <= LogRing.MaxComponents; i++)
        {
            ring.Write(LogLevel.Info, "c" + i, "m" + i);
        }

        var lines = new LogEntry[LogRing.MaxComponents + 1];
        Assert.Equal(LogRing.MaxComponents + 1, ring.ReadSince(0, lines));
        Assert.Equal("c0", lines[0].Component);
        Assert.Equal("?", lines[LogRing.MaxComponents].Component);
        Assert.Equal("m" + LogRing.MaxComponents, lines[LogRing.MaxComponents].Message);
    }
}
