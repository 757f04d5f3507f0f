using System.Runtime.InteropServices;

namespace Charger.Sim.Models.Serial;

/// <summary>
/// The libc calls the desktop serial adapters need (System.IO.Ports does not exist on this
/// platform): open, raw termios, baud, flush, FIONREAD, poll, read, write. Shared by
/// <see cref="PtySerialPort"/> and <see cref="PseudoTerminal"/>.
/// </summary>
internal static class Libc
{
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
