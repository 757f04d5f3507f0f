using System.Collections.Generic;
using Charger.Hal.Sim.Serial;

namespace Charger.Metering.Tests.Support;

/// <summary>
/// The far end of a loopback pair that answers each complete request with the next scripted byte string
/// (null = stay silent), and records every request it saw.
/// </summary>
public sealed class ScriptedSlave
{
    private readonly LoopbackSerialPort _port;
    private readonly Queue<byte[]> _answers = new();
    private readonly List<byte> _pending = new();
    private readonly byte[] _scratch = new byte[512];

    public ScriptedSlave(LoopbackSerialPort port)
    {
        _port = port;
        _port.Open();
    }

    public List<byte[]> Requests { get; } = new();

    /// <summary>Used once the script runs out; null = silence.</summary>
    public byte[] DefaultAnswer { get; set; }

    public void Answer(byte[] frame) => _answers.Enqueue(frame);

    public void Poll()
    {
        int n;
        while ((n = _port.Read(_scratch, 0, _scratch.Length, 0)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                _pending.Add(_scratch[i]);
            }
        }

        int length = RequestLength();
        if (length == 0 || _pending.Count < length)
        {
            return;
        }

        Requests.Add(_pending.GetRange(0, length).ToArray());
        _pending.RemoveRange(0, length);
        byte[] answer = _answers.Count > 0 ? _answers.Dequeue() : DefaultAnswer;
        if (answer != null && answer.Length > 0)
        {
            _port.Write(answer, 0, answer.Length);
        }
    }

    private int RequestLength()
    {
        if (_pending.Count < 2)
        {
            return 0;
        }

        if (_pending[1] == 0x10)
        {
            return _pending.Count < 7 ? 0 : 9 + _pending[6];
        }

        return 8;
    }
}
