using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Sim.Models.Meter;

namespace Charger.Metering.Tests.Service;

/// <summary>The meter service against the simulated SDM630 on a virtual-time loopback line, ticked every 10 ms like the runtime.</summary>
public class MeterServiceTests
{
    private const int TickMs = 10;

    private sealed class Bench
    {
        public Bench(IMeterProfile profile = null)
        {
            Clock = new VirtualClock(0);
            Pair = new LoopbackSerialPair(Clock, 9600);
            Meter = new Sdm630Model(Pair.B, 1);
            Master = new ModbusRtuMaster(Pair.A);
            Service = new MeterService(Master, profile ?? new Sdm630Profile(), 1);
            Meter.SetPhase(1, 230, 16);
            Meter.SetPhase(2, 231, 15);
            Meter.SetPhase(3, 229, 14);
        }

        public VirtualClock Clock { get; }
        public LoopbackSerialPair Pair { get; }
        public Sdm630Model Meter { get; }
        public ModbusRtuMaster Master { get; }
        public MeterService Service { get; }

        public void Run(long durationMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Service.Tick(Clock.NowMs);
                Meter.Poll(Clock.NowMs);
                Clock.Advance(TickMs);
            }
        }
    }

    [Fact]
    public void PollsOncePerDefaultPeriodAndPublishesAllMeasurandsWithTheTimeRead()
    {
        var b = new Bench();
        var readings = new System.Collections.Generic.List<MeterReading>();
        b.Service.ReadingAccepted += r => readings.Add(r);
        Assert.Equal(1000, b.Service.PollPeriodMs);

        b.Run(10_000);

        Assert.Equal(10, b.Service.PollsStarted);
        Assert.Equal(10, b.Service.PollsSucceeded);
        MeterReading last = b.Service.LatestReading;
        Assert.Equal(230.0, last.GetVoltageV(1), 3);
        Assert.Equal(15.0, last.GetCurrentA(2), 3);
        Assert.Equal(230 * 16 + 231 * 15 + 229 * 14, last.PowerActiveImportW, 1);
        Assert.Equal(50.0, last.FrequencyHz, 3);
        Assert.True(last.EnergyActiveImportWh > 0);
        Assert.True(last.ReadAtMs >= 9000 && last.ReadAtMs < 10_000, $"read at {last.ReadAtMs}");
        for (int i = 1; i < readings.Count; i++)
        {
            Assert.Equal(1000, readings[i].ReadAtMs - readings[i - 1].ReadAtMs);
            Assert.NotSame(readings[i], readings[i - 1]);
        }
    }

    [Fact]
    public void ConfiguredPollPeriodIsHonoured()
    {
        var b = new Bench();
        b.Service.PollPeriodMs = 250;
        b.Run(10_000);
        Assert.Equal(40, b.Service.PollsSucceeded);
    }

    [Fact]
    public void EnergyIntegratesTheSimulatedPowerOverVirtualTime()
    {
        var b = new Bench();
        double powerW = b.Meter.TotalPowerW;
        b.Run(1000);
        double startWh = b.Service.LatestReading.EnergyActiveImportWh;
        b.Run(6 * 60 * 1000);
        double endWh = b.Service.LatestReading.EnergyActiveImportWh;

        // Six minutes at ~10.4 kW is a tenth of an hour; float32 kWh registers resolve ~0.1 Wh here.
        Assert.Equal(powerW * 0.1, endWh - startWh, 0);
    }

    [Fact]
    public void EnergyThatGoesBackwardsIsDiscardedAsAMeterFault()
    {
        var b = new Bench();
        b.Meter.ImportEnergyKWh = 100;
        b.Run(2000);
        double goodWh = b.Service.LatestReading.EnergyActiveImportWh;
        var good = b.Service.LatestReading;

        b.Meter.ImportEnergyKWh = 50;
        b.Run(1000);

        Assert.Equal(1, b.Service.EnergyDecreases);
        Assert.Same(good, b.Service.LatestReading);
        Assert.Equal(goodWh, b.Service.LatestReading.EnergyActiveImportWh);
        Assert.Equal(MeterPollFailure.EnergyDecreased, b.Service.LastFailure);
        Assert.Equal(MeterHealth.Degraded, b.Service.Health);
        Assert.True(b.Service.ChargingPermitted);

        // The register climbs past the last accepted value again (by what the rated power allows in the
        // time): readings are accepted again.
        b.Meter.ImportEnergyKWh = 100.01;
        b.Run(1000);
        Assert.Equal(MeterHealth.Healthy, b.Service.Health);
        Assert.Equal(100_010, b.Service.LatestReading.EnergyActiveImportWh, 0);
    }

    [Fact]
    public void MeterIsLostAfterFiveFailedPollsInARowAndChargingStopsByDefault()
    {
        var b = new Bench();
        var changes = new System.Collections.Generic.List<MeterHealth>();
        b.Service.HealthChanged += (previous, current, nowMs) => changes.Add(current);
        b.Run(1000);
        Assert.True(b.Service.IsHealthy);

        b.Meter.Slave.Silent = true;
        b.Run(4000);
        Assert.Equal(4, b.Service.ConsecutiveFailedPolls);
        Assert.Equal(MeterHealth.Degraded, b.Service.Health);
        Assert.True(b.Service.ChargingPermitted);

        b.Run(1000);
        Assert.Equal(5, b.Service.ConsecutiveFailedPolls);
        Assert.Equal(MeterHealth.Lost, b.Service.Health);
        Assert.Equal(MeterLossPolicy.StopCharging, b.Service.LossPolicy);
        Assert.False(b.Service.ChargingPermitted);
        Assert.True(b.Service.DataMissing);
        Assert.Equal(MeterPollFailure.Communication, b.Service.LastFailure);
        Assert.Equal(ModbusError.Timeout, b.Service.LastModbusError);
        Assert.Equal(new[] { MeterHealth.Healthy, MeterHealth.Degraded, MeterHealth.Lost }, changes);
    }

    [Fact]
    public void ConfiguredLossThresholdIsHonoured()
    {
        var b = new Bench();
        b.Service.LostAfterFailedPolls = 2;
        b.Run(1000);
        b.Meter.Slave.Silent = true;
        b.Run(2000);
        Assert.Equal(MeterHealth.Lost, b.Service.Health);
    }

    [Fact]
    public void ContinueAndFlagPolicyKeepsChargingButFlagsMissingData()
    {
        var b = new Bench();
        b.Service.LossPolicy = MeterLossPolicy.ContinueAndFlag;
        b.Run(1000);
        b.Meter.Slave.Silent = true;
        b.Run(5000);
        Assert.Equal(MeterHealth.Lost, b.Service.Health);
        Assert.True(b.Service.ChargingPermitted);
        Assert.True(b.Service.DataMissing);
        Assert.False(b.Service.IsHealthy);
    }

    [Fact]
    public void LostMeterRecoversWhenItAnswersAgain()
    {
        var b = new Bench();
        b.Run(1000);
        b.Meter.Slave.Silent = true;
        b.Run(6000);
        Assert.Equal(MeterHealth.Lost, b.Service.Health);

        b.Meter.Slave.Silent = false;
        b.Meter.SetPhase(1, 230, 20);
        b.Run(1000);

        Assert.Equal(MeterHealth.Healthy, b.Service.Health);
        Assert.Equal(1, b.Service.Recoveries);
        Assert.Equal(0, b.Service.ConsecutiveFailedPolls);
        Assert.True(b.Service.ChargingPermitted);
        Assert.False(b.Service.DataMissing);
        Assert.Equal(20.0, b.Service.GetPhaseCurrentA(1), 3);
    }

    [Fact]
    public void NoChargingPermittedBeforeTheFirstReadingUnderTheDefaultPolicy()
    {
        var b = new Bench();
        Assert.Equal(MeterHealth.Unknown, b.Service.Health);
        Assert.False(b.Service.ChargingPermitted);
        Assert.Equal(-1, b.Service.PhaseCurrentsReadAtMs);
        b.Run(1000);
        Assert.True(b.Service.ChargingPermitted);
    }

    [Fact]
    public void PhaseCurrentsAndHealthAreExposedForTheOverCurrentCheck()
    {
        var b = new Bench();
        b.Run(1000);
        b.Meter.SetPhase(2, 231, 40);   // an over-current the supervisor must see within one poll period
        b.Run(1000);
        Assert.True(b.Service.IsHealthy);
        Assert.Equal(16.0, b.Service.GetPhaseCurrentA(1), 3);
        Assert.Equal(40.0, b.Service.GetPhaseCurrentA(2), 3);
        Assert.Equal(14.0, b.Service.GetPhaseCurrentA(3), 3);
        Assert.True(b.Clock.NowMs - b.Service.PhaseCurrentsReadAtMs <= 1000);
    }

    [Fact]
    public void ExceptionResponseFromTheMeterIsReportedWithItsCode()
    {
        // The ABB map starts at 0x5000; the SDM630 has no such register and answers exception 02.
        var b = new Bench(AbbB2xProfile.B23());
        b.Run(1000);
        Assert.Null(b.Service.LatestReading);
        Assert.Equal(MeterPollFailure.Communication, b.Service.LastFailure);
        Assert.Equal(ModbusError.SlaveException, b.Service.LastModbusError);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, b.Service.LastExceptionCode);
    }

    [Fact]
    public void NoisyLineStillDeliversReadingsAndCountsTheBadFrames()
    {
        var b = new Bench();
        // 1 per mille of the meter's bytes dropped, 2 per mille corrupted: about one answer in eight is bad.
        b.Pair.B.SetFaults(new SeededRandom(3), 1, 2, 0);
        b.Run(60_000);
        var c = b.Master.Counters;
        Assert.True(b.Service.PollsSucceeded >= 58, $"succeeded {b.Service.PollsSucceeded} t{c.Timeouts} crc{c.CrcErrors} tr{c.TruncatedFrames} ws{c.WrongSlaveAddress} wf{c.WrongFunctionCode} wb{c.WrongByteCount} n{c.NoiseFrames} r{c.Retries} f{c.FailedTransactions} inv{b.Service.InvalidReadings} dec{b.Service.EnergyDecreases} slavecrc{b.Meter.Slave.CrcErrors}");
        Assert.True(b.Master.Counters.BadFrames > 0);
    }

    [Fact]
    public void SteadyStatePollingAllocatesOnlyTheReadingItReturns()
    {
        var b = new Bench();
        b.Run(5000);   // warm-up: JIT, first reading
        long before0 = System.GC.GetAllocatedBytesForCurrentThread();
        var probe = new MeterReading();
        long readingBytes = System.GC.GetAllocatedBytesForCurrentThread() - before0;
        Assert.NotNull(probe);

        int succeededBefore = b.Service.PollsSucceeded;
        long serviceBytes = 0;
        long end = b.Clock.NowMs + 20_000;
        while (b.Clock.NowMs < end)
        {
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            b.Service.Tick(b.Clock.NowMs);
            serviceBytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
            b.Meter.Poll(b.Clock.NowMs);
            b.Clock.Advance(TickMs);
        }

        int readings = b.Service.PollsSucceeded - succeededBefore;
        Assert.Equal(20, readings);
        Assert.Equal(readings * readingBytes, serviceBytes);
    }
}
