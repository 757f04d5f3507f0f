using System.Collections;
using Charger.Hal.Sim.Serial;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The far end of a loopback pair that answers each complete request with the next scripted byte
    /// string (null = stay silent) and records every request it saw.
    /// </summary>
    public sealed class ScriptedModbusSlave
    {
        private readonly LoopbackSerialPort _port;
        private readonly ArrayList _answers = new ArrayList();
        private readonly ArrayList _requests = new ArrayList();
        private readonly byte[] _pending = new byte[512];
        private readonly byte[] _scratch = new byte[512];
        private int _pendingCount;

        public ScriptedModbusSlave(LoopbackSerialPort port)
        {
            _port = port;
            _port.Open();
        }

        /// <summary>Used once the script runs out; null = silence.</summary>
        public byte[] DefaultAnswer { get; set; }

        public int RequestCount
        {
            get { return _requests.Count; }
        }

        public byte[] Request(int index)
        {
            return (byte[])_requests[index];
        }

        public void Answer(byte[] frame)
        {
            _answers.Add(frame);
        }

        public void Poll()
        {
            int n;
            while ((n = _port.Read(_scratch, 0, _scratch.Length, 0)) > 0)
            {
                for (int i = 0; i < n && _pendingCount < _pending.Length; i++)
                {
                    _pending[_pendingCount++] = _scratch[i];
                }
            }

            int length = RequestLength();
            if (length == 0 || _pendingCount < length)
            {
                return;
            }

            byte[] request = new byte[length];
            System.Array.Copy(_pending, request, length);
            System.Array.Copy(_pending, length, _pending, 0, _pendingCount - length);
            _pendingCount -= length;
            _requests.Add(request);

            byte[] answer = DefaultAnswer;
            if (_answers.Count > 0)
            {
                answer = (byte[])_answers[0];
                _answers.RemoveAt(0);
            }

            if (answer != null && answer.Length > 0)
            {
                _port.Write(answer, 0, answer.Length);
            }
        }

        private int RequestLength()
        {
            if (_pendingCount < 2)
            {
                return 0;
            }

            if (_pending[1] == 0x10)
            {
                return _pendingCount < 7 ? 0 : 9 + _pending[6];
            }

            return 8;
        }
    }
}
