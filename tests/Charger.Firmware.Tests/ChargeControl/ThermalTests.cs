using Charger.Firmware.Charging;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim;

namespace Charger.Firmware.Tests.ChargeControl;

public class ThermalTests
{
    [Fact]
    public void BetaModelGivesTwentyFiveDegreesAtNominalResistanceAndRoundTrips()
    {
        var ntc = new BetaNtcModel();
        Assert.Equal(25.0, ntc.TemperatureCFor(10000.0), 6);
        // β 3950: R(85 °C) = 10 kΩ · exp(3950 · (1/358.15 − 1/298.15)) ≈ 1087 Ω.
        Assert.Equal(1087.0, ntc.ResistanceOhmsAt(85.0), 0);
        for (double t = -20.0; t <= 120.0; t += 5.0)
        {
            Assert.Equal(t, ntc.TemperatureCFor(ntc.ResistanceOhmsAt(t)), 6);
        }
    }

    [Fact]
    public void SteinhartHartWithDatasheetCoefficientsGivesTwentyFiveDegreesAtTenKiloOhms()
    {
        // Widely published coefficients for a 10 kΩ NTC (B ≈ 3977 K).
        var ntc = new SteinhartHartNtcModel(1.129148e-3, 2.34125e-4, 8.76741e-8);
        Assert.Equal(25.0, ntc.TemperatureCFor(10000.0), 1);
        // Hand-computed from 1/T = A + B·ln R + C·(ln R)³.
        Assert.InRange(ntc.TemperatureCFor(3000.0), 54.7, 55.1);
        Assert.InRange(ntc.TemperatureCFor(30000.0), 1.5, 1.9);
    }

