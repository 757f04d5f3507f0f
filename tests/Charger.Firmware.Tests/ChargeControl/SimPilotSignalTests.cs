using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>The simulated pilot circuit the firmware is tested against (hal/Charger.Hal.Sim/Pilot).</summary>
public class SimPilotSignalTests
{
    [Theory]
    [InlineData(0.10, 4)]
    [InlineData(0.50, 20)]
    [InlineData(0.533, 22)]
    [InlineData(1.0, 40)]
    [InlineData(0.0, 0)]
    public void SamplesWalkThroughOnePwmPeriodWithTheDutysShareOnTheHighPlateau(double duty, int expectedHigh)
    {
        var adc = new SimAdcChannel(4095);
        var pwm = new SimPwmOutput(1000);
        var model = new SimPilotSignal(adc, pwm) { EvState = EvPilotState.B };
        pwm.SetDutyCycle(duty);
        pwm.Start();
        int high = 0;
        // 25 µs per conversion: 40 conversions are one 1 ms period.
        for (int i = 0; i < 40; i++)
        {
            if (adc.ReadRaw() > 2048)
            {
                high++;
            }
        }

        Assert.Equal(expectedHigh, high);
        Assert.Equal(40, model.SampleCount);
    }

    [Theory]
    [InlineData(EvPilotState.A, 12000)]
    [InlineData(EvPilotState.B, 8980)]
    [InlineData(EvPilotState.C, 5995)]
    [InlineData(EvPilotState.D, 2931)]
    [InlineData(EvPilotState.E, 0)]
    [InlineData(EvPilotState.F, -12000)]
    public void EvResistorsGiveTheNominalLevelsOfIec61851TableA3(EvPilotState state, int expectedMv)
    {
        var model = new SimPilotSignal(new SimAdcChannel(4095), new SimPwmOutput(1000)) { EvState = state };
        Assert.InRange(model.PilotMv(true), expectedMv - 30, expectedMv + 30);
    }

    [Fact]
    public void TheDiodeBlocksTheNegativeHalfUnlessItIsMissing()
    {
        var model = new SimPilotSignal(new SimAdcChannel(4095), new SimPwmOutput(1000)) { EvState = EvPilotState.C };
        Assert.Equal(-12000, model.PilotMv(false));
        model.DiodePresent = false;
        Assert.InRange(model.PilotMv(false), -5700, -5500);
    }

    [Fact]
    public void AStoppedGeneratorSitsAtMinusTwelveVolts()
    {
        var adc = new SimAdcChannel(4095);
        var pwm = new SimPwmOutput(1000);
        var model = new SimPilotSignal(adc, pwm) { EvState = EvPilotState.A };
        pwm.SetDutyCycle(1.0);
        Assert.False(pwm.IsRunning);
        Assert.Equal(model.CountsFor(-12000), adc.ReadRaw());
    }
}
