using static Charger.Sim.Models.Serial.Libc;
using System.Runtime.InteropServices;
using Charger.Hal;

namespace Charger.Sim.Models.Serial;

/// <summary>
/// <see cref="ISerialPort"/> over a Linux tty or pseudo-terminal, opened through libc because
/// System.IO.Ports is not available here: open(2) non-blocking, termios raw mode 8N1 at the given baud
/// (cfmakeraw, cfsetispeed/cfsetospeed, tcsetattr), poll(2) for read timeouts, tcflush(2) to discard input.
/// Real time, real bytes: this is what the interop tests and the desktop simulator use against socat pairs.
/// </summary>
public sealed class PtySerialPort : ISerialPort, System.IDisposable
{
    // How long one Write may wait for the kernel buffer to drain before it gives up.
    private const int WriteStallLimitMs = 2000;

    private readonly string _path;
    private readonly int _baudRate;
    private int _fd = -1;

    public PtySerialPort(string path, int baudRate)
    {
        _path = path ?? throw new System.ArgumentNullException(nameof(path));
        _baudRate = baudRate;
        BaudConstant(baudRate);   // reject an unsupported baud early, with its value in the message
    }

    public string Path => _path;

    public int BaudRate => _baudRate;

    public bool IsOpen => _fd >= 0;

    public int BytesAvailable
    {
        get
        {
            ThrowIfClosed();
            int count = 0;
            return ioctl(_fd, FionRead, ref count) < 0 ? 0 : count;
        }
    }

    public void Open()
    {
        if (IsOpen)
        {
            return;
        }

        int fd = open(_path, ORdWr | ONoCtty | ONonBlock);
        if (fd < 0)
        {
            throw new System.IO.IOException($"cannot open serial device {_path}: errno {Marshal.GetLastPInvokeError()}");
        }

        var termios = new byte[TermiosBytes];
        if (tcgetattr(fd, termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            close(fd);
            throw new System.IO.IOException($"{_path} is not a terminal (tcgetattr errno {errno})");
        }

        // Raw: no echo, no line editing, no CR/LF translation, 8 data bits, no parity: Modbus bytes pass untouched.
        cfmakeraw(termios);
        uint speed = BaudConstant(_baudRate);
        if (cfsetispeed(termios, speed) != 0 || cfsetospeed(termios, speed) != 0 || tcsetattr(fd, TcsaNow, termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            close(fd);
            throw new System.IO.IOException($"cannot set {_path} to raw {_baudRate} baud: errno {errno}");
        }

        _fd = fd;
    }

    public void Close()
    {
        if (_fd >= 0)
        {
            close(_fd);
            _fd = -1;
        }
    }

    public void Dispose() => Close();

    public unsafe int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ThrowIfClosed();
        if (count <= 0)
        {
            return 0;
        }

        if (!WaitReadable(_fd, timeoutMs))
        {
            // Nothing within the timeout, or the other end is closed (POLLHUP): no bytes either way.
            return 0;
        }

        fixed (byte* p = &buffer[offset])
        {
            long n = read(_fd, p, (nuint)count);
            if (n < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EAgain || errno == EIntr)
                {
                    return 0;
                }

                throw new System.IO.IOException($"read from {_path} failed: errno {errno}");
            }

            return (int)n;
        }
    }

    public unsafe void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfClosed();
        int written = 0;
        long stallStart = System.Environment.TickCount64;
        while (written < count)
        {
            long n;
            fixed (byte* p = &buffer[offset + written])
            {
                n = write(_fd, p, (nuint)(count - written));
            }

            if (n > 0)
            {
                written += (int)n;
                stallStart = System.Environment.TickCount64;
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno != EAgain && errno != EIntr)
            {
                throw new System.IO.IOException($"write to {_path} failed: errno {errno}");
            }

            if (System.Environment.TickCount64 - stallStart > WriteStallLimitMs)
            {
                throw new System.IO.IOException($"write to {_path} stalled: nobody reads the other end");
            }

            var fds = new PollFd[] { new PollFd { Fd = _fd, Events = PollOut } };
            poll(fds, 1, 50);
        }
    }

    public void DiscardInput()
    {
        ThrowIfClosed();
        tcflush(_fd, TciFlush);
    }

    private void ThrowIfClosed()
    {
        if (_fd < 0)
        {
            throw new System.InvalidOperationException($"serial device {_path} is not open");
        }
    }

    /// <summary>The termios speed code (<c>B9600</c> etc. in &lt;termios.h&gt;) for a baud rate.</summary>
    private static uint BaudConstant(int baudRate) => baudRate switch
    {
        1200 => 0x0009,
        2400 => 0x000B,
        4800 => 0x000C,
        9600 => 0x000D,
        19200 => 0x000E,
        38400 => 0x000F,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        _ => throw new System.ArgumentOutOfRangeException(nameof(baudRate), baudRate, "unsupported baud rate"),
    };
}
