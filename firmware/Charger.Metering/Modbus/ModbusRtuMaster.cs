using Charger.Hal;

namespace Charger.Metering.Modbus
{
    /// <summary>
    /// A Modbus RTU master ("Modbus over Serial Line V1.02", "MODBUS Application Protocol V1.1b3") that never
    /// blocks: a caller starts one transaction with a Begin method and then calls <see cref="Tick"/> with the
    /// time until the state is Completed or Failed. All buffers are allocated once, so steady-state polling
    /// allocates nothing.
    ///
    /// Resynchronisation rule: before every request (first try or retry) the master drains the line and
    /// waits until it has itself watched one inter-frame gap of silence (counted from the later of the
    /// previous failure and the last byte seen), so the tail of a noise burst or of a late answer can never
    /// be taken for the start of the next answer. An answer whose CRC fails is searched for a good frame that
    /// starts or ends inside it (leading or trailing noise bytes); the bytes around it are counted as noise.
    /// </summary>
    public sealed class ModbusRtuMaster
    {
        public const int DefaultResponseTimeoutMs = 200;

        public const int DefaultRetries = 2;

        // Application Protocol section 4.1: an RTU ADU is at most 256 bytes.
        public const int MaxFrameBytes = 256;

        // Application Protocol section 6.3/6.4: at most 125 registers in one read.
        public const int MaxReadRegisters = 125;

        // Application Protocol section 6.12: at most 123 registers in one write.
        public const int MaxWriteRegisters = 123;

        // Serial Line section 2.2: individual slave addresses are 1..247.
        public const int MaxSlaveAddress = 247;

        // Bytes of an RTU exception response: address, function | 0x80, code, CRC (2).
        private const int ExceptionFrameBytes = 5;

        // Address, function, byte count, CRC (2) around the register data of a read response.
        private const int ReadResponseOverheadBytes = 5;

        // The echo of FC 06 and FC 16: address, function, two 16-bit fields, CRC (2).
        private const int WriteResponseBytes = 8;

        private const int PhaseIdle = 0;
        private const int PhaseWaitForSilence = 1;
        private const int PhaseAwaitResponse = 2;
        private const int PhaseDone = 3;

        private readonly ISerialPort _port;
        private readonly IDigitalOutput _driverEnable;
        private readonly ModbusCounters _counters = new ModbusCounters();
        private readonly byte[] _tx = new byte[MaxFrameBytes];
        private readonly byte[] _rx = new byte[MaxFrameBytes];
        private readonly ushort[] _registers = new ushort[MaxReadRegisters];

        private int _responseTimeoutMs = DefaultResponseTimeoutMs;
        private int _retries = DefaultRetries;

        private int _phase = PhaseIdle;
        private ModbusTransactionState _state = ModbusTransactionState.Idle;
        private ModbusError _lastError = ModbusError.None;
        private ModbusExceptionCode _lastExceptionCode = ModbusExceptionCode.None;

        private byte _slave;
        private byte _function;
        private int _requestRegisterCount;
        private int _txLength;
        private int _expectedLength;
        private int _attempt;
        private int _rxCount;
        private int _registerCount;
        private int _gapMs;

        private long _phaseStartMs;
        private long _sentAtMs;
        private long _lastRxMs;
        private long _lastBusActivityMs;
        private bool _busActivitySeen;

        public ModbusRtuMaster(ISerialPort port) : this(port, null)
        {
        }

        /// <param name="port">The RS-485 UART.</param>
        /// <param name="driverEnable">
        /// The transceiver's DE/RE pin on boards that drive it from a GPIO (high = transmit); null when the
        /// UART switches direction itself (nanoFramework SerialMode.RS485) or the line is RS-232.
        /// </param>
        public ModbusRtuMaster(ISerialPort port, IDigitalOutput driverEnable)
        {
            if (port == null)
            {
                throw new System.ArgumentNullException("port");
            }

            _port = port;
            _driverEnable = driverEnable;
            if (_driverEnable != null)
            {
                // Receive by default: a transmitter left on would hold the bus against every slave.
                _driverEnable.Write(false);
            }
        }

