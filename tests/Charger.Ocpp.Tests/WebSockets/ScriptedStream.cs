using System.IO;
using System.Text;

namespace Charger.Ocpp.Tests.WebSockets;

/// <summary>
/// A server's side of a connection, scripted: reads hand out the given bytes at most
/// <paramref name="chunk"/> at a time (1 = a slow server whose bytes trickle in), then end of
/// stream; writes are recorded. Counts reads so a test can see the handshake never read past its headers.
/// </summary>
public sealed class ScriptedStream(byte[] incoming, int chunk = int.MaxValue) : Stream
{
    private readonly MemoryStream _written = new();
    private int _position;

    public ScriptedStream(string incoming, int chunk = int.MaxValue) : this(Encoding.ASCII.GetBytes(incoming), chunk)
    {
    }

    public int Reads { get; private set; }

    public int Position0 => _position;

    public string Written => Encoding.ASCII.GetString(_written.ToArray());

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        int n = Math.Min(Math.Min(count, chunk), incoming.Length - _position);
        Array.Copy(incoming, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
