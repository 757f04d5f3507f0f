using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;

namespace Charger.DeviceTests
{
    /// <summary>A master on end A of a virtual-time loopback line, a scripted slave on end B.</summary>
    public sealed class ModbusRig
    {
        public ModbusRig() : this(9600, null)
        {
        }

        public ModbusRig(int baudRate, SimDigitalOutput driverEnable)
        {
            Clock = new VirtualClock(1000);
            Pair = new LoopbackSerialPair(Clock, baudRate);
            Pair.A.Open();
            Slave = new ScriptedModbusSlave(Pair.B);
            Master = new ModbusRtuMaster(Pair.A, driverEnable);
        }

        public VirtualClock Clock { get; private set; }

        public LoopbackSerialPair Pair { get; private set; }

        public ScriptedModbusSlave Slave { get; private set; }

        public ModbusRtuMaster Master { get; private set; }

        /// <summary>Ticks master and slave every millisecond until the transaction ends; returns the final state.</summary>
        public ModbusTransactionState RunToEnd()
        {
            for (int i = 0; i < 5000; i++)
            {
                ModbusTransactionState state = Master.Tick(Clock.NowMs);
                if (state != ModbusTransactionState.Busy)
                {
                    return state;
                }

                Slave.Poll();
                Clock.Advance(1);
            }

            return Master.State;
        }
    }
}