        /// <summary>How long to wait for the first byte of an answer after the request left the line.</summary>
        public int ResponseTimeoutMs
        {
            get { return _responseTimeoutMs; }
            set
            {
                if (value <= 0)
                {
                    throw new System.ArgumentOutOfRangeException("ResponseTimeoutMs", "must be positive");
                }

                _responseTimeoutMs = value;
            }
        }

        /// <summary>Extra attempts after the first one fails (exception responses are never retried).</summary>
        public int Retries
        {
            get { return _retries; }
            set
            {
                if (value < 0)
                {
                    throw new System.ArgumentOutOfRangeException("Retries", "cannot be negative");
                }

                _retries = value;
            }
        }

        public ModbusTransactionState State
        {
            get { return _state; }
        }

        public ModbusError LastError
        {
            get { return _lastError; }
        }

        /// <summary>The slave's exception code when <see cref="LastError"/> is SlaveException.</summary>
        public ModbusExceptionCode LastExceptionCode
        {
            get { return _lastExceptionCode; }
        }

        public ModbusCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Registers in the last completed read answer.</summary>
        public int RegisterCount
        {
            get { return _registerCount; }
        }

        /// <summary>Attempts made for the current or last transaction (1 = no retry was needed).</summary>
        public int Attempts
        {
            get { return _attempt; }
        }

        public ushort GetRegister(int index)
        {
            if (index < 0 || index >= _registerCount)
            {
                throw new System.ArgumentOutOfRangeException("index", "no such register in the last answer");
            }

            return _registers[index];
        }

        /// <summary>Copies the registers of the last completed read into <paramref name="destination"/>.</summary>
        public void CopyRegisters(ushort[] destination, int destinationOffset)
        {
            for (int i = 0; i < _registerCount; i++)
            {
                destination[destinationOffset + i] = _registers[i];
            }
        }

        /// <summary>Starts FC 03. Returns false (and changes nothing) while another transaction is busy.</summary>
        public bool BeginReadHoldingRegisters(byte slave, ushort startAddress, int count)
        {
            return BeginRead(slave, ModbusFunctionCode.ReadHoldingRegisters, startAddress, count);
        }

        /// <summary>Starts FC 04. Returns false (and changes nothing) while another transaction is busy.</summary>
        public bool BeginReadInputRegisters(byte slave, ushort startAddress, int count)
        {
            return BeginRead(slave, ModbusFunctionCode.ReadInputRegisters, startAddress, count);
        }

        /// <summary>Starts FC 06 (meter configuration). Returns false while another transaction is busy.</summary>
        public bool BeginWriteSingleRegister(byte slave, ushort address, ushort value)
        {
            CheckSlave(slave);
            if (_state == ModbusTransactionState.Busy)
            {
                return false;
            }

            _tx[0] = slave;
            _tx[1] = ModbusFunctionCode.WriteSingleRegister;
            PutUInt16(_tx, 2, address);
            PutUInt16(_tx, 4, value);
            ModbusCrc.Append(_tx, 0, 6);
            Start(slave, ModbusFunctionCode.WriteSingleRegister, 8, WriteResponseBytes, 0);
            return true;
        }

        /// <summary>Starts FC 16 (meter configuration). Returns false while another transaction is busy.</summary>
        public bool BeginWriteMultipleRegisters(byte slave, ushort startAddress, ushort[] values, int offset, int count)
        {
            CheckSlave(slave);
            if (values == null)
            {
                throw new System.ArgumentNullException("values");
            }

            if (count < 1 || count > MaxWriteRegisters || offset < 0 || offset + count > values.Length)
            {
                throw new System.ArgumentOutOfRangeException("count", "1..123 registers within the array");
            }

            if (_state == ModbusTransactionState.Busy)
            {
                return false;
            }

            _tx[0] = slave;
            _tx[1] = ModbusFunctionCode.WriteMultipleRegisters;
            PutUInt16(_tx, 2, startAddress);
            PutUInt16(_tx, 4, (ushort)count);
            _tx[6] = (byte)(count * 2);
            for (int i = 0; i < count; i++)
            {
                PutUInt16(_tx, 7 + (i * 2), values[offset + i]);
            }

            int pduLength = 7 + (count * 2);
            ModbusCrc.Append(_tx, 0, pduLength);
            Start(slave, ModbusFunctionCode.WriteMultipleRegisters, pduLength + 2, WriteResponseBytes, 0);
            return true;
        }

