using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;
using Charger.Metering.Tests.Support;
using Charger.Sim.Models.Meter;

namespace Charger.Metering.Tests.Service;

public class Sdm630ModelTests
{
    [Fact]
    public void EnergyIsThePowerIntegratedOverTime()
    {
        var clock = new VirtualClock(0);
        var pair = new LoopbackSerialPair(clock, 9600);
        var meter = new Sdm630Model(pair.B, 1);
        meter.SetPhase(1, 230, 10);   // 2300 W
        meter.Advance(0);
        meter.Advance(3_600_000);     // one hour
        Assert.Equal(2.3, meter.ImportEnergyKWh, 9);
        meter.SetPhase(1, 230, 0);
        meter.Advance(7_200_000);
        Assert.Equal(2.3, meter.ImportEnergyKWh, 9);
    }

    [Fact]
    public void SlaveIgnoresARequestWithABadCrcThenServesOurWriteSingleRegister()
    {
        var clock = new VirtualClock(0);
        var pair = new LoopbackSerialPair(clock, 9600);
        pair.A.Open();
        var meter = new Sdm630Model(pair.B, 1);
        byte[] bad = Frames.WithCrc(1, 4, 0, 0, 0, 2);
        bad[7] ^= 0xFF;
        pair.A.Write(bad, 0, bad.Length);
        for (int i = 0; i < 50; i++)
        {
            clock.Advance(1);
            meter.Poll(clock.NowMs);
        }

        Assert.Equal(1, meter.Slave.CrcErrors);
        Assert.Equal(0, pair.A.BytesAvailable);

        var master = new ModbusRtuMaster(pair.A);
        master.BeginWriteSingleRegister(1, 0x0010, 7);
        for (int i = 0; i < 100 && master.Tick(clock.NowMs) == ModbusTransactionState.Busy; i++)
        {
            meter.Poll(clock.NowMs);
            clock.Advance(1);
        }

        Assert.Equal(ModbusTransactionState.Completed, master.State);
        Assert.Equal(7, meter.Slave.HoldingRegisters[0x10]);
    }
}
