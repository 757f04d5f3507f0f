using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;

namespace Charger.Metering.Tests.Serial;

public class LoopbackSerialPortTests
{
    private static (VirtualClock Clock, LoopbackSerialPair Pair) Line(int baud = 9600, int capacity = 4096)
    {
        var clock = new VirtualClock(0);
        var pair = new LoopbackSerialPair(clock, baud, capacity);
        pair.A.Open();
        pair.B.Open();
        return (clock, pair);
    }

    private static byte[] Bytes(int n)
    {
        var b = new byte[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = (byte)(i + 1);
        }

        return b;
    }

    [Fact]
    public void BytesArriveOneElevenBitCharacterTimeApartInVirtualTime()
    {
        var (clock, pair) = Line(9600);
        pair.A.Write(Bytes(10), 0, 10);
        Assert.Equal(0, pair.B.BytesAvailable);

        // 11 bits at 9600 baud = 1146 us per byte: by 5 ms four bytes are complete, by 12 ms all ten.
        clock.Advance(5);
        Assert.Equal(4, pair.B.BytesAvailable);
        clock.Advance(7);
        var buffer = new byte[16];
        Assert.Equal(10, pair.B.Read(buffer, 0, 16, 100));
        Assert.Equal(Bytes(10), buffer[..10]);
    }

    [Fact]
    public void BackToBackWritesQueueBehindEachOtherOnTheLine()
    {
        var (clock, pair) = Line(9600);
        pair.A.Write(Bytes(5), 0, 5);
        pair.A.Write(Bytes(5), 0, 5);
        clock.Advance(6);
        Assert.Equal(5, pair.B.BytesAvailable);
    }

    [Fact]
    public void DroppedBytesNeverArriveAndAreCounted()
    {
        var (clock, pair) = Line();
        pair.A.SetFaults(new SeededRandom(1), 1000, 0, 0);
        pair.A.Write(Bytes(20), 0, 20);
        clock.Advance(100);
        Assert.Equal(0, pair.B.BytesAvailable);
        Assert.Equal(20, pair.A.BytesDropped);
    }

    [Fact]
    public void CorruptedBytesDifferInExactlyOneBit()
    {
        var (clock, pair) = Line();
        pair.A.SetFaults(new SeededRandom(1), 0, 1000, 0);
        byte[] sent = Bytes(20);
        pair.A.Write(sent, 0, 20);
        clock.Advance(100);
        var got = new byte[20];
        Assert.Equal(20, pair.B.Read(got, 0, 20, 0));
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(sent[i] ^ got[i])));
        }

        Assert.Equal(20, pair.A.BytesCorrupted);
    }

    [Fact]
    public void ExtraDelayPostponesArrival()
    {
        var (clock, pair) = Line();
        pair.A.SetFaults(null, 0, 0, 50);
        pair.A.Write(Bytes(1), 0, 1);
        clock.Advance(50);
        Assert.Equal(0, pair.B.BytesAvailable);
        clock.Advance(2);
        Assert.Equal(1, pair.B.BytesAvailable);
    }

    [Fact]
    public void DiscardInputDropsOnlyWhatHasArrived()
    {
        var (clock, pair) = Line();
        pair.A.Write(Bytes(10), 0, 10);
        clock.Advance(5);
        pair.B.DiscardInput();
        Assert.Equal(0, pair.B.BytesAvailable);
        clock.Advance(10);
        Assert.Equal(6, pair.B.BytesAvailable);
    }

    [Fact]
    public void InjectedNoiseArrivesAtTheReceiver()
    {
        var (clock, pair) = Line();
        pair.B.InjectNoise(new byte[] { 0xAA, 0x55 }, 0, 2);
        clock.Advance(3);
        var got = new byte[2];
        Assert.Equal(2, pair.B.Read(got, 0, 2, 0));
        Assert.Equal(new byte[] { 0xAA, 0x55 }, got);
    }

    [Fact]
    public void SilentEndReachesNobodyAndAFullReceiverCountsOverruns()
    {
        var (clock, pair) = Line(9600, 8);
        pair.A.Silent = true;
        pair.A.Write(Bytes(4), 0, 4);
        clock.Advance(10);
        Assert.Equal(0, pair.B.BytesAvailable);

        pair.A.Silent = false;
        pair.A.Write(Bytes(12), 0, 12);
        clock.Advance(20);
        Assert.Equal(8, pair.B.BytesAvailable);
        Assert.Equal(4, pair.B.Overruns);
    }

    [Fact]
    public void WritingToAClosedPortIsRefused()
    {
        var clock = new VirtualClock(0);
        var pair = new LoopbackSerialPair(clock, 9600);
        Assert.Throws<System.InvalidOperationException>(() => pair.A.Write(Bytes(1), 0, 1));
    }
}