        /// <summary>
        /// Forgets a finished result so the next caller sees Idle. A busy transaction is abandoned; the
        /// next request still waits for bus silence first, so its late answer cannot be mistaken.
        /// </summary>
        public void Reset()
        {
            _phase = PhaseIdle;
            _state = ModbusTransactionState.Idle;
        }

        /// <summary>Advances the transaction. Reads with timeout 0; never waits.</summary>
        public ModbusTransactionState Tick(long nowMs)
        {
            if (_phase == PhaseWaitForSilence)
            {
                TickWaitForSilence(nowMs);
            }
            else if (_phase == PhaseAwaitResponse)
            {
                TickAwaitResponse(nowMs);
            }
            else
            {
                // Idle or done: keep the line drained so stray bytes cannot pile up between polls.
                DrainNoise(nowMs);
            }

            return _state;
        }

        private bool BeginRead(byte slave, byte function, ushort startAddress, int count)
        {
            CheckSlave(slave);
            if (count < 1 || count > MaxReadRegisters)
            {
                throw new System.ArgumentOutOfRangeException("count", "a read asks for 1..125 registers");
            }

            if (_state == ModbusTransactionState.Busy)
            {
                return false;
            }

            _tx[0] = slave;
            _tx[1] = function;
            PutUInt16(_tx, 2, startAddress);
            PutUInt16(_tx, 4, (ushort)count);
            ModbusCrc.Append(_tx, 0, 6);
            Start(slave, function, 8, ReadResponseOverheadBytes + (count * 2), count);
            return true;
        }

        private void Start(byte slave, byte function, int txLength, int expectedLength, int registerCount)
        {
            _slave = slave;
            _function = function;
            _txLength = txLength;
            _expectedLength = expectedLength;
            _requestRegisterCount = registerCount;
            _registerCount = 0;
            _attempt = 0;
            _lastError = ModbusError.None;
            _lastExceptionCode = ModbusExceptionCode.None;
            _state = ModbusTransactionState.Busy;
            _counters.Requests++;
            BeginAttempt(long.MinValue);
        }

        private void BeginAttempt(long nowMs)
        {
            _attempt++;
            _phase = PhaseWaitForSilence;
            _phaseStartMs = nowMs;
            _rxCount = 0;
        }

        private void TickWaitForSilence(long nowMs)
        {
            if (_phaseStartMs == long.MinValue)
            {
                // The request was started outside Tick: its wait begins now.
                _phaseStartMs = nowMs;
            }

            DrainNoise(nowMs);
            _gapMs = ModbusTiming.InterFrameGapMs(_port.BaudRate);
            // The master must itself watch one full gap of silence: a late answer that starts just after
            // a timeout is then drained here instead of being read as the answer to the retry.
            long quietSinceMs = _busActivitySeen && _lastBusActivityMs > _phaseStartMs ? _lastBusActivityMs : _phaseStartMs;
            if (nowMs - quietSinceMs >= _gapMs)
            {
                Send(nowMs);
                return;
            }

            if (nowMs - _phaseStartMs >= _responseTimeoutMs)
            {
                // The line never fell silent for one gap: something is jabbering on the bus.
                FailAttempt(ModbusError.Noise, nowMs);
            }
        }

        private void Send(long nowMs)
        {
            if (!_port.IsOpen)
            {
                _port.Open();
            }

            _port.DiscardInput();
            if (_driverEnable != null)
            {
                _driverEnable.Write(true);
            }

            // The HAL's Write returns once the bytes have left the UART, so the driver can be released here.
            _port.Write(_tx, 0, _txLength);
            if (_driverEnable != null)
            {
                _driverEnable.Write(false);
            }

            _sentAtMs = nowMs + ModbusTiming.TransmitTimeMs(_port.BaudRate, _txLength);
            _lastBusActivityMs = _sentAtMs;
            _busActivitySeen = true;
            _rxCount = 0;
            _phase = PhaseAwaitResponse;
        }

