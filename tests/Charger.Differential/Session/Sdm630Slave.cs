using Charger.Hal;

namespace Charger.Differential.Session
{
    /// <summary>
    /// An Eastron SDM630 on the simulated RS-485 bus, in the device subset so the same meter answers on
    /// nanoCLR and on desktop .NET: function 04 (read input registers) over the SDM630 map, float32 high
    /// word first, energy integrated from the phase currents in virtual time. Written apart from the
    /// firmware's master (own CRC and framing) so one misunderstanding cannot hide in both.
    /// </summary>
    public sealed class Sdm630Slave
    {
        private const int RegisterCount = 0x0180;
        private const int VoltageL1 = 0x0000;
        private const int CurrentL1 = 0x0006;
        private const int PowerL1 = 0x000C;
        private const int PowerFactorL1 = 0x001E;
        private const int TotalPower = 0x0034;
        private const int Frequency = 0x0046;
        private const int ImportEnergy = 0x0048;
        private const int TotalEnergy = 0x0156;

        private readonly ISerialPort _port;
        private readonly byte _address;
        private readonly ushort[] _registers = new ushort[RegisterCount];
        private readonly byte[] _rx = new byte[64];
        private readonly byte[] _tx = new byte[256];
        private readonly double[] _currentA = new double[3];
        private int _rxCount;
        private long _lastMs = -1;
        private double _energyWh;

        public Sdm630Slave(ISerialPort port, byte address)
        {
            _port = port;
            _address = address;
            _port.Open();
            Refresh();
        }

        /// <summary>When set the meter hears requests but never answers (meter loss).</summary>
        public bool Silent { get; set; }

        public double EnergyWh
        {
            get { return _energyWh; }
        }

        public void SetCurrent(double phaseA, int phases)
        {
            for (int i = 0; i < 3; i++)
            {
                _currentA[i] = i < phases ? phaseA : 0;
            }
        }

        public void Poll(long nowMs)
        {
            if (_lastMs >= 0 && nowMs > _lastMs)
            {
                _energyWh += TotalPowerW() * (nowMs - _lastMs) / 3600000.0;
            }

            _lastMs = nowMs;
            Refresh();
            int n;
            while (_rxCount < _rx.Length && (n = _port.Read(_rx, _rxCount, _rx.Length - _rxCount, 0)) > 0)
            {
                _rxCount += n;
            }

            if (_rxCount < 8)
            {
                return;
            }

            int length = 8;
            bool crcOk = Crc(_rx, length - 2) == (_rx[length - 2] | (_rx[length - 1] << 8));
            byte function = _rx[1];
            int address = (_rx[2] << 8) | _rx[3];
            int count = (_rx[4] << 8) | _rx[5];
            bool forUs = _rx[0] == _address;
            _rxCount = 0;
            if (!crcOk || !forUs || Silent)
            {
                return;
            }

            _tx[0] = _address;
            if (function != 0x04 || count < 1 || count > 125 || address + count > RegisterCount)
            {
                _tx[1] = (byte)(function | 0x80);
                _tx[2] = (byte)(function != 0x04 ? 0x01 : 0x02);
                Send(3);
                return;
            }

            _tx[1] = function;
            _tx[2] = (byte)(count * 2);
            for (int i = 0; i < count; i++)
            {
                _tx[3 + i * 2] = (byte)(_registers[address + i] >> 8);
                _tx[4 + i * 2] = (byte)_registers[address + i];
            }

            Send(3 + count * 2);
        }

        private double TotalPowerW()
        {
            return 230.0 * (_currentA[0] + _currentA[1] + _currentA[2]);
        }

        private void Send(int length)
        {
            int crc = Crc(_tx, length);
            _tx[length] = (byte)crc;
            _tx[length + 1] = (byte)(crc >> 8);
            _port.Write(_tx, 0, length + 2);
        }

        private void Refresh()
        {
            for (int i = 0; i < 3; i++)
            {
                Put(VoltageL1 + i * 2, 230.0);
                Put(CurrentL1 + i * 2, _currentA[i]);
                Put(PowerL1 + i * 2, 230.0 * _currentA[i]);
                Put(PowerFactorL1 + i * 2, 1.0);
            }

            Put(TotalPower, TotalPowerW());
            Put(Frequency, 50.0);
            Put(ImportEnergy, _energyWh / 1000.0);
            Put(TotalEnergy, _energyWh / 1000.0);
        }

        private void Put(int index, double value)
        {
            uint bits = Float32Bits(value);
            _registers[index] = (ushort)(bits >> 16);
            _registers[index + 1] = (ushort)bits;
        }

        /// <summary>IEEE 754 single precision by arithmetic, so no runtime's BitConverter decides the bits.</summary>
        public static uint Float32Bits(double value)
        {
            if (value == 0)
            {
                return 0;
            }

            uint sign = 0;
            if (value < 0)
            {
                sign = 0x80000000;
                value = -value;
            }

            int exponent = 0;
            while (value >= 2.0)
            {
                value /= 2.0;
                exponent++;
            }

            while (value < 1.0)
            {
                value *= 2.0;
                exponent--;
            }

            long mantissa = (long)((value - 1.0) * 8388608.0 + 0.5);
            if (mantissa >= 8388608)
            {
                mantissa = 0;
                exponent++;
            }

            return sign | ((uint)(exponent + 127) << 23) | (uint)mantissa;
        }

        private static int Crc(byte[] data, int length)
        {
            int crc = 0xFFFF;
            for (int i = 0; i < length; i++)
            {
                crc ^= data[i];
                for (int b = 0; b < 8; b++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
                }
            }

            return crc;
        }
    }
}
