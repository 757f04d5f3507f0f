using Charger.Hal.Sim;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Sim.Models.Meter;

namespace Charger.Metering.Tests.Service;

/// <summary>
/// Issue 13: a meter that lies (CRC-valid frames with impossible values) costs the station that one
/// reading, never its availability: the value is counted, skipped, and the next good reading is
/// judged against the last good one.
/// </summary>
public class MeterPlausibilityTests
{
    private const int TickMs = 10;

    private sealed class Bench
    {
        public Bench()
        {
            Clock = new VirtualClock(0);
            Pair = new LoopbackSerialPair(Clock, 9600);
            Meter = new Sdm630Model(Pair.B, 1) { FrequencyHz = 50, PowerFactor = 1 };
            Service = new MeterService(new ModbusRtuMaster(Pair.A), new Sdm630Profile(), 1);
            Meter.ImportEnergyKWh = 100;
            for (int p = 1; p <= 3; p++)
            {
                Meter.SetPhase(p, 230, 16);
            }
        }

        public VirtualClock Clock { get; }
        public LoopbackSerialPair Pair { get; }
        public Sdm630Model Meter { get; }
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
    public void OneEnergyReadingOf1e30KWhIsSkippedAndChargingContinues()
    {
        var b = new Bench();
        b.Run(3000);
        var good = b.Service.LatestReading;
        Assert.Equal(MeterHealth.Healthy, b.Service.Health);

        double real = b.Meter.ImportEnergyKWh;
        b.Meter.ImportEnergyKWh = 1e30;
        b.Run(1000);
        Assert.Equal(1, b.Service.ImplausibleReadings);
        Assert.Equal(MeterPollFailure.Implausible, b.Service.LastFailure);
        Assert.Same(good, b.Service.LatestReading);
        Assert.True(b.Service.ChargingPermitted);

        b.Meter.ImportEnergyKWh = real + 0.001;
        b.Run(5000);
        Assert.Equal(MeterHealth.Healthy, b.Service.Health);
        Assert.True(b.Service.ChargingPermitted);
        Assert.Equal(0, b.Service.EnergyDecreases);
        Assert.True(b.Service.LatestReading.EnergyActiveImportWh < 1e9);
    }

    [Theory]
    [InlineData("current", 4e18)]
    [InlineData("current", 1e6)]
    [InlineData("voltage", 4e18)]
    [InlineData("voltage", 5000)]
    [InlineData("frequency", 1e9)]
    [InlineData("frequency", 5)]
    public void ImplausiblePhaseValuesAreCountedAndSkipped(string what, double value)
    {
        var b = new Bench();
        b.Run(2000);
        var good = b.Service.LatestReading;
        double energyKWh = b.Meter.ImportEnergyKWh;
        switch (what)
        {
            case "current": b.Meter.SetPhase(2, 230, value); break;
            case "voltage": b.Meter.SetPhase(2, value, 16); break;
            default: b.Meter.FrequencyHz = value; break;
        }

        b.Run(1000);
        Assert.Equal(1, b.Service.ImplausibleReadings);
        Assert.Same(good, b.Service.LatestReading);
        Assert.NotNull(b.Service.LastImplausibleReason);

        b.Meter.SetPhase(2, 230, 16);
        b.Meter.FrequencyHz = 50;
        b.Meter.ImportEnergyKWh = energyKWh + 0.01;
        b.Run(1000);
        Assert.Equal(MeterHealth.Healthy, b.Service.Health);
    }

    [Fact]
    public void EnergyStepAboveTheRatedPowerForTheElapsedTimeIsImplausible()
    {
        var b = new Bench();
        b.Run(2000);

        // 1 MWh in one second is far above 3 x 230 V x 100 A.
        b.Meter.ImportEnergyKWh += 1000;
        b.Run(1000);
        Assert.Equal(1, b.Service.ImplausibleReadings);
        Assert.Equal(MeterHealth.Degraded, b.Service.Health);
    }

    [Fact]
    public void AMeterThatKeepsLyingIsLostOnlyByTheWrittenPolicy()
    {
        var b = new Bench();
        b.Run(2000);
        b.Meter.SetPhase(1, 230, 1e9);
        b.Run(4000);
        Assert.Equal(MeterHealth.Degraded, b.Service.Health);
        b.Run(1000);
        Assert.Equal(MeterHealth.Lost, b.Service.Health);
        Assert.Equal(MeterService.DefaultLostAfterFailedPolls, b.Service.ConsecutiveFailedPolls);
    }

    [Fact]
    public void ASwappedMeterIsAcceptedAfterConsistentReadingsRatherThanRefusedForever()
    {
        var b = new Bench();
        b.Run(2000);

        // The register restarts lower (meter replaced): refused at first, then a new baseline.
        b.Meter.ImportEnergyKWh = 5;
        b.Run(MeterService.RebaselineAfterConsistentReadings * 1000 + 1000);
        Assert.Equal(MeterHealth.Healthy, b.Service.Health);
        Assert.Equal(1, b.Service.EnergyRebaselines);
        Assert.InRange(b.Service.LatestReading.EnergyActiveImportWh, 5000, 5100);
    }
}