        private void TickAwaitResponse(long nowMs)
        {
            bool received = ReadAvailable(nowMs);
            if (received && TryCompleteEarly(nowMs))
            {
                return;
            }

            if (_rxCount == 0)
            {
                if (nowMs - _sentAtMs >= _responseTimeoutMs)
                {
                    FailAttempt(ModbusError.Timeout, nowMs);
                }

                return;
            }

            bool lineSilent = !received && nowMs - _lastRxMs >= _gapMs;
            bool bufferFull = _rxCount >= MaxFrameBytes;

            // A stream with no gap at all still has to end: allow the timeout plus the time of a full frame.
            bool pastDeadline = nowMs - _sentAtMs
                >= _responseTimeoutMs + ModbusTiming.TransmitTimeMs(_port.BaudRate, MaxFrameBytes);
            if (lineSilent || bufferFull || pastDeadline)
            {
                Classify(nowMs);
            }
        }

        private bool ReadAvailable(long nowMs)
        {
            bool any = false;
            while (_rxCount < MaxFrameBytes)
            {
                int n = _port.Read(_rx, _rxCount, MaxFrameBytes - _rxCount, 0);
                if (n <= 0)
                {
                    break;
                }

                _rxCount += n;
                any = true;
            }

            if (any)
            {
                _lastRxMs = nowMs;
                _lastBusActivityMs = nowMs;
                _busActivitySeen = true;
            }

            return any;
        }

        private void DrainNoise(long nowMs)
        {
            int drained = 0;
            while (true)
            {
                // _rx doubles as the scratch buffer: no answer is being assembled outside PhaseAwaitResponse.
                int n = _port.Read(_rx, 0, MaxFrameBytes, 0);
                if (n <= 0)
                {
                    break;
                }

                drained += n;
            }

            if (drained > 0)
            {
                _counters.NoiseBytesDiscarded += drained;
                _lastBusActivityMs = nowMs;
                _busActivitySeen = true;
            }
        }

        private bool TryCompleteEarly(long nowMs)
        {
            if (_rxCount == _expectedLength && _rx[0] == _slave && _rx[1] == _function
                && ModbusCrc.IsValidFrame(_rx, 0, _rxCount) && PayloadFits(0, _rxCount))
            {
                Succeed(0);
                return true;
            }

            if (_rxCount == ExceptionFrameBytes && _rx[0] == _slave
                && _rx[1] == (byte)(_function | ModbusFunctionCode.ExceptionFlag)
                && ModbusCrc.IsValidFrame(_rx, 0, _rxCount))
            {
                SlaveException(0, nowMs);
                return true;
            }

            return false;
        }

        private void Classify(long nowMs)
        {
            int n = _rxCount;
            if (ModbusCrc.IsValidFrame(_rx, 0, n))
            {
                ClassifyWellFormed(n, nowMs);
                return;
            }

            // Resynchronisation: a good frame may sit inside the bytes with noise before or after it.
            for (int offset = 0; offset + 4 <= n; offset++)
            {
                if (_rx[offset] != _slave)
                {
                    continue;
                }

                int length;
                bool isException = false;
                if (_rx[offset + 1] == _function)
                {
                    length = _expectedLength;
                }
                else if (_rx[offset + 1] == (byte)(_function | ModbusFunctionCode.ExceptionFlag))
                {
                    length = ExceptionFrameBytes;
                    isException = true;
                }
                else
                {
                    continue;
                }

                if (offset + length > n || (offset == 0 && length == n))
                {
                    continue;
                }

                if (!ModbusCrc.IsValidFrame(_rx, offset, length))
                {
                    continue;
                }

                if (!isException && !PayloadFits(offset, length))
                {
                    continue;
                }

                _counters.NoiseBytesDiscarded += n - length;
                if (isException)
                {
                    SlaveException(offset, nowMs);
                }
                else
                {
                    Succeed(offset);
                }

                return;
            }

            if (n < _expectedLength)
            {
                FailAttempt(ModbusError.TruncatedFrame, nowMs);
            }
            else if (n == _expectedLength)
            {
                FailAttempt(ModbusError.CrcError, nowMs);
            }
            else
            {
                FailAttempt(ModbusError.Noise, nowMs);
            }
        }

