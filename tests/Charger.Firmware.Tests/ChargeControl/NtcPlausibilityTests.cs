using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>Issue 12 item 9: NTC readings outside -40..+150 °C are a sensor fault, never a temperature.</summary>
public class NtcPlausibilityTests
{
    [Theory]
    [InlineData(-45.0)]
    [InlineData(-42.0)]
    [InlineData(155.0)]
    public void ReadingOutsideThePlausibleWindowIsASensorFault(double temperatureC)
    {
        var rig = new ChargerRig();
        rig.SetTemperature(0, temperatureC);
        rig.Ev.EvState = EvPilotState.C;
        rig.Controller.SetAuthorized(true);
        rig.RunMs(500);
        Assert.Equal(SensorStatus.Implausible, rig.Controller.GetTemperatureStatus(0));
        Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        Assert.Contains("implausible", rig.Controller.Safety.GetReason(FaultCode.TemperatureSensor));
        Assert.False(rig.Coil.State);
    }

    [Theory]
    [InlineData(-39.0)]
    [InlineData(25.0)]
    public void ReadingInsideTheWindowIsATemperature(double temperatureC)
    {
        var rig = new ChargerRig();
        rig.SetTemperature(0, temperatureC);
        rig.RunMs(100);
        Assert.Equal(SensorStatus.Ok, rig.Controller.GetTemperatureStatus(0));
        Assert.InRange(rig.Controller.GetTemperatureC(0), temperatureC - 1.0, temperatureC + 1.0);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
    }

    [Fact]
    public void ImplausibleReadingMidChargeOpensTheContactor()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.SetTemperature(1, -45.0);
        Assert.Equal(1, rig.TicksUntil(() => !rig.Coil.State, 10));
    }
}
