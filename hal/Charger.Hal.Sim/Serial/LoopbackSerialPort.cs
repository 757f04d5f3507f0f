using Charger.Hal;

namespace Charger.Hal.Sim.Serial
{
    /// <summary>
    /// One end of a simulated serial line in virtual time. A byte written here reaches the peer one
    /// character time (11 bits, as Modbus RTU frames count them) after the previous one left, so frame gaps
    /// and transmit times are what a real UART would show. Faults on the bytes this end sends: drop,
    /// bit corruption, extra delay; and noise can be injected into what this end receives.
    /// Nothing here waits: a Read with a timeout returns what has arrived by the clock's current time,
    /// because in virtual time only the simulation moves the clock.
    /// </summary>
    public sealed class LoopbackSerialPort : ISerialPort
    {
        public const int DefaultCapacityBytes = 4096;

        // Matches Modbus over Serial Line V1.02 section 2.5.1: 11 bits per character on the line.
        private const int BitsPerCharacter = 11;

        private readonly IClock _clock;
        private readonly int _baudRate;
        private readonly byte[] _data;
        private readonly long[] _arrivalUs;
        private readonly int _characterUs;

        private LoopbackSerialPort _peer;
        private int _head;
        private int _count;
        private bool _isOpen;
        private long _txBusyUntilUs;
        private long _rxLastArrivalUs;

        private IRandomSource _random;
        private int _dropPerMille;
        private int _corruptPerMille;
        private int _extraDelayMs;
        private bool _silent;

        public LoopbackSerialPort(IClock clock, int baudRate, int capacityBytes)
        {
            if (clock == null)
            {
                throw new System.ArgumentNullException("clock");
            }

            if (baudRate <= 0)
            {
                throw new System.ArgumentOutOfRangeException("baudRate", "must be positive");
            }

            _clock = clock;
            _baudRate = baudRate;
            _data = new byte[capacityBytes];
            _arrivalUs = new long[capacityBytes];
            _characterUs = (int)((BitsPerCharacter * 1000000L + baudRate - 1) / baudRate);
        }

        public int BaudRate
        {
            get { return _baudRate; }
        }

        public bool IsOpen
        {
            get { return _isOpen; }
        }

        public int BytesAvailable
        {
            get { return CountArrived(NowUs()); }
        }

        /// <summary>Bytes this end put on the line (including those the line then dropped).</summary>
        public int BytesWritten { get; private set; }

        public int BytesDropped { get; private set; }

        public int BytesCorrupted { get; private set; }

        /// <summary>Bytes lost because the receive buffer was full or the port closed.</summary>
        public int Overruns { get; private set; }

        /// <summary>Characters per second on this line, in microseconds per character.</summary>
        public int CharacterTimeUs
        {
            get { return _characterUs; }
        }

        public void Open()
        {
            _isOpen = true;
        }

        public void Close()
        {
            _isOpen = false;
            _head = 0;
            _count = 0;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long nowUs = NowUs();
            int n = 0;
            while (n < count && _count > 0 && _arrivalUs[_head] <= nowUs)
            {
                buffer[offset + n] = _data[_head];
                _head = (_head + 1) % _data.Length;
                _count--;
                n++;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (!_isOpen)
            {
                throw new System.InvalidOperationException("serial port is not open");
            }

            long nowUs = NowUs();
            long startUs = _txBusyUntilUs > nowUs ? _txBusyUntilUs : nowUs;
            for (int i = 0; i < count; i++)
            {
                startUs += _characterUs;
                BytesWritten++;
                if (_silent || _peer == null)
                {
                    continue;
                }

                if (_random != null && _dropPerMille > 0 && _random.Next(1000) < _dropPerMille)
                {
                    BytesDropped++;
                    continue;
                }

                byte value = buffer[offset + i];
                if (_random != null && _corruptPerMille > 0 && _random.Next(1000) < _corruptPerMille)
                {
                    value ^= (byte)(1 << _random.Next(8));
                    BytesCorrupted++;
                }

                _peer.Receive(value, startUs + (_extraDelayMs * 1000L));
            }

            _txBusyUntilUs = startUs;
        }

        public void DiscardInput()
        {
            long nowUs = NowUs();
            while (_count > 0 && _arrivalUs[_head] <= nowUs)
            {
                _head = (_head + 1) % _data.Length;
                _count--;
            }
        }

        /// <summary>Line noise into this end's receiver, one character time apart, starting now.</summary>
        public void InjectNoise(byte[] bytes, int offset, int count)
        {
            long nowUs = NowUs();
            long atUs = _rxLastArrivalUs > nowUs ? _rxLastArrivalUs : nowUs;
            for (int i = 0; i < count; i++)
            {
                atUs += _characterUs;
                Receive(bytes[offset + i], atUs);
            }
        }

        /// <summary>
        /// Faults applied to bytes this end sends. <paramref name="random"/> decides which bytes (seeded, so a
        /// failing run replays); null turns drop and corruption off.
        /// </summary>
        public void SetFaults(IRandomSource random, int dropPerMille, int corruptPerMille, int extraDelayMs)
        {
            _random = random;
            _dropPerMille = dropPerMille;
            _corruptPerMille = corruptPerMille;
            _extraDelayMs = extraDelayMs;
        }

        /// <summary>When set, what this end writes never reaches the peer (cable cut, meter unpowered).</summary>
        public bool Silent
        {
            get { return _silent; }
            set { _silent = value; }
        }

        internal void Connect(LoopbackSerialPort peer)
        {
            _peer = peer;
        }

        private void Receive(byte value, long arrivalUs)
        {
            if (!_isOpen || _count == _data.Length)
            {
                Overruns++;
                return;
            }

            // A receiver sees bytes in order: a byte cannot overtake the one before it.
            if (arrivalUs < _rxLastArrivalUs)
            {
                arrivalUs = _rxLastArrivalUs;
            }

            int tail = (_head + _count) % _data.Length;
            _data[tail] = value;
            _arrivalUs[tail] = arrivalUs;
            _count++;
            _rxLastArrivalUs = arrivalUs;
        }

        private int CountArrived(long nowUs)
        {
            int n = 0;
            int index = _head;
            while (n < _count && _arrivalUs[index] <= nowUs)
            {
                n++;
                index = (index + 1) % _data.Length;
            }

            return n;
        }

        private long NowUs()
        {
            return _clock.NowMs * 1000L;
        }
    }
}
