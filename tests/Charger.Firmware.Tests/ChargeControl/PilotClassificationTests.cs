using Charger.Firmware.Pilot;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

public class PilotClassificationTests
{
    private readonly PilotThresholds _thresholds = new();

    [Theory]
    [InlineData(12000, PilotLevel.A)]
    [InlineData(9000, PilotLevel.B)]
    [InlineData(6000, PilotLevel.C)]
    [InlineData(3000, PilotLevel.D)]
    [InlineData(0, PilotLevel.E)]
    [InlineData(-12000, PilotLevel.F)]
    public void NominalLevelsOfIec61851TableA3ClassifyAsTheirState(int mv, PilotLevel expected)
    {
        Assert.Equal(expected, _thresholds.Classify(mv));
    }

    [Theory]
    [InlineData(11000, PilotLevel.A)]
    [InlineData(13000, PilotLevel.A)]
    [InlineData(8000, PilotLevel.B)]
    [InlineData(10000, PilotLevel.B)]
    [InlineData(5000, PilotLevel.C)]
    [InlineData(7000, PilotLevel.C)]
    [InlineData(2000, PilotLevel.D)]
    [InlineData(4000, PilotLevel.D)]
    [InlineData(-1000, PilotLevel.E)]
    [InlineData(1000, PilotLevel.E)]
    [InlineData(-13000, PilotLevel.F)]
    [InlineData(-11000, PilotLevel.F)]
    public void BandEdgesAtOneVoltFromNominalStillBelongToTheBand(int mv, PilotLevel expected)
    {
        Assert.Equal(expected, _thresholds.Classify(mv));
    }

    [Theory]
    [InlineData(10001)]
    [InlineData(10500)]
    [InlineData(10999)]
    [InlineData(7500)]
    [InlineData(4500)]
    [InlineData(1500)]
    [InlineData(-1001)]
    [InlineData(-6000)]
    [InlineData(-10999)]
    [InlineData(13001)]
    [InlineData(-13001)]
    public void VoltagesBetweenBandsAreInvalidNotRounded(int mv)
    {
        Assert.Equal(PilotLevel.Invalid, _thresholds.Classify(mv));
    }

    [Fact]
    public void BandsAreConfigurableAndOverlapsAreRefused()
    {
        _thresholds.SetBand(PilotLevel.C, 5500, 6500);
        Assert.Equal(PilotLevel.Invalid, _thresholds.Classify(5200));
        Assert.Equal(PilotLevel.C, _thresholds.Classify(5600));
        var overlap = Assert.Throws<System.ArgumentException>(() => _thresholds.SetBand(PilotLevel.D, 3000, 5600));
        Assert.Contains("overlaps band C", overlap.Message);
        Assert.Throws<System.ArgumentException>(() => _thresholds.SetBand(PilotLevel.A, 13000, 11000));
    }

    [Theory]
    [InlineData(-12000)]
    [InlineData(-6000)]
    [InlineData(0)]
    [InlineData(3000)]
    [InlineData(6000)]
    [InlineData(9000)]
    [InlineData(12000)]
    public void BoardProfileConvertsCountsToPilotVoltsWithinOneCount(int pilotMv)
    {
        var profile = PilotBoardProfile.CreateDefault(4095);
        int counts = profile.ToCounts(pilotMv);
        // One count of a 12-bit ADC behind the gain-of-8 divider is 3300/4095*8 ≈ 6.4 mV of pilot.
        Assert.InRange(profile.ToPilotMv(counts), pilotMv - 7, pilotMv + 7);
    }

    [Fact]
    public void BoardProfileUsesOffsetReferenceAndDivider()
    {
        var profile = new PilotBoardProfile(1023, 5000, 2500, 4.0);
        // Mid-scale is the bias: 0 V pilot. Full scale is +2.5 V at the ADC, ×4 = +10 V.
        Assert.InRange(profile.ToPilotMv(512), -20, 20);
        Assert.Equal(10000, profile.ToPilotMv(1023));
        Assert.Equal(-10000, profile.ToPilotMv(0));
    }

    private static (ControlPilot Pilot, SimPilotSignal Ev, SimPwmOutput Pwm) Pilot(int debounceTicks = 2)
    {
        var adc = new SimAdcChannel(4095);
        var pwm = new SimPwmOutput(1000);
        var ev = new SimPilotSignal(adc, pwm);
        pwm.SetDutyCycle(1.0);
        pwm.Start();
        var pilot = new ControlPilot(adc, pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 48, debounceTicks);
        return (pilot, ev, pwm);
    }

    [Theory]
    [InlineData(EvPilotState.A, PilotLevel.A)]
    [InlineData(EvPilotState.B, PilotLevel.B)]
    [InlineData(EvPilotState.C, PilotLevel.C)]
    [InlineData(EvPilotState.D, PilotLevel.D)]
    [InlineData(EvPilotState.E, PilotLevel.E)]
    [InlineData(EvPilotState.F, PilotLevel.F)]
    public void SimulatedEvResistorsClassifyThroughTheAdcAfterDebounce(EvPilotState ev, PilotLevel expected)
    {
        var (pilot, model, _) = Pilot();
        model.EvState = ev;
        pilot.Tick(10);
        Assert.Equal(expected, pilot.RawLevel);
        Assert.Equal(PilotLevel.Invalid, pilot.Level);
        pilot.Tick(20);
        Assert.Equal(expected, pilot.Level);
        Assert.Equal(10, pilot.LevelSinceMs);
    }

