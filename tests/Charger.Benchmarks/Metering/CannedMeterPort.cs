using Charger.Hal;

namespace Charger.Benchmarks.Metering;

/// <summary>
/// A serial port whose meter answers instantly with pre-built frames (one per request start address), so the
/// benchmark measures the firmware's work (encode, frame, decode, convert) and not a simulated wire.
/// </summary>
public sealed class CannedMeterPort : ISerialPort
{
    private readonly ushort[] _starts;
    private readonly byte[][] _answers;
    private byte[] _pending;
    private int _pendingOffset;

    public CannedMeterPort(ushort[] starts, byte[][] answers)
    {
        _starts = starts;
        _answers = answers;
    }

    public int BaudRate => 9600;

    public bool IsOpen { get; private set; }

    public int BytesAvailable => _pending == null ? 0 : _pending.Length - _pendingOffset;

    public void Open() => IsOpen = true;

    public void Close() => IsOpen = false;

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int n = System.Math.Min(count, BytesAvailable);
        if (n > 0)
        {
            System.Array.Copy(_pending, _pendingOffset, buffer, offset, n);
            _pendingOffset += n;
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        int start = (buffer[offset + 2] << 8) | buffer[offset + 3];
        for (int i = 0; i < _starts.Length; i++)
        {
            if (_starts[i] == start)
            {
                _pending = _answers[i];
                _pendingOffset = 0;
                return;
            }
        }
    }

    public void DiscardInput()
    {
        _pending = null;
    }
}
