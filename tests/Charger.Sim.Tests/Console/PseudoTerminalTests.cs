using System;
using System.Text;
using Charger.Sim.Models.Serial;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>The openpty-style pair the --console flag gives the station, with a terminal on its slave.</summary>
public sealed class PseudoTerminalTests
{
    private const int ReadTimeoutMs = 5000;

    [Fact]
    public void BytesPassUnchangedBothWaysBetweenStationAndTerminal()
    {
        using var pty = PseudoTerminal.Create(115200);
        using var terminal = new PtySerialPort(pty.SlavePath, 115200);
        terminal.Open();

        // CR, LF, Ctrl-C, ESC and 8-bit bytes: a raw line changes none of them.
        byte[] typed = { (byte)'h', (byte)'i', 0x0D, 0x0A, 0x03, 0x1B, 0xFF };
        terminal.Write(typed, 0, typed.Length);
        Assert.Equal(typed, ReadExactly(pty, typed.Length));

        byte[] answer = Encoding.ASCII.GetBytes("ok\r\ncharger> ");
        pty.Write(answer, 0, answer.Length);
        Assert.Equal(answer, ReadExactly(terminal, answer.Length));
    }

    [Fact]
    public void StationNeverReadsBackItsOwnOutputAsTypedInput()
    {
        using var pty = PseudoTerminal.Create(115200);
        byte[] banner = Encoding.ASCII.GetBytes("Charger service console\r\n");

        pty.Write(banner, 0, banner.Length);

        // With the slave left in cooked mode its echo would hand the banner back to the station.
        Assert.Equal(0, pty.Read(new byte[64], 0, 64, 100));
    }

    [Fact]
    public void WritingWithNobodyReadingNeverBlocksAndCountsWhatWasDropped()
    {
        using var pty = PseudoTerminal.Create(115200);
        byte[] chunk = new byte[4096];
        long offered = 0;

        // Far more than a pty queue holds; every call returns.
        for (int i = 0; i < 64; i++)
        {
            pty.Write(chunk, 0, chunk.Length);
            offered += chunk.Length;
        }

        Assert.True(pty.DroppedBytes > 0);
        Assert.True(pty.DroppedBytes < offered);
    }

    [Fact]
    public void ClosedStationSideRefusesToReadUntilOpenedAgain()
    {
        using var pty = PseudoTerminal.Create(115200);

        pty.Close();

        Assert.False(pty.IsOpen);
        Assert.Throws<InvalidOperationException>(() => pty.Read(new byte[1], 0, 1, 0));
        pty.Open();
        Assert.True(pty.IsOpen);
        Assert.Equal(0, pty.Read(new byte[1], 0, 1, 0));
    }

    [Fact]
    public void UnsupportedBaudRateIsRefusedWithItsValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PseudoTerminal.Create(12345));

        Assert.Contains("12345", ex.Message);
    }

    private static byte[] ReadExactly(Charger.Hal.ISerialPort port, int count)
    {
        var result = new byte[count];
        int got = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (got < count && watch.ElapsedMilliseconds < ReadTimeoutMs)
        {
            got += port.Read(result, got, count - got, 100);
        }

        Assert.Equal(count, got);
        return result;
    }
}
