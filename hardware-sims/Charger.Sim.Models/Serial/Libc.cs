using System.Runtime.InteropServices;

namespace Charger.Sim.Models.Serial;

/// <summary>
/// The libc calls the desktop serial adapters need (System.IO.Ports does not exist on this
/// platform): open, raw termios, baud, flush, FIONREAD, poll, read, write. Shared by
/// <see cref="PtySerialPort"/> and <see cref="PseudoTerminal"/>.
/// </summary>
internal static class Libc
{
    // <fcntl.h>, <termios.h>, <poll.h>, <asm-generic/ioctls.h>, <errno.h> on Linux (x86-64 and arm64 agree on these).
    internal const int ORdWr = 0x0002;
    internal const int ONoCtty = 0x0100;
    internal const int ONonBlock = 0x0800;
    internal const int TcsaNow = 0;
    internal const int TciFlush = 0;
    internal const short PollIn = 0x0001;
    internal const short PollOut = 0x0004;
    internal const ulong FionRead = 0x541B;
    internal const int EIntr = 4;
    internal const int EIo = 5;
    internal const int EAgain = 11;

    // struct termios is 60 bytes on Linux glibc; 64 leaves room and libc only touches its own fields.
    internal const int TermiosBytes = 64;

    /// <summary>Waits up to <paramref name="timeoutMs"/> (negative: not at all) for bytes to read on <paramref name="fd"/>.</summary>
    internal static bool WaitReadable(int fd, int timeoutMs)
    {
        var fds = new PollFd[] { new PollFd { Fd = fd, Events = PollIn } };
        int ready = poll(fds, 1, timeoutMs < 0 ? 0 : timeoutMs);
        return ready > 0 && (fds[0].REvents & PollIn) != 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    [DllImport("libc", SetLastError = true)]
    internal static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    internal static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    internal static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    internal static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    internal static extern void cfmakeraw(byte[] termios);

    [DllImport("libc", SetLastError = true)]
    internal static extern int cfsetispeed(byte[] termios, uint speed);

    [DllImport("libc", SetLastError = true)]
    internal static extern int cfsetospeed(byte[] termios, uint speed);

    [DllImport("libc", SetLastError = true)]
    internal static extern int tcflush(int fd, int queueSelector);

    [DllImport("libc", SetLastError = true)]
    internal static extern int ioctl(int fd, ulong request, ref int value);

    [DllImport("libc", SetLastError = true)]
    internal static extern int poll([In, Out] PollFd[] fds, ulong nfds, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    internal static extern unsafe long read(int fd, byte* buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    internal static extern unsafe long write(int fd, byte* buffer, nuint count);
}