    [Fact]
    public void SteinhartHartFittedThroughThreePointsReproducesThemAndInterpolates()
    {
        var beta = new BetaNtcModel();
        var sh = SteinhartHartNtcModel.FromThreePoints(0.0, beta.ResistanceOhmsAt(0.0), 50.0, beta.ResistanceOhmsAt(50.0),
            100.0, beta.ResistanceOhmsAt(100.0));
        Assert.Equal(0.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(0.0)), 6);
        Assert.Equal(50.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(50.0)), 6);
        Assert.Equal(100.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(100.0)), 6);
        Assert.InRange(sh.TemperatureCFor(beta.ResistanceOhmsAt(70.0)), 69.5, 70.5);
        Assert.Throws<System.ArgumentException>(() => SteinhartHartNtcModel.FromThreePoints(25, 10000, 25, 10000, 50, 3600));
    }

    [Theory]
    [InlineData(25.0, 10000.0, 25.0, 9000.0, 50.0, 3600.0)]
    [InlineData(0.0, 30000.0, 25.0, 10000.0, 50.0, 10000.0)]
    [InlineData(0.0, 30000.0, -273.15, 10000.0, 50.0, 3600.0)]
    [InlineData(0.0, 0.0, 25.0, 10000.0, 50.0, 3600.0)]
    public void SteinhartHartFitRefusesRepeatedOrImpossiblePointsBeforeDividingByZero(double t1, double r1, double t2, double r2, double t3, double r3)
    {
        // A repeated temperature with different resistances used to give a finite but meaningless
        // curve; on nanoFramework the divisions by zero behind the other cases throw a bare
        // System.Exception (found by NtcOnTargetTests), so the fit checks its points first.
        var e = Assert.Throws<System.ArgumentException>(() => SteinhartHartNtcModel.FromThreePoints(t1, r1, t2, r2, t3, r3));
        Assert.Contains("Steinhart-Hart fit", e.Message);
    }

    [Theory]
    [InlineData(4095, SensorStatus.Open)]
    [InlineData(4060, SensorStatus.Open)]
    [InlineData(0, SensorStatus.Short)]
    [InlineData(30, SensorStatus.Short)]
    [InlineData(2048, SensorStatus.Ok)]
    public void ReadingsAtEitherRailAreOpenOrShortedSensors(int counts, SensorStatus expected)
    {
        var adc = new SimAdcChannel(4095) { Value = counts };
        var sensor = new NtcThermistor(adc, "socket", 10000, new BetaNtcModel(), 10);
        Assert.Equal(expected, sensor.Read());
    }

    [Fact]
    public void ThermistorConvertsCountsThroughTheDivider()
    {
        var adc = new SimAdcChannel(4095) { Value = 2048 };
        var sensor = new NtcThermistor(adc, "socket", 10000, new BetaNtcModel(), 10);
        sensor.Read();
        // Mid-scale: NTC equals the 10 kΩ series resistor, 25 °C.
        Assert.InRange(sensor.TemperatureC, 24.9, 25.1);
    }

    [Fact]
    public void DeratingStagesRiseAtTheirThresholdsAndReleaseThreeDegreesLower()
    {
        var d = new ThermalDerating(65, 68, 71, 3);
        Assert.Equal(DeratingStage.None, d.Update(64.9));
        Assert.Equal(DeratingStage.HalfPower, d.Update(65.0));
        Assert.Equal(DeratingStage.QuarterPower, d.Update(68.0));
        Assert.Equal(DeratingStage.Stop, d.Update(71.0));
        Assert.Equal(DeratingStage.Stop, d.Update(68.1));
        Assert.Equal(DeratingStage.QuarterPower, d.Update(67.9));
        Assert.Equal(DeratingStage.QuarterPower, d.Update(65.1));
        Assert.Equal(DeratingStage.HalfPower, d.Update(64.9));
        Assert.Equal(DeratingStage.HalfPower, d.Update(62.0));
        Assert.Equal(DeratingStage.None, d.Update(61.9));
        Assert.Equal(DeratingStage.Stop, d.Update(90.0));
        Assert.Throws<System.ArgumentException>(() => new ThermalDerating(70, 68, 71, 3));
    }

    [Fact]
    public void HotSocketHalvesThenQuartersTheOfferThenStopsAndRecoversWithHysteresis()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.Equal(319, rig.Controller.OfferDa);

        rig.SetTemperature(1, 65.3);
        rig.Tick();
        Assert.Equal(DeratingStage.HalfPower, rig.Controller.GetDeratingStage(1));
        Assert.Equal(159, rig.Controller.OfferDa);

        rig.SetTemperature(1, 68.3);
        rig.Tick();
        Assert.Equal(79, rig.Controller.OfferDa);
        Assert.True(rig.Coil.State);

        rig.SetTemperature(1, 71.3);
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
        Assert.Contains(rig.Events.Raised, r => r.Code == FaultCode.OverTemperature && r.Reason.Contains("ntc1"));

        rig.SetTemperature(1, 68.3);
        rig.RunMs(1000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.OverTemperature));

        rig.SetTemperature(1, 67.5);
        rig.RunMs(400);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
        Assert.True(rig.Coil.State);
        Assert.Equal(79, rig.Controller.OfferDa);

        rig.SetTemperature(1, 30.0);
        rig.RunMs(4000);
        Assert.Equal(79, rig.Controller.OfferDa);
        rig.RunMs(1100);
        Assert.Equal(319, rig.Controller.OfferDa);
    }

    [Fact]
    public void QuarterPowerNeverOffersLessThanSixAmperes()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 160);
        rig.StartCharging();
        rig.SetTemperature(0, 68.5);
        rig.Tick();
        Assert.Equal(60, rig.Controller.OfferDa);
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void QuarterPowerPausesWhenConfiguredNotToClampToSixAmperes()
    {
        var rig = new ChargerRig(c =>
        {
            c.Charging.MaxCurrentDa = 160;
            c.Charging.DeratingClampsToMinimum = false;
        });
        rig.StartCharging();
        rig.SetTemperature(0, 68.5);
        rig.Tick();
        Assert.False(rig.Controller.PwmOfferActive);
        Assert.Equal(IecState.C1, rig.Controller.State);
    }

    [Fact]
    public void SensorOpenCircuitDuringChargeIsAFaultAndOpensAtOnce()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Thermistors[0].Value = 4095;
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        Assert.Equal(SensorStatus.Open, rig.Controller.GetTemperatureStatus(0));
        Assert.Contains(rig.Events.Raised, r => r.Reason == "temperature sensor ntc0 open circuit");

        rig.SetTemperature(0, 25.0);
        rig.RunMs(9900);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        rig.RunMs(200);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
    }

    [Fact]
    public void ShortedSensorIsAFault()
    {
        var rig = new ChargerRig();
        rig.Thermistors[1].Value = 0;
        rig.Tick();
        Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        Assert.Contains(rig.Events.Raised, r => r.Reason == "temperature sensor ntc1 short circuit");
    }

    [Fact]
    public void PerSensorThresholdsAreConfigurable()
    {
        var rig = new ChargerRig(c => c.Thermistors = new[]
        {
            new ThermistorSettings("relay") { HalfPowerC = 80, QuarterPowerC = 85, StopC = 90 },
            new ThermistorSettings("socket"),
        });
        rig.StartCharging();
        rig.SetTemperature(0, 75.0);
        rig.Tick();
        Assert.Equal(DeratingStage.None, rig.Controller.GetDeratingStage(0));
        Assert.Equal(319, rig.Controller.OfferDa);
        Assert.InRange(rig.Controller.GetTemperatureC(0), 74.5, 75.5);
    }
}
