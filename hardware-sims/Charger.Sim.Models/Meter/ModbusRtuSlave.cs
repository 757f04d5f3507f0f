using Charger.Hal;

namespace Charger.Sim.Models.Meter;

/// <summary>
/// A Modbus RTU register server on any <see cref="ISerialPort"/> (loopback pair in virtual time, or a
/// pseudo-terminal in real time). Serves FC 03/04/06/16 over two register banks and answers with exception
/// 01/02/03 like a real meter. Written independently of the firmware's master (own CRC, own framing) so a
/// shared misunderstanding cannot hide in both.
/// </summary>
public sealed class ModbusRtuSlave
{
    private const int MaxFrame = 256;

    private readonly ISerialPort _port;
    private readonly ushort[] _input;
    private readonly ushort[] _holding;
    private readonly byte[] _rx = new byte[MaxFrame];
    private readonly byte[] _tx = new byte[MaxFrame];
    private int _rxCount;
    private long _lastRxMs;

    public ModbusRtuSlave(ISerialPort port, byte address, int inputRegisterCount, int holdingRegisterCount)
    {
        _port = port ?? throw new System.ArgumentNullException(nameof(port));
        Address = address;
        _input = new ushort[inputRegisterCount];
        _holding = new ushort[holdingRegisterCount];
        if (!_port.IsOpen)
        {
            // A meter listens from power-on: requests sent before the first Poll must not be lost.
            _port.Open();
        }
    }

    public byte Address { get; set; }

    /// <summary>When set the slave hears requests but never answers (meter unpowered, A/B swapped).</summary>
    public bool Silent { get; set; }

    public int RequestsAnswered { get; private set; }

    public int CrcErrors { get; private set; }

    public int ExceptionsSent { get; private set; }

    public ushort[] InputRegisters => _input;

    public ushort[] HoldingRegisters => _holding;

    /// <summary>Reads what has arrived and answers a complete request. Call often (every ms in real time).</summary>
    public void Poll(long nowMs)
    {
        if (!_port.IsOpen)
        {
            _port.Open();
        }

        int n;
        while (_rxCount < MaxFrame && (n = _port.Read(_rx, _rxCount, MaxFrame - _rxCount, 0)) > 0)
        {
            _rxCount += n;
            _lastRxMs = nowMs;
        }

        if (_rxCount == 0)
        {
            return;
        }

        int needed = RequestLength();
        if (needed > 0 && _rxCount >= needed)
        {
            Handle(needed);
            Shift(needed);
            return;
        }

        // Serial Line 2.5.1.1: a frame also ends with silence; whatever is pending then is an incomplete frame.
        int gapMs = _port.BaudRate > 19200 ? 2 : (int)System.Math.Ceiling(3.5 * 11 * 1000.0 / _port.BaudRate);
        if (nowMs - _lastRxMs > gapMs || _rxCount == MaxFrame)
        {
            _rxCount = 0;
        }
    }

    private int RequestLength()
    {
        if (_rxCount < 2)
        {
            return 0;
        }

        return _rx[1] switch
        {
            0x03 or 0x04 or 0x06 => 8,
            0x10 => _rxCount < 7 ? 0 : 9 + _rx[6],
            _ => 8,
        };
    }

    private void Shift(int consumed)
    {
        System.Array.Copy(_rx, consumed, _rx, 0, _rxCount - consumed);
        _rxCount -= consumed;
    }

    private void Handle(int length)
    {
        if (Crc(_rx, length - 2) != (_rx[length - 2] | (_rx[length - 1] << 8)))
        {
            // Serial Line 2.4.1: a slave ignores a frame with a bad CRC.
            // Whatever follows is dropped by the silence rule in Poll.
            CrcErrors++;
            return;
        }

        if (_rx[0] != Address || Silent)
        {
            return;
        }

        byte function = _rx[1];
        int address = (_rx[2] << 8) | _rx[3];
        int value = (_rx[4] << 8) | _rx[5];
        _tx[0] = Address;
        _tx[1] = function;
        switch (function)
        {
            case 0x03:
            case 0x04:
            {
                ushort[] bank = function == 0x03 ? _holding : _input;
                if (value < 1 || value > 125)
                {
                    SendException(function, 0x03);
                    return;
                }

                if (address + value > bank.Length)
                {
                    SendException(function, 0x02);
                    return;
                }

                _tx[2] = (byte)(value * 2);
                for (int i = 0; i < value; i++)
                {
                    _tx[3 + i * 2] = (byte)(bank[address + i] >> 8);
                    _tx[4 + i * 2] = (byte)bank[address + i];
                }

                Send(3 + value * 2);
                return;
            }

            case 0x06:
                if (address >= _holding.Length)
                {
                    SendException(function, 0x02);
                    return;
                }

                _holding[address] = (ushort)value;
                System.Array.Copy(_rx, 2, _tx, 2, 4);
                Send(6);
                return;

            case 0x10:
                if (value < 1 || value > 123 || _rx[6] != value * 2)
                {
                    SendException(function, 0x03);
                    return;
                }

                if (address + value > _holding.Length)
                {
                    SendException(function, 0x02);
                    return;
                }

                for (int i = 0; i < value; i++)
                {
                    _holding[address + i] = (ushort)((_rx[7 + i * 2] << 8) | _rx[8 + i * 2]);
                }

                System.Array.Copy(_rx, 2, _tx, 2, 4);
                Send(6);
                return;

            default:
                SendException(function, 0x01);
                return;
        }
    }

    private void SendException(byte function, byte code)
    {
        _tx[1] = (byte)(function | 0x80);
        _tx[2] = code;
        ExceptionsSent++;
        Send(3);
    }

    private void Send(int pduLength)
    {
        int crc = Crc(_tx, pduLength);
        _tx[pduLength] = (byte)crc;
        _tx[pduLength + 1] = (byte)(crc >> 8);
        _port.Write(_tx, 0, pduLength + 2);
        RequestsAnswered++;
    }

    /// <summary>Bit-by-bit CRC-16/MODBUS, deliberately not the firmware's table-driven one.</summary>
    private static int Crc(byte[] data, int count)
    {
        int crc = 0xFFFF;
        for (int i = 0; i < count; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                bool lsb = (crc & 1) != 0;
                crc >>= 1;
                if (lsb)
                {
                    crc ^= 0xA001;
                }
            }
        }

        return crc;
    }
}
