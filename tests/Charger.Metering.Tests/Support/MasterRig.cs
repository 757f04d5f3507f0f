using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;

namespace Charger.Metering.Tests.Support;

/// <summary>A master on end A of a virtual-time loopback line, a scripted slave on end B.</summary>
public sealed class MasterRig
{
    public MasterRig(int baudRate = 9600, SimDigitalOutput driverEnable = null)
    {
        Clock = new VirtualClock(1000);
        Pair = new LoopbackSerialPair(Clock, baudRate);
        Pair.A.Open();
        Slave = new ScriptedSlave(Pair.B);
        Master = new ModbusRtuMaster(Pair.A, driverEnable);
    }

    public VirtualClock Clock { get; }

    public LoopbackSerialPair Pair { get; }

    public ScriptedSlave Slave { get; }

    public ModbusRtuMaster Master { get; }

    /// <summary>Ticks master and slave every millisecond until the transaction ends; returns the final state.</summary>
    public ModbusTransactionState RunToEnd(int maxMs = 5000)
    {
        for (int i = 0; i < maxMs; i++)
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
