using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// NTC conversion with the device's double maths (Math.Log, Math.Exp), the rail checks, the
    /// derating stages, and the temperature text a technician reads, all on the board's CLR.
    /// Mirrors tests/Charger.Firmware.Tests/ChargeControl/ThermalTests.
    /// </summary>
    [TestClass]
    public class NtcOnTargetTests
    {
        private static void AssertNear(double expected, double actual, double tolerance, string what)
        {
            double diff = actual - expected;
            Assert.IsTrue(diff <= tolerance && diff >= -tolerance,
                what + ": expected " + NumberText.Fixed(expected, 3) + ", got " + NumberText.Fixed(actual, 3));
        }

        [TestMethod]
        public void BetaModelGivesTwentyFiveDegreesAtNominalResistanceAndRoundTrips()
        {
            BetaNtcModel ntc = new BetaNtcModel();

            AssertNear(25.0, ntc.TemperatureCFor(10000.0), 1e-6, "T(10 kOhm)");
            // Beta 3950: R(85 C) = 10 kOhm * exp(3950 * (1/358.15 - 1/298.15)), about 1087 Ohm.
            AssertNear(1087.0, ntc.ResistanceOhmsAt(85.0), 0.5, "R(85 C)");
            for (double t = -20.0; t <= 120.0; t += 5.0)
            {
                AssertNear(t, ntc.TemperatureCFor(ntc.ResistanceOhmsAt(t)), 1e-6, "round trip");
            }
        }

        [TestMethod]
        public void SteinhartHartWithDatasheetCoefficientsGivesTwentyFiveDegreesAtTenKiloOhms()
        {
            // Widely published coefficients for a 10 kOhm NTC (B about 3977 K).
            SteinhartHartNtcModel ntc = new SteinhartHartNtcModel(1.129148e-3, 2.34125e-4, 8.76741e-8);

            AssertNear(25.0, ntc.TemperatureCFor(10000.0), 0.05, "T(10 kOhm)");
            AssertNear(54.9, ntc.TemperatureCFor(3000.0), 0.2, "T(3 kOhm)");
            AssertNear(1.7, ntc.TemperatureCFor(30000.0), 0.2, "T(30 kOhm)");
        }

        [TestMethod]
        public void SteinhartHartFittedThroughThreePointsReproducesThemAndInterpolates()
        {
            BetaNtcModel beta = new BetaNtcModel();
            SteinhartHartNtcModel sh = SteinhartHartNtcModel.FromThreePoints(0.0, beta.ResistanceOhmsAt(0.0), 50.0,
                beta.ResistanceOhmsAt(50.0), 100.0, beta.ResistanceOhmsAt(100.0));

            AssertNear(0.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(0.0)), 1e-6, "0 C");
            AssertNear(50.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(50.0)), 1e-6, "50 C");
            AssertNear(100.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(100.0)), 1e-6, "100 C");
            AssertNear(70.0, sh.TemperatureCFor(beta.ResistanceOhmsAt(70.0)), 0.5, "70 C interpolated");
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => SteinhartHartNtcModel.FromThreePoints(25, 10000, 25, 10000, 50, 3600));
        }

        [TestMethod]
        public void SteinhartHartFitRefusesRepeatedPointsWithAnArgumentException()
        {
            // Repeated points used to reach a division by zero, which on this runtime throws a bare
            // System.Exception (see ADoubleDividedByZeroThrowsOnThisRuntime) instead of the NaN the
            // desktop saw.
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => SteinhartHartNtcModel.FromThreePoints(25, 10000, 25, 9000, 50, 3600));
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => SteinhartHartNtcModel.FromThreePoints(0, 30000, 25, 10000, 50, 10000));
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => SteinhartHartNtcModel.FromThreePoints(0, 30000, -273.15, 10000, 50, 3600));
        }

        [TestMethod]
        public void ADoubleDividedByZeroThrowsOnThisRuntime()
        {
            // Desktop .NET gives Infinity; nanoFramework 1.x throws. Device code must check divisors
            // itself. This test fails the day the runtime starts behaving like the desktop.
            double zero = System.Math.Abs(-0.0);
            bool threw = false;
            try
            {
                double infinity = 1.0 / zero;
                threw = double.IsNaN(infinity);
            }
            catch (System.Exception)
            {
                threw = true;
            }

            Assert.IsTrue(threw, "1.0 / 0.0 did not throw on this runtime");
        }

        [TestMethod]
        public void ReadingsAtEitherRailAreOpenOrShortedSensors()
        {
            int[] counts = { 4095, 4060, 0, 30, 2048 };
            int[] expected = { (int)SensorStatus.Open, (int)SensorStatus.Open, (int)SensorStatus.Short, (int)SensorStatus.Short, (int)SensorStatus.Ok };
            for (int i = 0; i < counts.Length; i++)
            {
                SimAdcChannel adc = new SimAdcChannel(4095);
                adc.Value = counts[i];
                NtcThermistor sensor = new NtcThermistor(adc, "socket", 10000, new BetaNtcModel(), 10);
                Assert.AreEqual(expected[i], (int)sensor.Read(), counts[i] + " counts");
            }
        }

        [TestMethod]
        public void ThermistorConvertsCountsThroughTheDividerAndPrintsWithOneDecimal()
        {
            SimAdcChannel adc = new SimAdcChannel(4095);
            adc.Value = 2048;
            NtcThermistor sensor = new NtcThermistor(adc, "socket", 10000, new BetaNtcModel(), 10);
            sensor.Read();

            // Mid-scale: the NTC equals the 10 kOhm series resistor, 25 C.
            AssertNear(25.0, sensor.TemperatureC, 0.1, "mid-scale");
            Assert.AreEqual("25.0", NumberText.Fixed(sensor.TemperatureC, 1));
        }

        [TestMethod]
        public void TemperaturesAreFormattedTheSameWayOnTheDevice()
        {
            // What the console's temps line and the fault reasons print.
            Assert.AreEqual("71.3", NumberText.Fixed(71.26, 1));
            Assert.AreEqual("-5.5", NumberText.Fixed(-5.46, 1));
            Assert.AreEqual("0.0", NumberText.Fixed(-0.04, 1));
            Assert.AreEqual("100", NumberText.Fixed(99.6, 0));
            Assert.AreEqual("n/a", NumberText.Fixed(double.NaN, 1));
            Assert.AreEqual("71.3", (71.26).ToString("F1"));
            Assert.AreEqual("65.0", (65.0).ToString("F1"));
        }

        [TestMethod]
        public void DeratingStagesRiseAtTheirThresholdsAndReleaseThreeDegreesLower()
        {
            ThermalDerating d = new ThermalDerating(65, 68, 71, 3);
            double[] temps = { 64.9, 65.0, 68.0, 71.0, 68.1, 67.9, 65.1, 64.9, 62.0, 61.9, 90.0 };
            DeratingStage[] stages =
            {
                DeratingStage.None, DeratingStage.HalfPower, DeratingStage.QuarterPower, DeratingStage.Stop, DeratingStage.Stop,
                DeratingStage.QuarterPower, DeratingStage.QuarterPower, DeratingStage.HalfPower, DeratingStage.HalfPower,
                DeratingStage.None, DeratingStage.Stop,
            };
            for (int i = 0; i < temps.Length; i++)
            {
                Assert.AreEqual((int)stages[i], (int)d.Update(temps[i]), "step " + i + " at " + NumberText.Fixed(temps[i], 1) + " C");
            }

            Assert.ThrowsException(typeof(System.ArgumentException), () => new ThermalDerating(70, 68, 71, 3));
        }

        [TestMethod]
        public void HotSocketHalvesThenQuartersTheOfferThenStopsAndRecoversWithHysteresis()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            Assert.AreEqual(319, rig.Controller.OfferDa);

            rig.SetTemperature(1, 65.3);
            rig.Tick();
            Assert.AreEqual((int)DeratingStage.HalfPower, (int)rig.Controller.GetDeratingStage(1));
            Assert.AreEqual(159, rig.Controller.OfferDa);

            rig.SetTemperature(1, 68.3);
            rig.Tick();
            Assert.AreEqual(79, rig.Controller.OfferDa);
            Assert.IsTrue(rig.Coil.State);

            rig.SetTemperature(1, 71.3);
            rig.Tick();
            Assert.IsFalse(rig.Coil.State);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.OverTemperature, "ntc1"));

            rig.SetTemperature(1, 68.3);
            rig.RunMs(1000);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverTemperature), "hysteresis: 68.3 C is not below 68 C");

            rig.SetTemperature(1, 67.5);
            rig.RunMs(400);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
            Assert.IsTrue(rig.Coil.State);
            Assert.AreEqual(79, rig.Controller.OfferDa);

            rig.SetTemperature(1, 30.0);
            rig.RunMs(4000);
            Assert.AreEqual(79, rig.Controller.OfferDa, "a higher offer waits the 5 s change interval");
            rig.RunMs(1100);
            Assert.AreEqual(319, rig.Controller.OfferDa);
        }

        [TestMethod]
        public void QuarterPowerNeverOffersLessThanSixAmperes()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Charging.MaxCurrentDa = 160;
            ChargeRig rig = new ChargeRig(config, 2);
            rig.StartCharging();
            rig.SetTemperature(0, 68.5);
            rig.Tick();

            Assert.AreEqual(60, rig.Controller.OfferDa);
            Assert.IsTrue(rig.Coil.State);
        }

        [TestMethod]
        public void SensorOpenCircuitDuringChargeIsAFaultAndOpensAtOnce()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Thermistors[0].Value = 4095;
            rig.Tick();

            Assert.IsFalse(rig.Coil.State);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
            Assert.AreEqual((int)SensorStatus.Open, (int)rig.Controller.GetTemperatureStatus(0));
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.TemperatureSensor, "temperature sensor ntc0 open circuit"));

            rig.SetTemperature(0, 25.0);
            rig.RunMs(9900);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
            rig.RunMs(200);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        }

        [TestMethod]
        public void PerSensorThresholdsAreConfigurable()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            ThermistorSettings relay = new ThermistorSettings("relay");
            relay.HalfPowerC = 80;
            relay.QuarterPowerC = 85;
            relay.StopC = 90;
            config.Thermistors = new ThermistorSettings[] { relay, new ThermistorSettings("socket") };
            ChargeRig rig = new ChargeRig(config, 2);
            rig.StartCharging();
            rig.SetTemperature(0, 75.0);
            rig.Tick();

            Assert.AreEqual((int)DeratingStage.None, (int)rig.Controller.GetDeratingStage(0));
            Assert.AreEqual(319, rig.Controller.OfferDa);
            AssertNear(75.0, rig.Controller.GetTemperatureC(0), 0.5, "relay sensor");
        }
    }
}
