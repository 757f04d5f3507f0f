using System.IO.Ports;
using System.Threading;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// A UART on System.IO.Ports. In RS-485 mode the UART drives the transceiver's driver-enable
    /// from its RTS line (SerialMode.RS485), so the Modbus master never toggles a GPIO itself.
    /// Reads poll BytesToRead instead of relying on SerialPort.ReadTimeout, which rejects 0 and
    /// cannot express "do not wait" (System.IO.Ports/SerialPort.cs).
    /// </summary>
    public sealed class NanoSerialPort : ISerialPort
    {
        /// <summary>Polling step while a read waits: one byte at 9600 baud takes about 1 ms.</summary>
        private const int PollIntervalMs = 1;

        private readonly SerialPort _port;
        private readonly byte[] _discard = new byte[64];

        /// <param name="portName">COM1..COM9 as the nanoFramework target names its UARTs.</param>
        public NanoSerialPort(string portName, int baudRate, Parity parity, int dataBits, StopBits stopBits, bool rs485)
        {
            if (portName == null || portName.Length < 4 || !portName.StartsWith("COM"))
            {
                throw new HardwareConfigurationException("serial port name '" + portName + "' is not of the form COM1..COM9");
            }

            _port = new SerialPort(portName, baudRate, parity, dataBits, stopBits);
            if (rs485)
            {
                _port.Mode = SerialMode.RS485;
            }
        }

        public int BaudRate
        {
            get { return _port.BaudRate; }
        }

        public bool IsOpen
        {
            get { return _port.IsOpen; }
        }

        public int BytesAvailable
        {
            get { return _port.IsOpen ? _port.BytesToRead : 0; }
        }

        public void Open()
        {
            if (!_port.IsOpen)
            {
                _port.Open();
            }
        }

        public void Close()
        {
            _port.Close();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            CheckRange(buffer, offset, count);
            if (timeoutMs < 0)
            {
                throw new System.ArgumentOutOfRangeException("timeoutMs", "a read timeout cannot be negative");
            }

            if (count == 0)
            {
                return 0;
            }

            long deadlineMs = System.Environment.TickCount64 + timeoutMs;
            while (true)
            {
                int available = _port.BytesToRead;
                if (available > 0)
                {
                    return _port.Read(buffer, offset, available < count ? available : count);
                }

                if (System.Environment.TickCount64 >= deadlineMs)
                {
                    return 0;
                }

                Thread.Sleep(PollIntervalMs);
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            _port.Write(buffer, offset, count);
        }

        public void DiscardInput()
        {
            int available = _port.BytesToRead;
            while (available > 0)
            {
                _port.Read(_discard, 0, available < _discard.Length ? available : _discard.Length);
                available = _port.BytesToRead;
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new System.ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new System.ArgumentOutOfRangeException("count", "offset " + offset + " and count " + count + " fall outside a buffer of " + buffer.Length);
            }
        }
    }
}
