using static Charger.Sim.Models.Serial.Libc;
using System.Runtime.InteropServices;
using Charger.Hal;

namespace Charger.Sim.Models.Serial;

/// <summary>
/// A Linux pseudo-terminal made with posix_openpt(3), grantpt(3), unlockpt(3) and ptsname_r(3): the
/// station talks to the master side through <see cref="ISerialPort"/>, a terminal program (screen,
/// picocom, minicom) opens <see cref="SlavePath"/> as if it were the board's UART.
/// <para>
/// This object keeps one descriptor of the slave open itself, in raw mode, for its whole life. Without
/// it the master reads EIO whenever no terminal program is attached, and the slave's line discipline
/// would fall back to cooked mode with echo, which would feed the console's own output back to it as
/// typed input. Output written while nobody reads waits in the slave's input queue (the next terminal
/// program sees it); when that queue is full, writes are dropped and counted, never waited for, so a
/// missing terminal cannot stall the control loop.
/// </para>
/// </summary>
public sealed class PseudoTerminal : ISerialPort, System.IDisposable
{
    // Linux names slaves /dev/pts/N; 128 bytes is far more than such a path needs.
    private const int PathBufferBytes = 128;

    private readonly int _baudRate;
    private int _masterFd = -1;
    private int _slaveHoldFd = -1;
    private bool _open;

    private PseudoTerminal(int baudRate)
    {
        _baudRate = baudRate;
    }

    /// <summary>Path a terminal program opens, e.g. /dev/pts/7.</summary>
    public string SlavePath { get; private set; }

    public int BaudRate => _baudRate;

    /// <summary>Whether the station side is open (it starts open; the pty itself lives until Dispose).</summary>
    public bool IsOpen => _open && _masterFd >= 0;

    /// <summary>Bytes the station wrote that did not fit in the slave's input queue (nobody reading).</summary>
    public long DroppedBytes { get; private set; }

    public int BytesAvailable
    {
        get
        {
            ThrowIfClosed();
            int count = 0;
            return ioctl(_masterFd, FionRead, ref count) < 0 ? 0 : count;
        }
    }

    /// <summary>
    /// Creates the pair with the slave in raw 8N1 at <paramref name="baudRate"/> (the figure a terminal
    /// program is told; a pseudo-terminal moves bytes at memory speed whatever it says).
    /// </summary>
    public static PseudoTerminal Create(int baudRate = 115200)
    {
        uint speed = BaudConstant(baudRate);
        var pty = new PseudoTerminal(baudRate);
        try
        {
            pty._masterFd = posix_openpt(ORdWr | ONoCtty | ONonBlock);
            if (pty._masterFd < 0)
            {
                throw new System.IO.IOException($"cannot create a pseudo-terminal (posix_openpt errno {Marshal.GetLastPInvokeError()}); is /dev/ptmx there?");
            }

            if (grantpt(pty._masterFd) != 0 || unlockpt(pty._masterFd) != 0)
            {
                throw new System.IO.IOException($"cannot unlock the pseudo-terminal's slave: errno {Marshal.GetLastPInvokeError()}");
            }

            var name = new byte[PathBufferBytes];
            int error = ptsname_r(pty._masterFd, name, (nuint)name.Length);
            if (error != 0)
            {
                throw new System.IO.IOException($"cannot name the pseudo-terminal's slave: errno {error}");
            }

            int length = System.Array.IndexOf(name, (byte)0);
            pty.SlavePath = System.Text.Encoding.ASCII.GetString(name, 0, length < 0 ? name.Length : length);

            pty._slaveHoldFd = open(pty.SlavePath, ORdWr | ONoCtty | ONonBlock);
            if (pty._slaveHoldFd < 0)
            {
                throw new System.IO.IOException($"cannot open {pty.SlavePath}: errno {Marshal.GetLastPInvokeError()}");
            }

            var termios = new byte[TermiosBytes];
            if (tcgetattr(pty._slaveHoldFd, termios) != 0)
            {
                throw new System.IO.IOException($"{pty.SlavePath}: tcgetattr errno {Marshal.GetLastPInvokeError()}");
            }

            // Raw: no echo, no line editing, no CR/LF translation; the console does its own line editing.
            cfmakeraw(termios);
            if (cfsetispeed(termios, speed) != 0 || cfsetospeed(termios, speed) != 0 || tcsetattr(pty._slaveHoldFd, TcsaNow, termios) != 0)
            {
                throw new System.IO.IOException($"cannot set {pty.SlavePath} to raw {baudRate} baud: errno {Marshal.GetLastPInvokeError()}");
            }

            pty._open = true;
            return pty;
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    public void Open()
    {
        if (_masterFd < 0)
        {
            throw new System.ObjectDisposedException(nameof(PseudoTerminal), $"the pseudo-terminal {SlavePath} was closed for good");
        }

        _open = true;
    }

    /// <summary>Stops the station side from reading and writing; the pty stays for a later Open.</summary>
    public void Close() => _open = false;

    public unsafe int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ThrowIfClosed();
        if (count <= 0)
        {
            return 0;
        }

        if (!WaitReadable(_masterFd, timeoutMs))
        {
            return 0;
        }

        fixed (byte* p = &buffer[offset])
        {
            long n = read(_masterFd, p, (nuint)count);
            if (n >= 0)
            {
                return (int)n;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == EAgain || errno == EIntr || errno == EIo)
            {
                // EIO only while no slave descriptor is open, which the held one prevents; no bytes either way.
                return 0;
            }

            throw new System.IO.IOException($"read from the pseudo-terminal {SlavePath} failed: errno {errno}");
        }
    }

    /// <summary>Writes what the slave's queue takes now; the rest is dropped and counted, never waited for.</summary>
    public unsafe void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfClosed();
        int written = 0;
        while (written < count)
        {
            long n;
            fixed (byte* p = &buffer[offset + written])
            {
                n = write(_masterFd, p, (nuint)(count - written));
            }

            if (n > 0)
            {
                written += (int)n;
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno == EIntr)
            {
                continue;
            }

            if (n == 0 || errno == EAgain || errno == EIo)
            {
                DroppedBytes += count - written;
                return;
            }

            throw new System.IO.IOException($"write to the pseudo-terminal {SlavePath} failed: errno {errno}");
        }
    }

    public void DiscardInput()
    {
        ThrowIfClosed();
        tcflush(_masterFd, TciFlush);
    }

    public void Dispose()
    {
        _open = false;
        if (_slaveHoldFd >= 0)
        {
            close(_slaveHoldFd);
            _slaveHoldFd = -1;
        }

        if (_masterFd >= 0)
        {
            close(_masterFd);
            _masterFd = -1;
        }
    }

    private void ThrowIfClosed()
    {
        if (!IsOpen)
        {
            throw new System.InvalidOperationException($"the station side of the pseudo-terminal {SlavePath} is not open");
        }
    }

    /// <summary>The termios speed code (<c>B9600</c> etc. in &lt;termios.h&gt;) for a baud rate.</summary>
    private static uint BaudConstant(int baudRate) => baudRate switch
    {
        9600 => 0x000D,
        19200 => 0x000E,
        38400 => 0x000F,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        _ => throw new System.ArgumentOutOfRangeException(nameof(baudRate), baudRate, "unsupported console baud rate; use 9600 to 230400"),
    };

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlockpt(int fd);

    // Returns the error number itself rather than setting errno.
    [DllImport("libc")]
    private static extern int ptsname_r(int fd, byte[] buffer, nuint length);
}
