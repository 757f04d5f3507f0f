using Charger.Hal;

namespace Charger.Hal.Sim.Serial
{
    /// <summary>
    /// Two simulated UARTs wired TX to RX both ways, sharing one clock: the firmware's master on
    /// <see cref="A"/>, a meter model on <see cref="B"/>.
    /// </summary>
    public sealed class LoopbackSerialPair
    {
        private readonly LoopbackSerialPort _a;
        private readonly LoopbackSerialPort _b;

        public LoopbackSerialPair(IClock clock, int baudRate)
            : this(clock, baudRate, LoopbackSerialPort.DefaultCapacityBytes)
        {
        }

        public LoopbackSerialPair(IClock clock, int baudRate, int capacityBytes)
        {
            _a = new LoopbackSerialPort(clock, baudRate, capacityBytes);
            _b = new LoopbackSerialPort(clock, baudRate, capacityBytes);
            _a.Connect(_b);
            _b.Connect(_a);
        }

        public LoopbackSerialPort A
        {
            get { return _a; }
        }

        public LoopbackSerialPort B
        {
            get { return _b; }
        }
    }
}
