using System;
using System.Collections.Generic;
using System.Text;
using Charger.Hal;

namespace Charger.Console.Tests.Fakes
{
    /// <summary>
    /// Test-only loopback ISerialPort: the test types into <see cref="Inject"/>, the console's
    /// writes collect in <see cref="Sent"/>. Stands in until hal/Charger.Hal.Sim has its serial port.
    /// </summary>
    public sealed class FakeSerialPort : ISerialPort
    {
        private readonly Queue<byte> _rx = new Queue<byte>();
        private readonly List<byte> _tx = new List<byte>();
        private int _taken;

        public FakeSerialPort(int baudRate)
        {
            BaudRate = baudRate;
        }

        public int BaudRate { get; set; }

        public bool IsOpen { get; private set; }

        public int BytesAvailable
        {
            get { return _rx.Count; }
        }

        public int OpenCount { get; private set; }

        public int WriteCalls { get; private set; }

        public int LargestWrite { get; private set; }

        /// <summary>When set, Read and Write throw it (a pulled USB adapter).</summary>
        public Exception FailWith { get; set; }

        /// <summary>Longest timeout ever passed to Read, to prove the console never waits (a field, so reading allocates nothing).</summary>
        public int MaxReadTimeoutMs { get; private set; }

        public int ReadCalls { get; private set; }

        public void Open()
        {
            IsOpen = true;
            OpenCount++;
        }

        public void Close()
        {
            IsOpen = false;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (FailWith != null)
            {
                throw FailWith;
            }

            ReadCalls++;
            MaxReadTimeoutMs = Math.Max(MaxReadTimeoutMs, timeoutMs);
            int n = 0;
            while (n < count && _rx.Count > 0)
            {
                buffer[offset + n++] = _rx.Dequeue();
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (FailWith != null)
            {
                throw FailWith;
            }

            WriteCalls++;
            LargestWrite = Math.Max(LargestWrite, count);
            for (int i = 0; i < count; i++)
            {
                _tx.Add(buffer[offset + i]);
            }
        }

        public void DiscardInput()
        {
            _rx.Clear();
        }

        public void Inject(string text)
        {
            Inject(Encoding.ASCII.GetBytes(text));
        }

        public void Inject(byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                _rx.Enqueue(b);
            }
        }

        /// <summary>All bytes the console wrote since creation.</summary>
        public byte[] Sent
        {
            get { return _tx.ToArray(); }
        }

        public int SentCount
        {
            get { return _tx.Count; }
        }

        /// <summary>Text written since the last call.</summary>
        public string TakeText()
        {
            string text = Encoding.ASCII.GetString(_tx.GetRange(_taken, _tx.Count - _taken).ToArray());
            _taken = _tx.Count;
            return text;
        }
    }
}