    [Fact]
    public void BurstCoversAWholePwmPeriodAndSeesBothPlateausAtTenPercentDuty()
    {
        var (pilot, model, pwm) = Pilot();
        model.EvState = EvPilotState.C;
        pwm.SetDutyCycle(0.10);
        for (int t = 10; t <= 100; t += 10)
        {
            pilot.Tick(t);
            Assert.Equal(PilotLevel.C, pilot.RawLevel);
            Assert.InRange(pilot.HighPlateauMv, 5000, 7000);
            Assert.InRange(pilot.LowPlateauMv, -12100, -11900);
        }

        Assert.False(pilot.DiodeFaultDetected);
    }

    [Fact]
    public void SingleTickGlitchDoesNotChangeTheDebouncedState()
    {
        var (pilot, model, _) = Pilot();
        model.EvState = EvPilotState.C;
        pilot.Tick(10);
        pilot.Tick(20);
        model.EvState = EvPilotState.A;
        pilot.Tick(30);
        model.EvState = EvPilotState.C;
        pilot.Tick(40);
        pilot.Tick(50);
        Assert.Equal(PilotLevel.C, pilot.Level);
        Assert.Equal(1, pilot.LevelChangeCount);
    }

    [Fact]
    public void MissingDiodeIsDetectedOnlyWhilePwmRuns()
    {
        var (pilot, model, pwm) = Pilot();
        model.EvState = EvPilotState.B;
        model.DiodePresent = false;
        pilot.Tick(10);
        pilot.Tick(20);
        Assert.False(pilot.DiodeFaultDetected);

        pwm.SetDutyCycle(0.5);
        pilot.Tick(30);
        Assert.False(pilot.DiodeFaultDetected);
        pilot.Tick(40);
        Assert.True(pilot.DiodeFaultDetected);
        Assert.Equal(30, pilot.DiodeFaultSinceMs);
        Assert.InRange(pilot.LowPlateauMv, -9500, -8000);
    }

    [Fact]
    public void ZeroVoltsWhileDrivenHighIsAShortButMinusTwelveWhileDrivenLowIsNot()
    {
        var (pilot, model, pwm) = Pilot();
        pwm.SetDutyCycle(0.0);
        model.EvState = EvPilotState.B;
        pilot.Tick(10);
        pilot.Tick(20);
        Assert.True(pilot.DrivingLow);
        Assert.Equal(PilotLevel.F, pilot.Level);
        Assert.False(pilot.ShortDetected);

        pwm.SetDutyCycle(1.0);
        model.EvState = EvPilotState.E;
        pilot.Tick(30);
        pilot.Tick(40);
        Assert.True(pilot.ShortDetected);
    }

    [Fact]
    public void InvalidConstructorArgumentsAreRefused()
    {
        var adc = new SimAdcChannel(4095);
        var pwm = new SimPwmOutput(1000);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new ControlPilot(adc, pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 1, 2));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new ControlPilot(adc, pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 48, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new PilotBoardProfile(4095, 3300, 1650, 0.0));
    }

    [Fact]
    public void WhileTheChargerDrivesMinusTwelveVoltsTheReadingIsNotTakenAsTheEvState()
    {
        var (pilot, model, pwm) = Pilot();
        model.SetPilotVoltage(6000, 6000);
        pwm.SetDutyCycle(0.0);
        pilot.Tick(10);
        pilot.Tick(20);
        Assert.Equal(PilotLevel.F, pilot.Level);
        Assert.True(pilot.ShortDetected, "a line that stays positive while driven to -12 V is shorted to a supply");

        model.SetPilotVoltage(6000, -12000);
        pwm.SetDutyCycle(1.0);
        pilot.Tick(30);
        Assert.Equal(PilotLevel.F, pilot.Level);
        pilot.Tick(40);
        Assert.Equal(PilotLevel.C, pilot.Level);
        Assert.False(pilot.ShortDetected);
    }

    [Fact]
    public void ReadingsThatKeepChangingWithoutSettlingMakeTheStateInvalidWithinTheDebounce()
    {
        var (pilot, model, _) = Pilot();
        model.EvState = EvPilotState.C;
        pilot.Tick(10);
        pilot.Tick(20);
        Assert.Equal(PilotLevel.C, pilot.Level);

        model.EvState = EvPilotState.A;
        pilot.Tick(30);
        model.EvState = EvPilotState.B;
        pilot.Tick(40);
        Assert.Equal(PilotLevel.Invalid, pilot.Level);
        Assert.Equal(30, pilot.LevelSinceMs);
        model.EvState = EvPilotState.A;
        pilot.Tick(50);
        model.EvState = EvPilotState.B;
        pilot.Tick(60);
        Assert.Equal(PilotLevel.Invalid, pilot.Level);
        pilot.Tick(70);
        Assert.Equal(PilotLevel.B, pilot.Level);
    }
}