        private void ClassifyWellFormed(int n, long nowMs)
        {
            if (_rx[0] != _slave)
            {
                FailAttempt(ModbusError.WrongSlaveAddress, nowMs);
            }
            else if (_rx[1] == (byte)(_function | ModbusFunctionCode.ExceptionFlag))
            {
                if (n == ExceptionFrameBytes)
                {
                    SlaveException(0, nowMs);
                }
                else
                {
                    FailAttempt(ModbusError.WrongByteCount, nowMs);
                }
            }
            else if (_rx[1] != _function)
            {
                FailAttempt(ModbusError.WrongFunctionCode, nowMs);
            }
            else if (!PayloadFits(0, n))
            {
                FailAttempt(ModbusError.WrongByteCount, nowMs);
            }
            else
            {
                Succeed(0);
            }
        }

        /// <summary>Does the frame at offset (function already checked) carry what the request asked for?</summary>
        private bool PayloadFits(int offset, int length)
        {
            if (_function == ModbusFunctionCode.ReadHoldingRegisters
                || _function == ModbusFunctionCode.ReadInputRegisters)
            {
                int byteCount = _rx[offset + 2];
                return byteCount == _requestRegisterCount * 2 && length == ReadResponseOverheadBytes + byteCount;
            }

            if (length != WriteResponseBytes)
            {
                return false;
            }

            // FC 06 echoes address and value; FC 16 echoes start address and quantity: bytes 2..5 of the request.
            for (int i = 2; i < 6; i++)
            {
                if (_rx[offset + i] != _tx[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Succeed(int offset)
        {
            _registerCount = _requestRegisterCount;
            for (int i = 0; i < _registerCount; i++)
            {
                int at = offset + 3 + (i * 2);
                _registers[i] = (ushort)((_rx[at] << 8) | _rx[at + 1]);
            }

            _counters.GoodResponses++;
            _lastError = ModbusError.None;
            Finish(ModbusTransactionState.Completed);
        }

        private void SlaveException(int offset, long nowMs)
        {
            _lastExceptionCode = (ModbusExceptionCode)_rx[offset + 2];
            _counters.ExceptionResponses++;

            // The slave understood us and said no: asking again would get the same answer.
            _lastError = ModbusError.SlaveException;
            _counters.FailedTransactions++;
            Finish(ModbusTransactionState.Failed);
        }

        private void FailAttempt(ModbusError error, long nowMs)
        {
            Count(error);
            _lastError = error;
            if (_attempt <= _retries)
            {
                _counters.Retries++;
                BeginAttempt(nowMs);
                return;
            }

            _counters.FailedTransactions++;
            Finish(ModbusTransactionState.Failed);
        }

        private void Finish(ModbusTransactionState state)
        {
            _phase = PhaseDone;
            _state = state;
        }

        private void Count(ModbusError error)
        {
            switch (error)
            {
                case ModbusError.Timeout:
                    _counters.Timeouts++;
                    break;
                case ModbusError.CrcError:
                    _counters.CrcErrors++;
                    break;
                case ModbusError.TruncatedFrame:
                    _counters.TruncatedFrames++;
                    break;
                case ModbusError.WrongSlaveAddress:
                    _counters.WrongSlaveAddress++;
                    break;
                case ModbusError.WrongFunctionCode:
                    _counters.WrongFunctionCode++;
                    break;
                case ModbusError.WrongByteCount:
                    _counters.WrongByteCount++;
                    break;
                case ModbusError.Noise:
                    _counters.NoiseFrames++;
                    break;
            }
        }

        private static void CheckSlave(byte slave)
        {
            if (slave < 1 || slave > MaxSlaveAddress)
            {
                throw new System.ArgumentOutOfRangeException("slave", "a slave address is 1..247");
            }
        }

        private static void PutUInt16(byte[] buffer, int offset, ushort value)
        {
            // Application Protocol section 4.2: registers travel big-endian.
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)(value & 0xFF);
        }
    }
}
