using System.Collections.Concurrent;
using Charger.Hal;

namespace Charger.Sim.Simulation;

/// <summary>
/// Wraps the station's real WebSocket (--realtime, --csms) so its frames reach the timeline and the
/// event log as the loopback link's do. Receives arrive on socket threads, so frames are queued here
/// and <see cref="Drain"/> hands them over on the simulation thread.
/// </summary>
public sealed class FrameLoggingWebSocket : IWebSocketClient, IDisposable
{
    /// <summary>Frames kept when nobody drains (a bound, not a buffer that grows).</summary>
    public const int MaxQueuedFrames = 4096;

    private readonly IWebSocketClient _inner;
    private readonly ConcurrentQueue<(bool Outgoing, string Frame)> _frames = new();
    private long _dropped;
    private volatile bool _networkUp = true;

    public FrameLoggingWebSocket(IWebSocketClient inner)
    {
        _inner = inner;
        _inner.TextReceived += text =>
        {
            Enqueue(false, text);
            TextReceived?.Invoke(text);
        };
        _inner.Closed += (code, reason) =>
        {
            // After a simulated cut the station has already been told; the adapter's own late
            // report of the aborted socket is not a second loss.
            if (_networkUp)
            {
                Closed?.Invoke(code, reason);
            }
        };
        _inner.Oversize += length => Oversize?.Invoke(length);
    }

    public event WebSocketTextHandler TextReceived;

    public event WebSocketClosedHandler Closed;

    public event WebSocketOversizeHandler Oversize;

    public WebSocketState State => _networkUp ? _inner.State : WebSocketState.Closed;

    /// <summary>False while the scenario has cut the network (verb <c>network down</c>).</summary>
    public bool NetworkUp => _networkUp;

    /// <summary>
    /// <c>network down</c> closes the real socket (the CSMS sees the connection go) and refuses
    /// every connection attempt until <c>network up</c>, whatever CSMS is at the other end.
    /// </summary>
    public void SetNetwork(bool up)
    {
        if (up == _networkUp)
        {
            return;
        }

        _networkUp = up;
        if (!up && _inner.State != WebSocketState.Closed)
        {
            _inner.Close();
            Closed?.Invoke(1006, "network down (simulated): link cut");
        }
    }

    public string AcceptedSubprotocol => _inner.AcceptedSubprotocol;

    public TlsSettings Tls
    {
        get => _inner.Tls;
        set => _inner.Tls = value;
    }

    public int MaxFrameBytes
    {
        get => _inner.MaxFrameBytes;
        set => _inner.MaxFrameBytes = value;
    }

    /// <summary>Frames not logged because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Open(string url, string subprotocol, string[] headerNames, string[] headerValues)
    {
        if (!_networkUp)
        {
            Closed?.Invoke(1006, "connect failed: network down (simulated)");
            return;
        }

        _inner.Open(url, subprotocol, headerNames, headerValues);
    }

    public bool SendText(string text)
    {
        if (!_networkUp)
        {
            return false;
        }

        Enqueue(true, text);
        return _inner.SendText(text);
    }

    public bool SendPing() => _inner.SendPing();

    public void Close() => _inner.Close();

    /// <summary>Hands every queued frame, oldest first, to <paramref name="sink"/> (outgoing = station to CSMS).</summary>
    public void Drain(Action<bool, string> sink)
    {
        while (_frames.TryDequeue(out var f))
        {
            sink(f.Outgoing, f.Frame);
        }
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private void Enqueue(bool outgoing, string frame)
    {
        if (_frames.Count >= MaxQueuedFrames)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _frames.Enqueue((outgoing, frame));
    }
}
